package org.onenumber.telephony.asterisk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.onenumber.testkit.AgiChannelReplies;
import org.onenumber.testkit.FastAgiCaller;
import org.onenumber.testkit.FastAgiCalls;

/**
 * The bench's burst of FastAGI calls on ONE thread ({@code fastagi-event-loop}): the testkit's
 * {@link FastAgiCalls} (a selector, as Asterisk (C) serves its calls with poll()) instead of {@link
 * FastAgiCaller}'s reader thread per call (500 Java threads competing with the server's 500 session
 * threads for 2 cores). This class only counts: every call's {@code EXEC Dial} and its close, for
 * the bench to wait on; a bridged call holds its {@code Dial} until {@link #hangUpAll}.
 */
final class FastAgiEventLoopCalls implements AutoCloseable {

  private final InetSocketAddress server;
  private final FastAgiCalls loop;
  private final List<FastAgiCalls.Call> calls = new ArrayList<>();
  private final CountDownLatch dials;
  private final CountDownLatch closed;
  private final java.util.concurrent.atomic.AtomicInteger closedBeforeDial = new java.util.concurrent.atomic.AtomicInteger();

  /** Ready for {@code expected} calls to {@code server}; its one thread starts now. */
  FastAgiEventLoopCalls(InetSocketAddress server, int expected) throws IOException {
    this.server = server;
    this.loop = new FastAgiCalls("fastagi-event-loop");
    this.dials = new CountDownLatch(expected);
    this.closed = new CountDownLatch(expected);
  }

  /**
   * A new call with {@code environment}: {@code keys} for its {@code GET DATA}s, {@code plan} for its
   * Dials, {@code playNanos} how long Asterisk takes before it answers a command (0 = at once; not
   * in the round trip, which ends when the reply is written).
   */
  FastAgiCalls.Call call(Map<String, String> environment, Function<String, FastAgiCaller.DialOutcome> plan,
      ToLongFunction<String> playNanos, String... keys) {
    AgiChannelReplies replies = new AgiChannelReplies(environment);
    replies.press(keys);
    replies.onDial(plan);
    boolean[] dialled = {false};
    FastAgiCalls.Call call = loop.call(server, replies, playNanos, command -> {
      if (!dialled[0] && command.text().startsWith("EXEC Dial")) {
        dialled[0] = true; // the loop thread's own
        dials.countDown();
      }
    });
    call.closed().thenRun(() -> { // on the loop thread, as the listener
      if (!dialled[0]) {
        dialled[0] = true;
        closedBeforeDial.incrementAndGet();
        dials.countDown();
      }
      closed.countDown();
    });
    synchronized (calls) {
      calls.add(call);
    }
    return call;
  }

  /** Every call hangs up (as {@link FastAgiCaller#hangUp}: a held Dial returns -1 and HANGUP). */
  void hangUpAll() {
    calls().forEach(FastAgiCalls.Call::hangUp);
  }

  void awaitDials(Duration within) throws InterruptedException {
    await(dials, within, "EXEC Dial");
    if (closedBeforeDial.get() > 0) {
      throw new AssertionError(closedBeforeDial.get() + " calls ended before their EXEC Dial");
    }
  }

  void awaitClosed(Duration within) throws InterruptedException {
    await(closed, within, "the server's close");
  }

  /** CPU time the event-loop thread has used so far (ns), or -1 where the JVM does not measure it. */
  long loopCpuNanos() {
    return loop.loopCpuNanos();
  }

  List<FastAgiCalls.Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  @Override
  public void close() throws IOException {
    loop.close();
  }

  private void await(CountDownLatch latch, Duration within, String what) throws InterruptedException {
    if (!latch.await(within.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(latch.getCount() + " calls still without " + what + " after " + within);
    }
    Throwable failed = calls().stream().map(FastAgiCalls.Call::failure).filter(f -> f != null).findFirst().orElse(null);
    if (failed != null) {
      throw new AssertionError("a call failed", failed);
    }
  }
}
