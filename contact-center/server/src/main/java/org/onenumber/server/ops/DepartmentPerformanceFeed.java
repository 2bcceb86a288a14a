package org.onenumber.server.ops;

import io.micronaut.context.annotation.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.onenumber.core.casework.Case;
import org.onenumber.core.directory.Department;
import org.onenumber.core.event.CaseOpened;
import org.onenumber.core.event.CaseUpdated;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.performance.DepartmentFigures;
import org.onenumber.core.performance.DepartmentPerformance;
import org.onenumber.core.performance.LiveDepartmentPerformance;
import org.onenumber.server.events.VertxEventPublisher;
import org.onenumber.server.persistence.JdbcCaseRegistry;
import org.onenumber.server.persistence.JdbcDirectory;

/**
 * Department performance in the running server: the live figures, warmed from the stored cases at
 * start-up and kept current from case events (the case is re-read on a worker thread, never on the
 * event loop), and the batch recomputed from the stored cases on demand. Both use
 * {@link DepartmentPerformance#figures}.
 */
@Context
final class DepartmentPerformanceFeed {

  private final JdbcCaseRegistry cases;
  private final JdbcDirectory directory;
  private final VertxEventPublisher events;
  private final Vertx vertx;
  private final LiveDepartmentPerformance live;

  DepartmentPerformanceFeed(JdbcCaseRegistry cases, JdbcDirectory directory, VertxEventPublisher events, Vertx vertx) {
    this.cases = cases;
    this.directory = directory;
    this.events = events;
    this.vertx = vertx;
    this.live = new LiveDepartmentPerformance(cases);
  }

  @PostConstruct
  void start() {
    events.subscribe(this::onEvent);
    live.load(stored());
  }

  List<DepartmentFigures> live(Instant now) {
    return live.figures(now);
  }

  List<DepartmentFigures> batch(Instant now) {
    return DepartmentPerformance.of(stored(), now);
  }

  private List<Case> stored() {
    List<Case> all = new ArrayList<>();
    for (Department d : directory.departments()) {
      all.addAll(cases.byDepartment(d.id(), Integer.MAX_VALUE));
    }
    return all;
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
