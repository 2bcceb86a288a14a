package org.onenumber.server.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.onenumber.testkit.AnswerTestData.AT;
import static org.onenumber.testkit.AnswerTestData.content;
import static org.onenumber.testkit.AnswerTestData.published;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onenumber.core.knowledge.Answer;
import org.onenumber.core.knowledge.AnswerChangeFollower;
import org.onenumber.core.knowledge.AnswerId;
import org.onenumber.core.knowledge.AnswerQuery;
import org.onenumber.core.knowledge.ReviewStatus;
import org.onenumber.knowledge.LuceneAnswerIndex;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcAnswerChangeLog;
import org.onenumber.server.persistence.JdbcAnswerStore;

/**
 * Two cluster nodes' answer indexes on one PostgreSQL, each its own Lucene index: node A saves and
 * indexes as the answer desk does, node B's replica is fed only through the database's change log
 * ({@link AnswerChangeFollower} on {@link JdbcAnswerChangeLog}). Includes the race a sequence allows:
 * a save holding a lower position commits after a higher one was read.
 */
class AnswerReplicaPostgresIT {

  private static final Duration GAP_WAIT = Duration.ofSeconds(60);

  private final AtomicLong nanos = new AtomicLong();
  private final LuceneAnswerIndex indexA = LuceneAnswerIndex.inMemory();
  private final LuceneAnswerIndex indexB = LuceneAnswerIndex.inMemory();
  private Jdbc jdbc;
  private JdbcAnswerStore store;
  private AnswerChangeFollower replicaB;

  @BeforeEach
  void twoNodes() {
    jdbc = new Jdbc(TestDatabases.postgresMigrated("answer_replica"));
    store = new JdbcAnswerStore(jdbc);
    replicaB = new AnswerChangeFollower(new JdbcAnswerChangeLog(jdbc), indexB, nanos::get, GAP_WAIT.toNanos());
  }

  @AfterEach
  void close() {
    indexA.close();
    indexB.close();
  }

  private void saveOnA(Answer a, String change) {
    store.save(a, change);
    indexA.index(a);
  }

  private static long found(LuceneAnswerIndex index, String text) {
    index.refresh();
    return index.search(AnswerQuery.of(text, AT)).total();
  }

  @Test
  void anAnswerCreatedAndEditedThroughNodeAIsFoundOnNodeBAfterItsNextFollow() {
    saveOnA(published("old", "Library opening hours", "b", "Libraries"), "created");
    replicaB.startAtLatest(); // node B started here; its start-up catch-up covered "old"
    saveOnA(published("snow", "Snow removal on sidewalks", "b", "Roads"), "created");
    assertEquals(0, found(indexB, "snow"), "nothing reaches B but through the log");

    AnswerChangeFollower.Report first = replicaB.follow();
    assertEquals(1, found(indexB, "snow"));
    assertEquals(1, first.indexed());
    assertEquals(0, found(indexB, "library"), "before B's start: its catch-up's work, not the log's");

    Answer edited = new Answer(new AnswerId("snow"), content("Ice and snow removal on sidewalks", "salt bins", "Roads"),
        ReviewStatus.PUBLISHED, 3, "editor", AT.plusSeconds(60));
    saveOnA(edited, "edited");
    replicaB.follow();
    assertEquals(1, found(indexB, "salt"), "the edit is found on B");
    assertEquals(found(indexA, "salt"), found(indexB, "salt"));
    assertEquals(0, replicaB.follow().changes(), "nothing new: nothing read again");
  }

  @Test
  void aSaveThatCommitsAfterALaterPositionWasReadIsNotMissed() throws Exception {
    replicaB.startAtLatest();
    CountDownLatch inserted = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> jdbc.inTransaction(() -> {
      store.save(published("slow", "Bulky waste pick-up", "b", "Sanitation"), "created"); // takes the lower position
      inserted.countDown();
      await(commit);
      return null;
    }));
    assertEquals(true, inserted.await(10, TimeUnit.SECONDS));
    saveOnA(published("fast", "Parking permits", "b", "Transport"), "created"); // higher position, committed first

    AnswerChangeFollower.Report before = replicaB.follow();
    assertEquals(Map.of(new AnswerId("fast"), 2L), indexB.versions());
    assertEquals(1, before.gapsOpen(), "the lower position is a gap");

    commit.countDown();
    slow.get(10, TimeUnit.SECONDS);
    AnswerChangeFollower.Report after = replicaB.follow();
    assertEquals(Map.of(new AnswerId("fast"), 2L, new AnswerId("slow"), 2L), indexB.versions());
    assertEquals(0, after.gapsOpen());
    assertEquals(1, found(indexB, "bulky"));
  }

  @Test
  void aRolledBackSaveLeavesAGapThatIsGivenUpAfterTheWait() {
    replicaB.startAtLatest();
    try {
      jdbc.inTransaction(() -> {
        store.save(published("never", "Rolled back", "b", "Roads"), "created");
        throw new IllegalStateException("rolled back");
      });
    } catch (IllegalStateException expected) {
      // the position stays taken, its row never commits
    }
    saveOnA(published("kept", "Street lights", "b", "Roads"), "created");
    assertEquals(1, replicaB.follow().gapsOpen());
    nanos.addAndGet(GAP_WAIT.toNanos() - 1);
    assertEquals(1, replicaB.follow().gapsOpen(), "still waiting");
    nanos.addAndGet(2);
    AnswerChangeFollower.Report r = replicaB.follow();
    assertEquals(0, r.gapsOpen());
    assertEquals(1, r.gapsGivenUp());
    assertEquals(Map.of(new AnswerId("kept"), 2L), indexB.versions());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
