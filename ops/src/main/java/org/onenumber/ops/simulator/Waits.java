package org.onenumber.ops.simulator;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The simulator's one timer thread, for every citizen's wait that is only a wait: a patience, a
 * {@code Retry-After}, a bound on an answer. A waiting citizen is a scheduled task and a future, not
 * a parked thread (session 14's New York run held ~39,000 threads, most of them waiting). What a
 * timer completes runs on this thread, so it must not block: it sends (asynchronously) and
 * returns.
 */
final class Waits {

  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private Waits() {}

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
        Thread.ofPlatform().daemon().name("sim-timers").factory());
    timer.setRemoveOnCancelPolicy(true); // a patience cut short by an answer leaves nothing behind
    return timer;
  }

  /** Completes after {@code millis} of wall time. */
  static CompletableFuture<Void> after(long millis) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    TIMER.schedule(() -> done.complete(null), Math.max(0, millis), TimeUnit.MILLISECONDS);
    return done;
  }

  /**
   * {@code future}'s result, or a {@link TimeoutException} after {@code millis} of wall time if it
   * has none by then; {@code future} itself is left as it is.
   */
  static <T> CompletableFuture<T> within(CompletableFuture<T> future, long millis) {
    CompletableFuture<T> bounded = future.copy();
    if (!bounded.isDone()) {
      ScheduledFuture<?> timeout = TIMER.schedule(() -> bounded.completeExceptionally(new TimeoutException()),
          Math.max(0, millis), TimeUnit.MILLISECONDS);
      bounded.whenComplete((r, e) -> timeout.cancel(false));
    }
    return bounded;
  }

  /** Completes when {@code future} does or after {@code millis}, whichever comes first (never fails). */
  static CompletableFuture<Void> untilOr(CompletableFuture<?> future, long millis) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    ScheduledFuture<?> timeout = TIMER.schedule(() -> done.complete(null), Math.max(0, millis), TimeUnit.MILLISECONDS);
    future.whenComplete((r, e) -> done.complete(null));
    done.whenComplete((r, e) -> timeout.cancel(false));
    return done;
  }
}
