package org.onenumber.server.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The named threads of one simulated party (citizens, operators): each runs its loop while
 * {@link #running}; {@link #stop} ends the loops and waits for them. Thread-safe.
 */
final class LoadThreads {

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> threads = new ArrayList<>();

  /** Starts one thread named {@code name} running {@code loop}. */
  synchronized void start(String name, Runnable loop) {
    Thread thread = new Thread(loop, name);
    threads.add(thread);
    thread.start();
  }

  boolean running() {
    return running.get();
  }

  synchronized void stop() throws InterruptedException {
    running.set(false);
    for (Thread thread : threads) {
      thread.join(Duration.ofSeconds(30));
    }
  }
}
