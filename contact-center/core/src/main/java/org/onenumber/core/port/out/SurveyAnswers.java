package org.onenumber.core.port.out;

import org.onenumber.core.event.SurveyAnswered;

/** The survey table that service levels read (FCR survey-confirmed, satisfaction). */
public interface SurveyAnswers {

  /** Stores and publishes the answer. @return false when the contact already has one */
  boolean save(SurveyAnswered answer);
}
