package org.onenumber.ops.simulator;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Runs work for every item on virtual threads, at most {@code atOnce} at a time, and returns when
 * all are done. For requests whose cost is the server's CPU (bcrypt sign-ins): five hundred at once
 * on a loaded 2-core server each take five hundred times as long, all pass the client's timeout,
 * and the retries pay the checks again; a few at a time take the same total CPU and each finishes.
 */
final class FewAtOnce {

  private FewAtOnce() {}

  static <T> void each(List<T> items, int atOnce, Consumer<T> work) {
    Semaphore slots = new Semaphore(atOnce);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (T item : items) {
        threads.submit(() -> {
          slots.acquireUninterruptibly();
          try {
            work.accept(item);
          } finally {
            slots.release();
          }
        });
      }
    }
  }
}
