package org.onenumber.telephony.asterisk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.directory.Language;
import org.onenumber.testkit.FakeAgentDevices;
import org.onenumber.testkit.FakeMessageGateway;

/**
 * {@link CallerLookup} when its four threads are all busy: a session whose lookup is still queued
 * runs it itself while reads are quick (a burst of calls), and waits at most the bounded time
 * when the last read was slow (the database slow or down).
 */
class CallerLookupTest {

  private static final String NUMBER = "01055501234";

  @Test
  void aLookupStillQueuedBehindBusyThreadsIsRunByTheSessionWhileReadsAreQuick() throws Exception {
    BlockingLanguages quick = new BlockingLanguages(0);
    quick.release.countDown();
    CallerLookup.await(ivr(quick), NUMBER, CallerLookup.start(ivr(quick), NUMBER)); // the last read was quick

    BlockingLanguages languages = new BlockingLanguages(0);
    List<FutureTask<CallerLookup.Caller>> busy = occupyThePool(languages);
    try {
      FutureTask<CallerLookup.Caller> queued = CallerLookup.start(ivr(languages), NUMBER);
      long started = System.nanoTime();
      CallerLookup.Caller caller = CallerLookup.await(ivr(languages), NUMBER, queued);
      long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertEquals(Language.ENGLISH, caller.remembered(), "read on the session thread, not given up on");
      assertTrue(tookMillis < 500, "no wait behind the busy threads: " + tookMillis + " ms");
    } finally {
      languages.release.countDown();
      for (FutureTask<CallerLookup.Caller> task : busy) {
        task.get(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void afterASlowReadAQueuedLookupIsWaitedForAtMostTheBoundedTime() throws Exception {
    // one slow read first: the database is slow
    BlockingLanguages slow = new BlockingLanguages(CallerLookup.QUICK_READ_NANOS / 1_000_000 + 50);
    slow.release.countDown();
    CallerLookup.await(ivr(slow), NUMBER, CallerLookup.start(ivr(slow), NUMBER));

    BlockingLanguages languages = new BlockingLanguages(CallerLookup.QUICK_READ_NANOS / 1_000_000 + 50);
    List<FutureTask<CallerLookup.Caller>> busy = occupyThePool(languages);
    FutureTask<CallerLookup.Caller> queued = CallerLookup.start(ivr(languages), NUMBER);
    try {
      long started = System.nanoTime();
      CallerLookup.Caller caller = CallerLookup.await(ivr(languages), NUMBER, queued);
      long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertNull(caller.remembered(), "the language menu rather than a session blocked on the database");
      assertEquals("+821055501234", caller.phone().orElseThrow().value());
      assertTrue(tookMillis >= CallerLookup.WAIT_MILLIS - 50 && tookMillis < CallerLookup.WAIT_MILLIS + 1_000,
          "waited the bounded time: " + tookMillis + " ms");
      assertTrue(queued.isCancelled(), "given up on: no pool thread reads it for a call that moved on");
    } finally {
      languages.release.countDown();
      for (FutureTask<CallerLookup.Caller> task : busy) {
        task.get(5, TimeUnit.SECONDS);
      }
    }
  }

  /**
   * Issue 17: with the database's pool starved, reads that were quick a moment ago block; sessions
   * must not all pile into them (~350 IVR threads sat in caller-language reads and writes): at most
   * {@link CallerLookup#SESSION_READS} session threads read at once, the others get the menu.
   */
  @Test
  void sessionsRunningTheirOwnLookupsAreBoundedWhenReadsStartBlocking() throws Exception {
    BlockingLanguages quick = new BlockingLanguages(0);
    quick.release.countDown();
    CallerLookup.await(ivr(quick), NUMBER, CallerLookup.start(ivr(quick), NUMBER)); // the last read was quick

    BlockingLanguages languages = new BlockingLanguages(0, 1_000);
    List<FutureTask<CallerLookup.Caller>> busy = occupyThePool(languages);
    int sessions = 12;
    List<Thread> threads = new ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger menus = new java.util.concurrent.atomic.AtomicInteger();
    try {
      for (int i = 0; i < sessions; i++) {
        threads.add(Thread.ofPlatform().start(() -> {
          FutureTask<CallerLookup.Caller> lookup = CallerLookup.start(ivr(languages), NUMBER);
          if (CallerLookup.await(ivr(languages), NUMBER, lookup).remembered() == null) {
            menus.incrementAndGet();
          }
        }));
      }
      Thread.sleep(CallerLookup.WAIT_MILLIS + 500);
      assertTrue(languages.mostAtOnce.get() <= 4 + CallerLookup.SESSION_READS,
          "reads at once: " + languages.mostAtOnce.get());
    } finally {
      languages.release.countDown();
      for (Thread thread : threads) {
        thread.join(10_000);
      }
      for (FutureTask<CallerLookup.Caller> task : busy) {
        task.get(5, TimeUnit.SECONDS);
      }
    }
    assertTrue(menus.get() >= sessions - CallerLookup.SESSION_READS, "the others heard the menu: " + menus.get());
  }

  /** Four lookups that hold the pool's four threads until {@code languages.release}. */
  private static List<FutureTask<CallerLookup.Caller>> occupyThePool(BlockingLanguages languages) throws Exception {
    List<FutureTask<CallerLookup.Caller>> busy = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      busy.add(CallerLookup.start(ivr(languages), NUMBER));
    }
    assertTrue(languages.entered.await(5, TimeUnit.SECONDS), "the four threads are busy");
    return busy;
  }

  private static Ivr ivr(CallerLanguages languages) {
    RecordingRouting routing = new RecordingRouting();
    return new Ivr(routing, routing, new FakeAgentDevices(), new AsteriskCalls(), languages, new FakeMessageGateway(),
        new CallerNumbers("KR"), IvrSettings.defaults());
  }

  /** Remembers English for everyone; the first four reads block until released, each read takes {@code millis}. */
  private static final class BlockingLanguages implements CallerLanguages {
    final CountDownLatch entered = new CountDownLatch(4);
    final CountDownLatch release = new CountDownLatch(1);
    final java.util.concurrent.atomic.AtomicInteger mostAtOnce = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger reading = new java.util.concurrent.atomic.AtomicInteger();
    private final long millis;
    private final int blocking;

    BlockingLanguages(long millis) {
      this(millis, 4);
    }

    /** The first {@code blocking} reads block until released. */
    BlockingLanguages(long millis, int blocking) {
      this.millis = millis;
      this.blocking = blocking;
    }

    @Override
    public Optional<Language> remembered(CitizenIdentity.Phone caller) {
      mostAtOnce.accumulateAndGet(reading.incrementAndGet(), Math::max);
      try {
        if (entered.getCount() > 0 || blocking > 4) {
          entered.countDown();
          release.await();
        }
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        reading.decrementAndGet();
      }
      return Optional.of(Language.ENGLISH);
    }

    @Override
    public void remember(CitizenIdentity.Phone caller, Language language) {
      // not needed here
    }
  }
}
