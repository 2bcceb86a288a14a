package org.onenumber.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onenumber.core.error.InvalidInputException;

/**
 * {@link GroupCommit} on a real database: concurrent callers share one transaction, each returns
 * only after it committed, a failing item rolls back alone (its after-commit work dropped), and a
 * provider id repeated within one batch is stored once (the later item sees the earlier one's row).
 */
abstract class GroupCommitTestBase {

  private Jdbc jdbc;
  private GroupCommit commits;
  private ExecutorService callers;

  protected abstract DataSource freshDatabase();

  @BeforeEach
  void start() {
    jdbc = new Jdbc(freshDatabase());
    commits = new GroupCommit(jdbc, "test-commits", 200);
    callers = Executors.newFixedThreadPool(24);
  }

  @AfterEach
  void stop() {
    callers.shutdownNow();
    commits.close();
  }

  /** Stores an inbound message row with provider id {@code sid}, unless one is stored already; true if stored. */
  private boolean storeOnce(String sid, String body) {
    if (jdbc.queryOne("select id from message where provider_id = ?", row -> row.getString(1), sid).isPresent()) {
      return false;
    }
    jdbc.update("insert into message (id, channel, direction, peer, body, provider_id, status, at)"
        + " values (?, 'SMS', 'IN', '+821000000000', ?, ?, 'RECEIVED', ?)", "m-" + sid, body, sid, Instant.now());
    return true;
  }

  private int stored(String sid) {
    return jdbc.query("select id from message where provider_id = ?", row -> row.getString(1), sid).size();
  }

  /** Holds the committer in a first batch until {@code release}, so that what is queued meanwhile forms one batch. */
  private Future<Boolean> holdCommitter(CountDownLatch release) throws InterruptedException {
    CountDownLatch running = new CountDownLatch(1);
    Future<Boolean> first = callers.submit(() -> commits.run(() -> {
      running.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return storeOnce("SMfirst", "first");
    }));
    assertTrue(running.await(10, TimeUnit.SECONDS));
    return first;
  }

  private static void awaitQueued(Queue<?> started, int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (started.size() < n && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    Thread.sleep(100); // the callers' run() calls reach the queue
  }

  @Test
  void concurrentCallersShareOneTransactionAndEachReturnsOnlyAfterItCommitted() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Future<Boolean> first = holdCommitter(release);
    Queue<String> started = new ConcurrentLinkedQueue<>();
    List<Future<Boolean>> rest = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String sid = "SMbatch" + i;
      rest.add(callers.submit(() -> {
        started.add(sid);
        return commits.run(() -> storeOnce(sid, "hello"));
      }));
    }
    awaitQueued(started, 20);
    rest.forEach(f -> assertTrue(!f.isDone(), "nobody is answered before their batch committed"));
    release.countDown();
    assertTrue(first.get(10, TimeUnit.SECONDS));
    for (Future<Boolean> f : rest) {
      assertTrue(f.get(10, TimeUnit.SECONDS));
    }
    for (int i = 0; i < 20; i++) {
      assertEquals(1, stored("SMbatch" + i));
    }
    assertEquals(2, commits.transactions(), "the held item's transaction, then one for the 20 queued meanwhile");
  }

  @Test
  void aFailingItemRollsBackAloneAndItsAfterCommitWorkIsDropped() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Future<Boolean> first = holdCommitter(release);
    Queue<String> published = new ConcurrentLinkedQueue<>();
    Queue<String> started = new ConcurrentLinkedQueue<>();
    InvalidInputException refused = new InvalidInputException("bad item");
    List<Future<Boolean>> items = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String sid = "SMmixed" + i;
      boolean bad = i == 2;
      items.add(callers.submit(() -> {
        started.add(sid);
        return commits.run(() -> {
          boolean stored = storeOnce(sid, "hello");
          jdbc.afterCommit(() -> published.add(sid));
          if (bad) {
            throw refused;
          }
          return stored;
        });
      }));
    }
    awaitQueued(started, 5);
    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    for (int i = 0; i < 5; i++) {
      if (i == 2) {
        Future<Boolean> bad = items.get(i);
        var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> bad.get(10, TimeUnit.SECONDS));
        assertSame(refused, e.getCause());
        assertEquals(0, stored("SMmixed2"), "the bad item's row rolled back to its savepoint");
      } else {
        assertTrue(items.get(i).get(10, TimeUnit.SECONDS));
        assertEquals(1, stored("SMmixed" + i));
      }
    }
    assertEquals(List.of("SMmixed0", "SMmixed1", "SMmixed3", "SMmixed4"), published.stream().sorted().toList());
    assertEquals(2, commits.transactions());
  }

  @Test
  void anItemThatBreaksTheWholeTransactionFailsAloneAndTheOthersAreCommittedOneByOne() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Future<Boolean> first = holdCommitter(release);
    Queue<String> started = new ConcurrentLinkedQueue<>();
    List<Future<Boolean>> items = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String sid = "SMbroken" + i;
      boolean breaks = i == 1;
      items.add(callers.submit(() -> {
        started.add(sid);
        return commits.run(() -> {
          boolean stored = storeOnce(sid, "hello");
          if (breaks) {
            throw new StackOverflowError("not a failure a savepoint contains");
          }
          return stored;
        });
      }));
    }
    awaitQueued(started, 4);
    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    Future<Boolean> broken = items.get(1);
    assertThrows(java.util.concurrent.ExecutionException.class, () -> broken.get(10, TimeUnit.SECONDS));
    assertEquals(0, stored("SMbroken1"));
    for (int i : new int[] {0, 2, 3}) {
      assertTrue(items.get(i).get(10, TimeUnit.SECONDS));
      assertEquals(1, stored("SMbroken" + i));
    }
    assertEquals(1, commits.transactions(), "only the held item's batch committed as a batch");
  }

  @Test
  void aProviderIdRepeatedInOneBatchIsStoredOnce() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Future<Boolean> first = holdCommitter(release);
    Queue<String> started = new ConcurrentLinkedQueue<>();
    List<Future<Boolean>> repeats = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      repeats.add(callers.submit(() -> {
        started.add("x");
        return commits.run(() -> storeOnce("SMrepeated", "same"));
      }));
    }
    awaitQueued(started, 6);
    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    int storedBy = 0;
    for (Future<Boolean> f : repeats) {
      storedBy += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
    }
    assertEquals(1, storedBy);
    assertEquals(1, stored("SMrepeated"));
  }

  @Test
  void aCallerInsideATransactionJoinsItAndAfterCommitWaitsForItsCommit() {
    List<String> published = new ArrayList<>();
    jdbc.inTransaction(() -> commits.run(() -> {
      storeOnce("SMjoined", "x");
      jdbc.afterCommit(() -> published.add("SMjoined"));
      assertEquals(List.of(), published);
      return null;
    }));
    assertEquals(List.of("SMjoined"), published);
    assertEquals(0, commits.transactions());
  }
}
