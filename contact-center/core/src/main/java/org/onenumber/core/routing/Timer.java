package org.onenumber.core.routing;

import java.time.Instant;
import java.util.Comparator;
import org.onenumber.core.directory.QueueId;

/**
 * A deadline the engine set for itself, as data: the host only needs {@link RoutingEngine#nextDeadline()}.
 * Timers are never cancelled; one that no longer applies (its {@code version} is stale) is skipped.
 */
record Timer(Instant at, long seq, Type type, Entry entry, QueueId queue, long version) {

  static final Comparator<Timer> ORDER = Comparator.comparing(Timer::at).thenComparingLong(Timer::seq);

  enum Type {
    OFFER_EXPIRY,
    WRAP_UP_END,
    STEP,
    STICKY_END,
    CALLBACK_RETRY,
    POSITIONS
  }
}
