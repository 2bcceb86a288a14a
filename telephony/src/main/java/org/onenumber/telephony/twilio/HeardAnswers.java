package org.onenumber.telephony.twilio;

import java.time.Instant;
import java.util.Optional;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.directory.Language;

/**
 * Which Twilio call heard which self-service answer ({@link TwilioSelfService}), from the answer
 * until the call's status callback counts it as self-served. Kept durably by the server (so a
 * restart between the answer and the hang-up keeps the call's self-served count: Twilio keeps the
 * call and sends its callback to the restarted server); {@link #inMemory()} for tests and a node
 * without a database. Implementations are thread-safe and may block.
 */
public interface HeardAnswers {

  /** A call that heard the answer of {@code topic} in {@code language}, first at {@code at}. */
  record Heard(String callSid, String topic, Language language, CitizenIdentity caller, Instant at) {}

  /** Inserts or replaces the call's row. */
  void heard(Heard heard);

  Optional<Heard> find(String callSid);

  /**
   * Removes the call's row; true only for the one caller that removed it (two status callbacks at
   * once count the call once).
   */
  boolean forget(String callSid);

  /** Removes rows older than {@code horizon} (calls whose callback never came). */
  void forgetBefore(Instant horizon);

  static HeardAnswers inMemory() {
    return new MemoryHeardAnswers();
  }
}
