package org.onenumber.core.reform;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.InvalidInputException;

/**
 * A reform task on one issue: the issue's key (a hotspot cell {@code cell:r:c}, a burst
 * {@code type@city}, or a type code), the complaint type whose volume measures it, the cause, the
 * ladder step it is on, owner and due date, and its history. Cases of {@link #climb}:
 *
 * <ol>
 *   <li>a closed task changes no more (409);
 *   <li>a step outside the ladder is refused (400);
 *   <li>a step not above the current one is refused (409): the ladder only climbs;
 *   <li>otherwise the task is on the new step from {@code at}, which is when its fix took effect.
 * </ol>
 *
 * {@link #close} ends an open task at {@code at} (409 when already closed). Immutable.
 */
public record ReformTask(String id, String issue, String type, Cause cause, String title, String owner,
    LocalDate due, int step, Instant fixedAt, Instant closedAt, List<Entry> history) {

  /** One change: the step it reached (or kept), what happened, who, when, an optional note. */
  public record Entry(int step, String what, String author, Instant at, String note) {}

  public ReformTask {
    InvalidInputException.requireText(id, "id");
    InvalidInputException.requireText(issue, "issue");
    InvalidInputException.requireText(type, "type");
    InvalidInputException.require(cause, "cause");
    InvalidInputException.requireText(title, "title");
    InvalidInputException.requireText(owner, "owner");
    InvalidInputException.require(due, "due");
    history = List.copyOf(history);
  }

  /** A new task on its first step, opened by {@code author} at {@code at}. */
  public static ReformTask open(String id, String issue, String type, Cause cause, String title, String owner,
      LocalDate due, int step, ReformLadder ladder, String author, Instant at) {
    ladder.check(step);
    return new ReformTask(id, issue, type, cause, title, owner, due, step, at, null,
        List.of(new Entry(step, "opened", author, at, null)));
  }

  public boolean closed() {
    return closedAt != null;
  }

  /** Climbs to {@code next} (cases in the class comment). */
  public ReformTask climb(int next, ReformLadder ladder, String author, Instant at, String note) {
    if (closed()) {
      throw new IllegalTransitionException("a reform task", "closed", "step " + next);
    }
    ladder.check(next);
    if (next <= step) {
      throw new IllegalTransitionException("a reform task (the ladder only climbs)", "step " + step, "step " + next);
    }
    return new ReformTask(id, issue, type, cause, title, owner, due, next, at, null,
        append(new Entry(next, "climbed", author, at, note)));
  }

  /** Closes the task: its fix is done. */
  public ReformTask close(String author, Instant at, String note) {
    if (closed()) {
      throw new IllegalTransitionException("a reform task", "closed", "closed");
    }
    return new ReformTask(id, issue, type, cause, title, owner, due, step, fixedAt, at,
        append(new Entry(step, "closed", author, at, note)));
  }

  private List<Entry> append(Entry e) {
    List<Entry> next = new ArrayList<>(history);
    next.add(e);
    return next;
  }
}
