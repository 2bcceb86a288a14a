package org.onenumber.server.ops;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import org.onenumber.core.directory.Queue;
import org.onenumber.core.port.out.Directory;
import org.onenumber.ops.sla.LiveServiceLevels;
import org.onenumber.ops.sla.QueueThresholds;
import org.onenumber.ops.sla.ServiceLevelPolicy;
import org.onenumber.ops.sla.ServiceLevelVariant;

/**
 * Builds the service-level policy from configuration ({@code onenumber.ops.*}) and the queues'
 * own thresholds (looked up in the directory at each count), and the one live fold of this node.
 */
@Factory
final class OpsFactory {

  @Singleton
  ServiceLevelPolicy policy(Directory directory,
      @Value("${onenumber.ops.threshold-seconds:15}") int thresholdSeconds,
      @Value("${onenumber.ops.variant:of-offered}") String variant,
      @Value("${onenumber.ops.short-abandon-seconds:5}") int shortAbandonSeconds,
      @Value("${onenumber.ops.repeat-days:7}") int repeatDays,
      @Value("${onenumber.ops.zone:Asia/Seoul}") String zone) {
    // read at each count: the seed creates the queues after this policy is built (a fresh server
    // counted every contact against the center's 15 s), and admins change queues at run time
    QueueThresholds perQueue = queue -> directory.queue(queue).map(Queue::serviceLevelThreshold);
    return new ServiceLevelPolicy(Duration.ofSeconds(thresholdSeconds), perQueue,
        ServiceLevelVariant.valueOf(variant.toUpperCase(Locale.ROOT).replace('-', '_')),
        Duration.ofSeconds(shortAbandonSeconds), Duration.ofDays(repeatDays), ZoneId.of(zone));
  }

  @Singleton
  LiveServiceLevels liveServiceLevels(ServiceLevelPolicy policy) {
    return new LiveServiceLevels(policy);
  }
}
