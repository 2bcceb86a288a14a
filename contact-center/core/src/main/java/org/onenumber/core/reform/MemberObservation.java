package org.onenumber.core.reform;

import java.time.Instant;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.InvalidInputException;

/**
 * An observation a citizen monitoring member filed (what they saw of a service, optionally about a
 * reform task). A supervisor decides once: {@link #accept} earns the member {@code points} mileage,
 * {@link #reject} earns nothing; a decided observation is not decided again (409). Immutable.
 */
public record MemberObservation(String id, String member, String task, String text, Status status, int points,
    Instant filedAt, Instant decidedAt, String decidedBy) {

  /** Filed, then accepted or rejected. */
  public enum Status { FILED, ACCEPTED, REJECTED }

  public MemberObservation {
    InvalidInputException.requireText(id, "id");
    InvalidInputException.requireText(member, "member");
    InvalidInputException.requireText(text, "text");
    InvalidInputException.require(status, "status");
  }

  public static MemberObservation file(String id, String member, String task, String text, Instant at) {
    return new MemberObservation(id, member, task, text, Status.FILED, 0, at, null, null);
  }

  public MemberObservation accept(int points, String by, Instant at) {
    if (points < 0) {
      throw new InvalidInputException("points must not be negative");
    }
    return decide(Status.ACCEPTED, points, by, at);
  }

  public MemberObservation reject(String by, Instant at) {
    return decide(Status.REJECTED, 0, by, at);
  }

  private MemberObservation decide(Status next, int earned, String by, Instant at) {
    if (status != Status.FILED) {
      throw new IllegalTransitionException("a member's observation", status, next);
    }
    return new MemberObservation(id, member, task, text, next, earned, filedAt, at, by);
  }
}
