package org.onenumber.server.ops;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.onenumber.core.directory.Queue;
import org.onenumber.core.port.out.Directory;
import org.onenumber.ops.sla.LiveServiceLevels;
import org.onenumber.ops.sla.ServiceLevelPolicy;
import org.onenumber.ops.sla.ServiceLevelVariant;

/**
 * Builds the service-level policy from configuration ({@code onenumber.ops.*}) and the queues'
 * own thresholds, and the one live fold of this node.
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
    Map<org.onenumber.core.directory.QueueId, Duration> perQueue = directory.queues().stream()
        .collect(Collectors.toMap(Queue::id, Queue::serviceLevelThreshold, (a, b) -> a));
    return new ServiceLevelPolicy(Duration.ofSeconds(thresholdSeconds), perQueue,
        ServiceLevelVariant.valueOf(variant.toUpperCase(Locale.ROOT).replace('-', '_')),
        Duration.ofSeconds(shortAbandonSeconds), Duration.ofDays(repeatDays), ZoneId.of(zone));
  }

  @Singleton
  LiveServiceLevels liveServiceLevels(ServiceLevelPolicy policy) {
    return new LiveServiceLevels(policy);
  }
}
