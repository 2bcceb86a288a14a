package org.onenumber.ops.simulator;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where a lane's requests spent their time since the last {@link #drain}: waiting for a place, in
 * the JDK client until its answer was complete (connect, server, socket), and from that answer to
 * the sender running again (the answer handed from the client's threads to a sender waiting for a
 * carrier). Thread-safe; the simulator prints it with its progress.
 */
final class LaneTimings {

  private final LongAdder sends = new LongAdder();
  private final LongAdder waitNanos = new LongAdder();
  private final LongAdder httpNanos = new LongAdder();
  private final LongAdder resumeNanos = new LongAdder();
  private final LongAccumulator waitMax = new LongAccumulator(Math::max, 0);
  private final LongAccumulator httpMax = new LongAccumulator(Math::max, 0);
  private final LongAccumulator resumeMax = new LongAccumulator(Math::max, 0);
  private final AtomicLong inHttp = new AtomicLong();

  void entered() {
    inHttp.incrementAndGet();
  }

  /** One request: nanoseconds waiting for a place and in the client. */
  void sent(long waited, long inClient) {
    inHttp.decrementAndGet();
    sends.increment();
    waitNanos.add(waited);
    httpNanos.add(inClient);
    waitMax.accumulate(waited);
    httpMax.accumulate(inClient);
  }

  /**
   * A sender on a thread of its own ({@link ClientLane#send}: an operator) ran again {@code resumed}
   * nanoseconds after its answer; asynchronous senders go on where the answer came.
   */
  void resumed(long resumed) {
    resumeNanos.add(resumed);
    resumeMax.accumulate(resumed);
  }

  /** "n=… in-http=… wait=mean/max http=mean/max resume=mean/max" (ms) since the last call, then starts again. */
  String drain() {
    long n = sends.sumThenReset();
    return String.format(Locale.ROOT, "n=%d in-http=%d wait=%.1f/%.0f http=%.1f/%.0f resume=%.1f/%.0f", n, inHttp.get(),
        mean(waitNanos.sumThenReset(), n), waitMax.getThenReset() / 1e6, mean(httpNanos.sumThenReset(), n),
        httpMax.getThenReset() / 1e6, mean(resumeNanos.sumThenReset(), n), resumeMax.getThenReset() / 1e6);
  }

  private static double mean(long nanos, long n) {
    return n == 0 ? 0 : nanos / 1e6 / n;
  }
}
