package org.onenumber.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link CoalescedWrites} under a burst (issue 17: a lock and a connection per event starved the
 * pool): puts never wait for a write, one writer at a time, few rounds, and the last value put per
 * key is the last one written; a failed round is written again.
 */
class CoalescedWritesTest {

  @Test
  void aBurstOfPutsFromManyThreadsIsWrittenInFewRoundsByOneWriterLastValueWinning() throws Exception {
    CountDownLatch firstRoundEntered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger writing = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    List<Integer> roundSizes = new CopyOnWriteArrayList<>();
    Map<String, Integer> stored = new ConcurrentHashMap<>();
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    CoalescedWrites<String, Integer> writes = new CoalescedWrites<>(executor, round -> {
      mostAtOnce.accumulateAndGet(writing.incrementAndGet(), Math::max);
      firstRoundEntered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      stored.putAll(round);
      roundSizes.add(round.size());
      writing.decrementAndGet();
    }, "test values");

    writes.put("key-0", -1);
    assertTrue(firstRoundEntered.await(5, TimeUnit.SECONDS));
    int threads = 8;
    int perThread = 5_000;
    ExecutorService putters = Executors.newFixedThreadPool(threads);
    long started = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      putters.execute(() -> {
        for (int i = 0; i < perThread; i++) {
          writes.put("key-" + (i % 100), thread == 0 ? i : -2); // thread 0 puts last, below
        }
      });
    }
    putters.shutdown();
    assertTrue(putters.awaitTermination(10, TimeUnit.SECONDS), "puts never wait for the blocked write");
    assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) < 5);
    for (int k = 0; k < 100; k++) {
      writes.put("key-" + k, 1_000 + k); // the last state
    }
    release.countDown();
    assertTrue(writes.flush(Duration.ofSeconds(5)));

    assertEquals(1, mostAtOnce.get(), "one writer at a time");
    assertTrue(roundSizes.size() <= 3, "40,101 puts in few rounds: " + roundSizes);
    for (int k = 0; k < 100; k++) {
      assertEquals(1_000 + k, stored.get("key-" + k), "the last value put is the one kept");
    }
    executor.shutdown();
  }

  @Test
  void aFailedRoundIsWrittenAgain() {
    AtomicInteger attempts = new AtomicInteger();
    Map<String, Integer> stored = new ConcurrentHashMap<>();
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    CoalescedWrites<String, Integer> writes = new CoalescedWrites<>(executor, round -> {
      if (attempts.incrementAndGet() == 1) {
        throw new IllegalStateException("the database is unavailable");
      }
      stored.putAll(round);
    }, "test values");
    writes.put("a", 1);
    assertTrue(writes.flush(CoalescedWrites.RETRY.plusSeconds(5)));
    assertEquals(Map.of("a", 1), stored);
    assertEquals(2, attempts.get());
    executor.shutdown();
  }

  @Test
  void aClosedWriterStopsTryingAgainAndStartsNoRound() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    CountDownLatch firstAttempt = new CountDownLatch(1);
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    CoalescedWrites<String, Integer> writes = new CoalescedWrites<>(executor, round -> {
      attempts.incrementAndGet();
      firstAttempt.countDown();
      throw new IllegalStateException("the pool is closed"); // the server stopped under the writer
    }, "test values");
    writes.put("a", 1);
    assertTrue(firstAttempt.await(5, TimeUnit.SECONDS));

    assertEquals(1, writes.close(Duration.ofMillis(50)), "the value never written is counted");
    int atClose = attempts.get();
    writes.put("b", 2);
    TimeUnit.MILLISECONDS.sleep(CoalescedWrites.RETRY.multipliedBy(2).toMillis() + 500);
    assertEquals(atClose, attempts.get(), "no round after the close: " + attempts.get() + " tries");
    executor.shutdown();
  }
}
