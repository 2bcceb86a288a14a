package org.onenumber.ops.sla;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.InvalidInputException;

/**
 * How a center measures itself: the service-level threshold T (per center, overridable per
 * queue), the formula variant, the short-abandon threshold, the repeat window of contact-level
 * first-contact resolution, and the time zone that says when "today" starts.
 *
 * @param threshold T for queues without their own; default 15 s
 * @param queueThresholds T per queue, overriding {@code threshold}, looked up at each count
 * @param shortAbandon an abandon after a wait shorter than this is a short abandon; default 5 s
 * @param repeatWindow a new contact from the same citizen in the same category within this time
 *     of the first one's creation means the first was not resolved; default 7 days
 */
public record ServiceLevelPolicy(
    Duration threshold,
    QueueThresholds queueThresholds,
    ServiceLevelVariant variant,
    Duration shortAbandon,
    Duration repeatWindow,
    ZoneId zone) {

  public ServiceLevelPolicy {
    InvalidInputException.require(threshold, "threshold");
    InvalidInputException.require(queueThresholds, "queueThresholds");
    InvalidInputException.require(variant, "variant");
    InvalidInputException.require(shortAbandon, "shortAbandon");
    InvalidInputException.require(repeatWindow, "repeatWindow");
    InvalidInputException.require(zone, "zone");
    if (threshold.isNegative() || shortAbandon.isNegative() || repeatWindow.isNegative()) {
      throw new InvalidInputException("service-level durations must not be negative");
    }
  }

  /** With fixed thresholds per queue. */
  public ServiceLevelPolicy(Duration threshold, Map<QueueId, Duration> queueThresholds, ServiceLevelVariant variant,
      Duration shortAbandon, Duration repeatWindow, ZoneId zone) {
    this(threshold, QueueThresholds.fixed(InvalidInputException.require(queueThresholds, "queueThresholds")), variant,
        shortAbandon, repeatWindow, zone);
  }

  /** Seoul 120's habit: 15 s, answered within T ÷ offered, 5 s short abandons, 7-day repeats. */
  public static ServiceLevelPolicy defaults(ZoneId zone) {
    return new ServiceLevelPolicy(Duration.ofSeconds(15), Map.of(), ServiceLevelVariant.OF_OFFERED,
        Duration.ofSeconds(5), Duration.ofDays(7), zone);
  }

  /** T for contacts that entered {@code queue} (null: the center's T). */
  public Duration thresholdFor(QueueId queue) {
    return queue == null ? threshold : queueThresholds.of(queue).orElse(threshold);
  }

  public ServiceLevelPolicy withVariant(ServiceLevelVariant next) {
    return new ServiceLevelPolicy(threshold, queueThresholds, next, shortAbandon, repeatWindow, zone);
  }
}
