package org.onenumber.server.intake;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import org.onenumber.core.error.OneNumberException;
import org.onenumber.server.cluster.RoutingOwnership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired intake idempotency keys every {@code onenumber.intake.idempotency-sweep-every}
 * (10 min). A key past its expiry no longer answers even before the sweep reaches it. A failure
 * (the database away) is logged and the next sweep catches up.
 */
@Singleton
final class IntakeKeySweep {

  private static final Logger LOG = LoggerFactory.getLogger(IntakeKeySweep.class);

  private final JdbcIntakeKeys keys;
  private final InstantSource clock;

  IntakeKeySweep(JdbcIntakeKeys keys, InstantSource clock) {
    this.keys = keys;
    this.clock = clock;
  }

  @Scheduled(fixedDelay = "${onenumber.intake.idempotency-sweep-every:10m}",
      initialDelay = "${onenumber.intake.idempotency-sweep-every:10m}",
      condition = RoutingOwnership.ONE_NODE_ONLY)
  void sweep() {
    try {
      int deleted = keys.sweep(clock.instant());
      if (deleted > 0) {
        LOG.debug("{} expired intake idempotency keys deleted", deleted);
      }
    } catch (OneNumberException e) {
      LOG.warn("intake idempotency keys not swept: {}", e.getMessage());
    }
  }
}
