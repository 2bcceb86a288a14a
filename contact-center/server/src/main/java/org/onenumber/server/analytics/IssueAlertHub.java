package org.onenumber.server.analytics;

import jakarta.inject.Singleton;
import java.util.function.Predicate;
import org.onenumber.core.analytics.EmergingIssue;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Pushes emerging-issue alerts to the supervisors' and departments' screens as the live fold
 * raises them ({@link EmergingIssues}); each viewer's filter decides what it sees (staff: their
 * department's types). Viewers get alerts from the moment they connect; earlier ones are
 * {@code GET /api/v1/analytics/issues}. A viewer more than {@value #VIEWER_BUFFER} alerts behind
 * loses the oldest. Thread-safe.
 */
@Singleton
public final class IssueAlertHub {

  static final int VIEWER_BUFFER = 64;
  private final Sinks.Many<EmergingIssue> sink = Sinks.many().multicast().directBestEffort();

  synchronized void publish(EmergingIssue issue) {
    sink.tryEmitNext(issue);
  }

  /** The alerts {@code admits} lets through, from now on. */
  public Flux<EmergingIssue> stream(Predicate<EmergingIssue> admits) {
    return sink.asFlux().filter(admits).onBackpressureBuffer(VIEWER_BUFFER, dropped -> { },
        BufferOverflowStrategy.DROP_OLDEST);
  }
}
