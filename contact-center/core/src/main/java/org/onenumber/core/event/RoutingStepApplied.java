package org.onenumber.core.event;

import java.time.Instant;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.QueueId;

/**
 * A waiting contact reached a queue's widening step (bullseye): {@code action} is the step's
 * action name ({@code LOWER_SKILL}, {@code ADD_QUEUES}, {@code OFFER_CALLBACK}, {@code FALLBACK})
 * and {@code step} its zero-based index; {@code detail} names the target queues or fallback.
 */
public record RoutingStepApplied(ContactId contact, QueueId queue, int step, String action, String detail, Instant at)
    implements DomainEvent {
  @Override
  public String type() {
    return "routing.step-applied";
  }
}
