package org.onenumber.server.ops;

import io.micronaut.context.annotation.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.onenumber.core.error.RetriableException;
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
 * Department performance in the running server: the live figures, warmed from the stored cases
 * after start-up (in the background: a restart does not wait for a million cases) and kept current
 * from case events — in the cluster profile those of every node ({@link
 * VertxEventPublisher#subscribeCenterWide}), so a supervisor on any node sees the whole center —
 * (the case is re-read from the shared database on a worker thread, never on the event loop), and
 * the batch recomputed from the stored cases on demand. Both stream the stored
 * cases a page at a time ({@link JdbcCaseRegistry#forEachCase}) into {@link FiguresFold}, so
 * neither holds a million cases: the live figures keep packed facts, the batch only the fold.
 */
@Context
final class DepartmentPerformanceFeed {

  private static final Logger LOG = LoggerFactory.getLogger(DepartmentPerformanceFeed.class);

  /** Cases per read while folding: five statements per page. */
  private static final int PAGE = 1_000;
  /** How long a live request waits for the start-up warm-up. */
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration RETRY = Duration.ofSeconds(5);

  private final JdbcCaseRegistry cases;
  private final VertxEventPublisher events;
  private final Vertx vertx;
  private final LiveDepartmentPerformance live;
  private final CompletableFuture<Void> warmed = new CompletableFuture<>();
  private volatile Thread warmUp;

  DepartmentPerformanceFeed(JdbcCaseRegistry cases, VertxEventPublisher events, Vertx vertx) {
    this.cases = cases;
    this.events = events;
    this.vertx = vertx;
    this.live = new LiveDepartmentPerformance(cases);
  }

  /**
   * Subscribes, then warms the live figures from the stored cases on a thread of its own, so a
   * restart on a million cases answers calls before the fold is done (a failed read is retried).
   */
  @PostConstruct
  void start() {
    events.subscribeCenterWide(this::onEvent); // a cluster node folds every node's case events: the whole center
    warmUp = Thread.ofPlatform().daemon().name("department-figures-warm-up").start(this::warmUp);
  }

  @PreDestroy
  void stop() {
    if (warmUp != null) {
      warmUp.interrupt();
    }
  }

  private void warmUp() {
    while (true) {
      long t0 = System.nanoTime();
      try {
        cases.forEachCase(PAGE, live::load);
        LOG.info("department figures warmed from {} cases in {} ms", live.size(), (System.nanoTime() - t0) / 1_000_000);
        warmed.complete(null);
        return;
      } catch (RuntimeException e) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        LOG.warn("department figures could not warm up yet ({}); trying again in {} s", e.getMessage(),
            RETRY.toSeconds());
        try {
          Thread.sleep(RETRY);
        } catch (InterruptedException stopped) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * The live figures; while the warm-up still runs, waits for it up to {@link #WAIT}, then answers
   * 503 (figures over part of the cases would be wrong).
   */
  List<DepartmentFigures> live(Instant now) {
    try {
      warmed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new RetriableException("department figures are still being read from the stored cases after a restart",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetriableException("interrupted while department figures warm up", e);
    }
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
