package org.onenumber.core.event;

import java.time.Instant;

/** A bulk import finished: one event for the batch instead of one per answer. */
public record AnswersImported(long accepted, long rejected, String author, Instant at) implements DomainEvent {
  @Override
  public String type() {
    return "answer.imported";
  }
}
