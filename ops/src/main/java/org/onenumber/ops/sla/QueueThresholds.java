package org.onenumber.ops.sla;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.onenumber.core.directory.QueueId;

/**
 * Each queue's own service-level threshold T, looked up when a contact is counted. A server passes
 * a lookup into its directory, so a queue created or changed after start (the seed runs after the
 * policy is built; an admin edits a queue) is counted against its own T, not the center's.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface QueueThresholds {

  /** T of {@code queue}, empty when it has none of its own (the center's T applies). */
  Optional<Duration> of(QueueId queue);

  /** Fixed thresholds, copied now. */
  static QueueThresholds fixed(Map<QueueId, Duration> byQueue) {
    Map<QueueId, Duration> copy = Map.copyOf(byQueue);
    return queue -> Optional.ofNullable(copy.get(queue));
  }
}
