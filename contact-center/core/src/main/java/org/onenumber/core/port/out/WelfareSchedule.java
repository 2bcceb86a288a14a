package org.onenumber.core.port.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.welfare.Attempt;
import org.onenumber.core.welfare.AttemptId;
import org.onenumber.core.welfare.Escalation;
import org.onenumber.core.welfare.SeniorId;

/**
 * The welfare program's durable schedule: planned weeks, attempts and their outcomes, each
 * senior's run of unreached attempts, escalations not yet carried out. Every method is one
 * transaction, so a restart at any point neither loses nor repeats an attempt. Thread-safe.
 */
public interface WelfareSchedule {

  boolean planned(LocalDate monday);

  /** Stores a week's first attempts and marks the week planned; false, storing nothing, when it already was. */
  boolean savePlan(LocalDate monday, List<Attempt> attempts);

  /** Scheduled attempts due at {@code now} or before, earliest first. */
  List<Attempt> due(Instant now, int limit);

  /** The earliest due time of a scheduled attempt after {@code now}; empty when none is scheduled later. */
  Optional<Instant> nextDueAfter(Instant now);

  /**
   * Stores {@code dialing} (state DIALING) if its attempt is still SCHEDULED and, for a call (not an
   * SMS check-in), no other call of the same senior is DIALING; false otherwise (someone else claimed
   * it, or the senior is on a call).
   */
  boolean claim(Attempt dialing);

  /** Puts a DIALING attempt back to SCHEDULED (the carrier was down, or it never got the call). */
  void release(AttemptId attempt);

  /** Moves a SCHEDULED attempt to a new due time (its window passed while dialing was paused). */
  void reschedule(AttemptId attempt, Instant dueAt);

  List<Attempt> dialing();

  Optional<Attempt> find(AttemptId id);

  Optional<Attempt> byContact(ContactId contact);

  /** Attempts whose planned call is on a day in [from, to], any state. */
  List<Attempt> between(LocalDate from, LocalDate to);

  int unreachedInRow(SeniorId senior);

  /**
   * In one transaction: {@code done} replaces the DIALING attempt, the retry (if not null) is
   * scheduled, the senior's run of unreached attempts is set, the escalation (if not null) is kept
   * as pending. False, changing nothing, when the attempt was not DIALING (a repeated outcome).
   */
  boolean complete(Attempt done, Attempt retry, int unreachedInRow, Escalation escalation);

  List<Escalation> pendingEscalations();

  /** The escalation of {@code attempt} was carried out and opened {@code caseId}. */
  void escalated(AttemptId attempt, String caseId);
}
