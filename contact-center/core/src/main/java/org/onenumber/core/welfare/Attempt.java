package org.onenumber.core.welfare;

import java.time.Instant;
import java.time.LocalDate;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.InvalidInputException;

/**
 * One try to reach a senior. The first attempt of a planned call has number 1; each retry is a new
 * attempt with the next number and the same {@code day} (the planned call's day). Immutable.
 *
 * @param contact the contact the call or text is journaled under; null until dialled
 * @param startedAt when it was handed to the carrier; null until dialled
 * @param outcome null until done
 */
public record Attempt(AttemptId id, SeniorId senior, LocalDate day, int number, Instant dueAt, CheckInMode mode,
    AttemptState state, ContactId contact, Instant startedAt, CallOutcome outcome, Instant endedAt) {

  public Attempt {
    InvalidInputException.require(id, "id");
    InvalidInputException.require(senior, "senior");
    InvalidInputException.require(day, "day");
    InvalidInputException.require(dueAt, "due at");
    InvalidInputException.require(mode, "mode");
    InvalidInputException.require(state, "state");
    if (number < 1) {
      throw new InvalidInputException("attempts are numbered from 1");
    }
  }

  public static Attempt scheduled(AttemptId id, SeniorId senior, LocalDate day, int number, Instant dueAt,
      CheckInMode mode) {
    return new Attempt(id, senior, day, number, dueAt, mode, AttemptState.SCHEDULED, null, null, null, null);
  }

  public Attempt dialing(ContactId contact, Instant at) {
    return new Attempt(id, senior, day, number, dueAt, mode, AttemptState.DIALING, contact, at, null, null);
  }

  public Attempt done(CallOutcome result, Instant at) {
    return new Attempt(id, senior, day, number, dueAt, mode, AttemptState.DONE, contact, startedAt, result, at);
  }
}
