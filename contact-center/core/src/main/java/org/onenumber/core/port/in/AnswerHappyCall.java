package org.onenumber.core.port.in;

import org.onenumber.core.citizen.CitizenIdentity;

/** A citizen's SMS answer to a happy-call survey. */
public interface AnswerHappyCall {

  /** A text "1" to "5" from {@code from}. @return false when it answers no survey */
  boolean reply(CitizenIdentity.Phone from, String body);
}
