package org.onenumber.server.happycall;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.onenumber.core.error.OneNumberException;
import org.onenumber.core.happycall.HappyCalls;
import org.onenumber.server.cluster.RoutingOwnership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the due happy-call surveys every {@code onenumber.happy-call.sweep-every} (1 min), up to
 * 100 a round, on the scheduler's thread, after counting IVR calls nobody reported on as not answered. A failure is logged and the next round retries: the
 * surveys are durable and each is claimed (SCHEDULED to SENT) before its SMS goes out.
 */
@Singleton
final class HappyCallSweep {

  private static final Logger LOG = LoggerFactory.getLogger(HappyCallSweep.class);

  private final HappyCalls happy;
  private final boolean enabled;

  HappyCallSweep(HappyCalls happy, @Value("${onenumber.happy-call.enabled:true}") boolean enabled) {
    this.happy = happy;
    this.enabled = enabled;
  }

  @Scheduled(fixedDelay = "${onenumber.happy-call.sweep-every:1m}", initialDelay = "${onenumber.happy-call.sweep-every:1m}",
      condition = RoutingOwnership.ONE_NODE_ONLY)
  void round() {
    if (!enabled) {
      return;
    }
    try {
      happy.expireCalls(100);
      happy.sendDue(100);
    } catch (OneNumberException e) {
      LOG.warn("happy-call sweep failed, next round retries: {}", e.getMessage());
    }
  }
}
