package org.onenumber.server.analytics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The thread where a new contact's topic is classified after its intake committed ({@link
 * org.onenumber.core.intake.ContactIntake}; JFR, session 13: the Korean-tokenizing classifier was 8 %
 * of the server's CPU in {@code bin/bench webhooks}, inside the commit lanes that hold the webhooks'
 * answers). One platform thread {@code topic-classifier}, in arrival order; at most {@value #QUEUE}
 * contacts wait, and a full queue makes the committing thread classify its own (back-pressure, none
 * lost). Gauge {@code onenumber.intake.classify.pending}. Thread-safe.
 */
public final class TopicClassifierThread implements Executor, AutoCloseable {

  static final int QUEUE = 10_000;
  private final ThreadPoolExecutor pool;

  public TopicClassifierThread(MeterRegistry registry) {
    this.pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), task -> {
      Thread thread = new Thread(task, "topic-classifier");
      thread.setDaemon(true);
      return thread;
    }, new ThreadPoolExecutor.CallerRunsPolicy());
    Gauge.builder("onenumber.intake.classify.pending", pool, p -> p.getQueue().size())
        .description("New contacts whose topic waits to be classified after their intake committed")
        .register(registry);
  }

  @Override
  public void execute(Runnable task) {
    pool.execute(task);
  }

  /** Stops taking contacts; those waiting are classified again from their journaled topic at the next start. */
  @Override
  public void close() {
    pool.shutdown();
  }
}
