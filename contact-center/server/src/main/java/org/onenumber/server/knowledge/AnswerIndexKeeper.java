package org.onenumber.server.knowledge;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import io.micronaut.context.annotation.Value;
import org.onenumber.core.knowledge.Answer;
import org.onenumber.core.knowledge.AnswerChangeFollower;
import org.onenumber.core.knowledge.AnswerDesk;
import org.onenumber.core.knowledge.AnswerIndexCatchUp;
import org.onenumber.core.knowledge.RebuildProgress;
import org.onenumber.knowledge.LuceneAnswerIndex;
import org.onenumber.server.persistence.JdbcAnswerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the derived index in step with the database.
 *
 * <ol>
 *   <li>On start: when the index is empty and the database has answers, rebuild in the background;
 *       otherwise catch up in the background with what the index missed (it commits every few
 *       seconds, so a crash can lose its last changes; {@link AnswerIndexCatchUp}).
 *   <li>Cluster nodes ({@code onenumber.cluster.enabled}): from start on, follow the answer change
 *       log every second ({@link #followChanges}, scheduled by {@link AnswerReplicaSchedule}), so
 *       this node's replica sees what was changed through any node.
 *   <li>On request ({@link #startRebuild}): rebuild in the background unless one is running.
 *   <li>Every minute: move published answers past their validity to expired (search already hides
 *       them; this records it in their history).
 * </ol>
 *
 * Rebuilds and catch-ups run on named threads ({@code answer-index-rebuild}, {@code
 * answer-index-catch-up}); rebuild progress is read from the index.
 * Also holds the progress of the latest import. Thread-safe.
 */
@Singleton
public final class AnswerIndexKeeper {

  private static final Logger LOG = LoggerFactory.getLogger(AnswerIndexKeeper.class);

  private final LuceneAnswerIndex index;
  private final JdbcAnswerStore store;
  private final AnswerDesk desk;
  private final AnswerChangeFollower follower;
  private final boolean clustered;
  private final AtomicBoolean rebuilding = new AtomicBoolean();
  private final AtomicReference<RebuildProgress> importProgress = new AtomicReference<>(RebuildProgress.IDLE);

  AnswerIndexKeeper(LuceneAnswerIndex index, JdbcAnswerStore store, AnswerDesk desk, AnswerChangeFollower follower,
      @Value("${onenumber.cluster.enabled:false}") boolean clustered) {
    this.index = index;
    this.store = store;
    this.desk = desk;
    this.follower = follower;
    this.clustered = clustered;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    if (clustered) {
      long from = follower.startAtLatest(); // before the catch-up below, so nothing committed meanwhile is missed
      LOG.info("answer index replica follows the answer change log from position {}", from);
    }
    long indexed = index.size();
    long stored = store.count();
    if (indexed == 0 && stored > 0) {
      LOG.info("answer index is empty and the database holds {} answers: rebuilding", stored);
      startRebuild();
    } else if (indexed > 0) {
      inBackground("answer-index-catch-up", () -> {
        AnswerIndexCatchUp.Report r = AnswerIndexCatchUp.run(store, index);
        LOG.info("answer index caught up with the database: {} answers checked, {} re-indexed, {} removed",
            r.checked(), r.indexed(), r.deleted());
      });
    }
  }

  /** Starts a rebuild from the database; false when one is already running. */
  public boolean startRebuild() {
    if (!rebuilding.compareAndSet(false, true)) {
      return false;
    }
    inBackground("answer-index-rebuild", () -> {
      try {
        List<Answer> all = new ArrayList<>();
        store.forEach(all::add);
        index.rebuild(all.iterator(), all.size());
      } finally {
        rebuilding.set(false);
      }
    });
    return true;
  }

  /** Runs {@code work} on a named daemon thread, logging a failure (the index stays usable). */
  private static void inBackground(String name, Runnable work) {
    Thread t = new Thread(() -> {
      try {
        work.run();
      } catch (RuntimeException e) {
        LOG.error("{} failed", name, e);
      }
    }, name);
    t.setDaemon(true);
    t.start();
  }

  public RebuildProgress rebuildProgress() {
    return index.rebuildProgress();
  }

  public RebuildProgress importProgress() {
    return importProgress.get();
  }

  /** Records import progress (and logs it every time a batch is done). */
  public void importProgressed(RebuildProgress p) {
    importProgress.set(p);
    LOG.info("answer import {}% ({} of {}) {} answers/s{}", Math.round(p.percent()), p.done(), p.total(),
        Math.round(p.docsPerSecond()), p.running() ? "" : " done");
  }

  /**
   * Cluster nodes: indexes what other nodes (or this one) changed since the last follow, so every
   * node's replica finds an answer edited anywhere within about a second ({@link AnswerChangeFollower}).
   */
  public void followChanges() {
    if (!follower.started()) {
      return;
    }
    AnswerChangeFollower.Report r = follower.follow();
    if (r.gapsGivenUp() > 0) {
      LOG.info("answer change log: {} positions never committed (rolled back) given up", r.gapsGivenUp());
    }
  }

  @Scheduled(fixedDelay = "1m", initialDelay = "1m")
  void expireDue() {
    int expired = desk.expireDue("system");
    if (expired > 0) {
      LOG.info("expired {} answers past their validity", expired);
    }
  }
}
