package org.onenumber.server.welfare;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ScheduledFuture;

/**
 * One timer on the welfare schedule's next due time: {@link #arm} sets it when a due time is earlier
 * than the one it waits for (or none), and at that time the dialer's wake-up runs. Armed by
 * {@link TimedWelfareSchedule} whenever an attempt is scheduled and by the dialer after each run, so a
 * check-in goes out when it falls due rather than at the next {@code dial-every} round. Thread-safe.
 */
@Singleton
final class WelfareDueTimer {

  private final TaskScheduler scheduler;
  private final InstantSource clock;
  private Runnable wake;
  private Instant armedFor;
  private ScheduledFuture<?> pending;

  WelfareDueTimer(@Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler, InstantSource clock) {
    this.scheduler = scheduler;
    this.clock = clock;
  }

  /** What runs at each due time (the dialer); nothing is armed before it is set. */
  synchronized void onDue(Runnable wake) {
    this.wake = wake;
  }

  /** Wakes the dialer at {@code dueAt} (at once when it has passed) unless it already wakes earlier. */
  synchronized void arm(Instant dueAt) {
    if (wake == null || armedFor != null && !dueAt.isBefore(armedFor)) {
      return;
    }
    if (pending != null) {
      pending.cancel(false);
    }
    armedFor = dueAt;
    Duration delay = Duration.between(clock.instant(), dueAt);
    pending = scheduler.schedule(delay.isNegative() ? Duration.ZERO : delay, this::fire);
  }

  /** The due time the timer waits for; null when none. */
  synchronized Instant armedFor() {
    return armedFor;
  }

  private void fire() {
    Runnable run;
    synchronized (this) {
      armedFor = null;
      pending = null;
      run = wake;
    }
    run.run();
  }
}
