package org.onenumber.core.port.in;

import java.util.List;
import org.onenumber.core.directory.Language;
import org.onenumber.core.knowledge.AnswerHit;
import org.onenumber.core.knowledge.AnswerQuery;
import org.onenumber.core.knowledge.AnswerSearchResult;
import org.onenumber.core.knowledge.NearestFacility;

/** An operator (or the public web) looks for an answer, as-you-type suggestions, or a nearby facility. */
public interface SearchAnswers {

  AnswerSearchResult search(AnswerQuery query);

  /**
   * Answers to show the operator for a citizen's message, in {@code languages} (the
   * conversation's first; empty to guess): none when nothing is relevant enough.
   */
  List<AnswerHit> suggestFor(String message, List<Language> languages, int limit);

  List<String> suggest(String prefix, Language language, int limit);

  List<NearestFacility> nearest(double latitude, double longitude, String type, int limit);
}
