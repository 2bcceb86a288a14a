package org.onenumber.server.channels;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import jakarta.inject.Named;
import java.util.function.ToDoubleFunction;
import org.onenumber.server.persistence.GroupCommitLanes;

/**
 * Where the inbound group commit's lanes spend their time (issue 17, session 17), on {@code /prometheus}:
 * {@code onenumber_inbound_commit_transactions_total} (batches committed), {@code ..._items_total}
 * (webhooks, chat frames and contacts in them), {@code ..._work_seconds_total} (running the items'
 * statements, round trips included) and {@code ..._batch_seconds_total} (connection, work and commit
 * with its fsync: the rest is the commit), and the gauge {@code onenumber_inbound_commit_lanes}.
 * {@code bin/bench contacts} prints them per batch.
 */
@Context
final class InboundCommitMetrics {

  InboundCommitMetrics(@Named("inbound-messages") GroupCommitLanes lanes, MeterRegistry registry) {
    counter(registry, lanes, "transactions", "Batch transactions committed", GroupCommitLanes::transactions);
    counter(registry, lanes, "items", "Items in the committed batches", GroupCommitLanes::items);
    counter(registry, lanes, "work.seconds", "Time the committed batches ran their items' work",
        l -> l.workNanos() / 1e9);
    counter(registry, lanes, "batch.seconds", "Time the committed batches took: connection, work, commit",
        l -> l.batchNanos() / 1e9);
    Gauge.builder("onenumber.inbound.commit.lanes", lanes, GroupCommitLanes::size)
        .description("Lanes of the inbound group commit").register(registry);
  }

  private static void counter(MeterRegistry registry, GroupCommitLanes lanes, String name, String description,
      ToDoubleFunction<GroupCommitLanes> value) {
    FunctionCounter.builder("onenumber.inbound.commit." + name, lanes, value).description(description)
        .register(registry);
  }
}
