package org.onenumber.core.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.happycall.FollowUp;
import org.onenumber.core.happycall.HappyCall;

/** Durable happy-call surveys and their follow-up tasks. Every change is a compare-and-set. */
public interface HappyCallStore {

  /** @return false when {@code contact} already has a survey */
  boolean schedule(HappyCall call);

  /** Scheduled surveys due at {@code now}, earliest first. */
  List<HappyCall> due(Instant now, int limit);

  /** SCHEDULED to SENT. @return false when it was not SCHEDULED any more (another node sent it) */
  boolean markSent(ContactId contact, String phone, Instant at);

  /** SCHEDULED to CALLING, one more call counted. @return false when it was not SCHEDULED any more */
  boolean markCalling(ContactId contact, String phone, Instant at);

  /** CALLING to SCHEDULED again, due at {@code dueAt} (the next call). @return false when not CALLING */
  boolean callAgain(ContactId contact, Instant dueAt);

  /** CALLING to SENT: the SMS fallback goes out at {@code at}. @return false when not CALLING */
  boolean fallBackToSms(ContactId contact, Instant at);

  /** Surveys CALLING since before {@code before}, oldest first. */
  List<HappyCall> callingSince(Instant before, int limit);

  /** The survey of {@code contact}, if any. */
  Optional<HappyCall> find(ContactId contact);

  /** SCHEDULED to SKIPPED. */
  boolean skip(ContactId contact);

  /** When {@code citizen} was last sent a survey, if ever. */
  Optional<Instant> lastSent(CitizenId citizen);

  /** The SENT survey to {@code phone} still awaiting its answer, latest first. */
  Optional<HappyCall> awaiting(String phone);

  /** SENT or CALLING to ANSWERED, and the follow-up task when there is one, in one transaction. */
  boolean answer(ContactId contact, int score, Instant at, FollowUp followUp);

  /** Follow-up tasks, newest first. */
  List<FollowUp> followUps(int limit);
}
