package org.onenumber.server.ops;

import io.micronaut.context.annotation.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.List;
import org.onenumber.core.event.CaseOpened;
import org.onenumber.core.event.CaseUpdated;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.performance.CaseFacts;
import org.onenumber.core.performance.DepartmentFigures;
import org.onenumber.core.performance.FiguresFold;
import org.onenumber.core.performance.LiveDepartmentPerformance;
import org.onenumber.server.events.VertxEventPublisher;
import org.onenumber.server.persistence.JdbcCaseRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Department performance in the running server: the live figures, warmed from the stored cases at
 * start-up and kept current from case events (the case is re-read on a worker thread, never on the
 * event loop), and the batch recomputed from the stored cases on demand. Both stream the stored
 * cases a page at a time ({@link JdbcCaseRegistry#forEachCase}) into {@link FiguresFold}, so
 * neither holds a million cases: the live figures keep packed facts, the batch only the fold.
 */
@Context
final class DepartmentPerformanceFeed {

  private static final Logger LOG = LoggerFactory.getLogger(DepartmentPerformanceFeed.class);

  /** Cases per read while folding: three statements per page. */
  private static final int PAGE = 1_000;

  private final JdbcCaseRegistry cases;
  private final VertxEventPublisher events;
  private final Vertx vertx;
  private final LiveDepartmentPerformance live;

  DepartmentPerformanceFeed(JdbcCaseRegistry cases, VertxEventPublisher events, Vertx vertx) {
    this.cases = cases;
    this.events = events;
    this.vertx = vertx;
    this.live = new LiveDepartmentPerformance(cases);
  }

  @PostConstruct
  void start() {
    events.subscribe(this::onEvent);
    long t0 = System.nanoTime();
    cases.forEachCase(PAGE, live::load);
    LOG.info("department figures warmed from {} cases in {} ms", live.size(), (System.nanoTime() - t0) / 1_000_000);
  }

  List<DepartmentFigures> live(Instant now) {
    return live.figures(now);
  }

  List<DepartmentFigures> batch(Instant now) {
    FiguresFold fold = new FiguresFold(now);
    cases.forEachCase(PAGE, c -> fold.add(CaseFacts.of(c)));
    return fold.figures();
  }

  private void onEvent(DomainEvent event) {
    if (event instanceof CaseOpened || event instanceof CaseUpdated) {
      vertx.executeBlocking(() -> {
        live.on(event);
        return null;
      });
    }
  }
}
