package org.onenumber.core.routing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.onenumber.core.directory.QueueId;

/**
 * Estimated wait per queue (policy case 8): position × average handle time ÷ staffed agents,
 * where the average is an exponentially weighted mean of recent handle times (connect to end of
 * wrap-up, weight 0.2 for the newest) and staffed agents are those logged in to the queue.
 * Not thread-safe.
 */
final class WaitEstimator {

  private static final double NEWEST_WEIGHT = 0.2;

  private final double defaultHandleSeconds;
  private final Map<QueueId, double[]> handle = new HashMap<>();
  private final Map<QueueId, int[]> staffed = new HashMap<>();

  WaitEstimator(Duration defaultHandle) {
    this.defaultHandleSeconds = defaultHandle.toSeconds();
  }

  void handled(QueueId queue, Duration time) {
    double[] avg = handle.computeIfAbsent(queue, q -> new double[] {defaultHandleSeconds});
    avg[0] = avg[0] * (1 - NEWEST_WEIGHT) + time.toMillis() / 1000.0 * NEWEST_WEIGHT;
  }

  void staff(QueueId queue, int delta) {
    staffed.computeIfAbsent(queue, q -> new int[1])[0] += delta;
  }

  int staffed(QueueId queue) {
    int[] count = staffed.get(queue);
    return count == null ? 0 : count[0];
  }

  long estimateSeconds(QueueId queue, int position) {
    double[] avg = handle.get(queue);
    double seconds = avg == null ? defaultHandleSeconds : avg[0];
    return Math.round(position * seconds / Math.max(1, staffed(queue)));
  }
}
