package org.onenumber.telephony;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a carrier's call registry to its store in order, on one named daemon thread, so that no
 * FastAGI session, AMI reader or webhook waits for the database. A write that fails is logged and
 * skipped (the call goes on; only its survival of a restart is at stake); writes handed over after
 * {@link #close} are dropped.
 */
public final class OrderedWrites implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OrderedWrites.class);

  private final ExecutorService writer;
  private final String what;

  private OrderedWrites(ExecutorService writer, String what) {
    this.writer = writer;
    this.what = what;
  }

  /** Writes on a thread named {@code thread}; {@code what} names the records in the log. */
  public static OrderedWrites on(String thread, String what) {
    return new OrderedWrites(Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, thread);
      t.setDaemon(true);
      return t;
    }), what);
  }

  /** For a registry kept in memory only: every write is dropped. */
  public static OrderedWrites none() {
    return new OrderedWrites(null, "nothing");
  }

  public void write(Runnable change) {
    if (writer == null) {
      return;
    }
    try {
      writer.execute(() -> {
        try {
          change.run();
        } catch (RuntimeException e) {
          LOG.warn("{} could not be kept: {}", what, e.getMessage());
        }
      });
    } catch (RejectedExecutionException e) {
      LOG.debug("{}: closed, change not kept", what);
    }
  }

  /** Waits up to {@code millis} for the writes handed over so far (tests, shutdown). */
  public boolean flush(long millis) throws InterruptedException {
    if (writer == null) {
      return true;
    }
    CountDownLatch done = new CountDownLatch(1);
    writer.execute(done::countDown);
    return done.await(millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    if (writer != null) {
      writer.shutdown();
      try {
        writer.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
