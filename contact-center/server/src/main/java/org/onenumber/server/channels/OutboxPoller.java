package org.onenumber.server.channels;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.messaging.OutboundRetries;
import org.onenumber.server.cluster.RoutingOwnership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link OutboundRetries#retryDue} every {@code onenumber.outbox.poll-interval} (1 s) on
 * Micronaut's scheduler thread, one round at a time. Counts what it did as Prometheus counters
 * {@code onenumber_messages_retried_total}, {@code onenumber_messages_retry_sent_total} and
 * {@code onenumber_messages_dead_lettered_total}. A database outage skips the round (logged);
 * the outbox is durable, so the next round after it picks up where this one stopped.
 */
@Singleton
final class OutboxPoller {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxPoller.class);

  private final OutboundRetries retries;
  private final Counter retried;
  private final Counter sent;
  private final Counter deadLettered;

  OutboxPoller(OutboundRetries retries, MeterRegistry registry) {
    this.retries = retries;
    this.retried = Counter.builder("onenumber.messages.retried")
        .description("Outbound message attempts that failed retriably and were scheduled again").register(registry);
    this.sent = Counter.builder("onenumber.messages.retry.sent")
        .description("Outbound messages the provider accepted on a retry").register(registry);
    this.deadLettered = Counter.builder("onenumber.messages.dead.lettered")
        .description("Outbound messages given up after the last retriable failure").register(registry);
  }

  @Scheduled(fixedDelay = "${onenumber.outbox.poll-interval:1s}", initialDelay = "${onenumber.outbox.poll-interval:1s}",
      condition = RoutingOwnership.ONE_NODE_ONLY)
  void poll() {
    try {
      OutboundRetries.Round round = retries.retryDue();
      retried.increment(round.rescheduled());
      sent.increment(round.sent());
      deadLettered.increment(round.deadLettered());
      if (round.deadLettered() > 0) {
        LOG.warn("{} outbound message(s) dead-lettered after their last attempt", round.deadLettered());
      }
    } catch (RetriableException e) {
      LOG.warn("outbound retries skipped this round: {}", e.getMessage());
    }
  }
}
