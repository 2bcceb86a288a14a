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
    busy.add(queued); // waited for at the end too: its slow read must not outlast this test
    try {
      long started = System.nanoTime();
      CallerLookup.Caller caller = CallerLookup.await(ivr(languages), NUMBER, queued);
      long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertNull(caller.remembered(), "the language menu rather than a session blocked on the database");
      assertEquals("+821055501234", caller.phone().orElseThrow().value());
      assertTrue(tookMillis >= CallerLookup.WAIT_MILLIS - 50 && tookMillis < CallerLookup.WAIT_MILLIS + 1_000,
          "waited the bounded time: " + tookMillis + " ms");
    } finally {
      languages.release.countDown();
      for (FutureTask<CallerLookup.Caller> task : busy) {
        task.get(5, TimeUnit.SECONDS);
      }
    }
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
    private final long millis;

    BlockingLanguages(long millis) {
      this.millis = millis;
    }

    @Override
    public Optional<Language> remembered(CitizenIdentity.Phone caller) {
      try {
        if (entered.getCount() > 0) {
          entered.countDown();
          release.await();
        }
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Optional.of(Language.ENGLISH);
    }

    @Override
    public void remember(CitizenIdentity.Phone caller, Language language) {
      // not needed here
    }
  }
}
