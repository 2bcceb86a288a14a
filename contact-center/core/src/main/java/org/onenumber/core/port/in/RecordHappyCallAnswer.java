package org.onenumber.core.port.in;

import org.onenumber.core.contact.ContactId;

/** How an automated happy-call (IVR survey call) ended, told by the carrier that placed it. */
public interface RecordHappyCallAnswer {

  /** The citizen pressed {@code score} (1 to 5). @return false when no call of {@code contact}'s survey is under way */
  boolean scored(ContactId contact, int score);

  /**
   * No score: silence after the question and its repetition, other keys, a hang-up, busy, no
   * answer or a failed call. @return false when no call of {@code contact}'s survey is under way
   * (already answered or already reported)
   */
  boolean notAnswered(ContactId contact);

  /**
   * No score on call number {@code call} of {@code contact}'s survey (1 for the first). @return false, changing
   * nothing, when that call is not the one under way: a late report of an earlier call, or already reported
   */
  boolean notAnswered(ContactId contact, int call);
}
