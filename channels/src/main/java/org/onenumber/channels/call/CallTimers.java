package org.onenumber.channels.call;

import java.time.Duration;

/**
 * Runs a task once after a delay, off the caller's thread (the server uses a Vert.x timer that
 * hands the task to its blocking executor; tests run it by hand).
 */
@FunctionalInterface
public interface CallTimers {

  /** Schedules {@code task}; the returned handle cancels it if it has not run yet. */
  Runnable schedule(Duration delay, Runnable task);
}
