package org.onenumber.core.citizen;

/**
 * What a citizen agreed to.
 *
 * @param storeHistory keep their contact history beyond the legal minimum
 * @param recordCalls voice calls may be recorded for quality
 * @param smsOptOut the citizen sent STOP: send them no messages until START
 */
public record Consent(boolean storeHistory, boolean recordCalls, boolean smsOptOut) {

  /** The defaults for someone who has said nothing yet. */
  public static final Consent DEFAULT = new Consent(true, false, false);

  public Consent withSmsOptOut(boolean optOut) {
    return new Consent(storeHistory, recordCalls, optOut);
  }
}
