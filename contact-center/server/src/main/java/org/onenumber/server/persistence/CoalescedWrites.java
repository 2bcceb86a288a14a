package org.onenumber.server.persistence;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background writes of "the latest value per key", coalesced: {@link #put} only records the value
 * (no lock held, no connection taken) and one writer at a time, started on {@code executor} when
 * there is something to write, hands the pending values to {@code write} in rounds of at most
 * {@link #ROUND} (the caller writes a round as one JDBC batch, so one pooled connection per round,
 * not per event). Ordering: a value is dropped from the pending map only when it is still the one
 * written, so a newer value put during a round is written in the next one: the last value put is
 * the last written. A failed round is logged and retried after {@link #RETRY} (the values stay
 * pending; newer ones replace them). Under a burst, events for one key between two rounds cost
 * one write. {@link #close} ends it: after one last flush no round starts (a writer whose database is
 * gone with the server does not retry forever). Thread-safe.
 */
public final class CoalescedWrites<K, V> {

  /** The most values written in one round. */
  static final int ROUND = 500;
  static final Duration RETRY = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(CoalescedWrites.class);

  private final Map<K, V> pending = new ConcurrentHashMap<>();
  private final AtomicBoolean writing = new AtomicBoolean();
  private volatile boolean closed;
  private final Executor executor;
  private final Consumer<Map<K, V>> write;
  private final String what;

  /** {@code what} names the values in log lines ("chat grace deadlines"). */
  public CoalescedWrites(Executor executor, Consumer<Map<K, V>> write, String what) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.write = Objects.requireNonNull(write, "write");
    this.what = what;
  }

  /** Records {@code value} as the latest for {@code key} (neither null); written soon after. */
  public void put(K key, V value) {
    pending.put(key, value);
    if (!closed && writing.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  /** How many keys wait for their write. */
  public int pending() {
    return pending.size();
  }

  /** Waits up to {@code timeout} for the pending values to be written (shutdown, tests); true when none is left. */
  public boolean flush(Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!pending.isEmpty() || writing.get()) {
      if (System.nanoTime() > end) {
        return false;
      }
      try {
        TimeUnit.MILLISECONDS.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /**
   * Waits up to {@code timeout} for the pending values to be written, then stops writing (the stop of
   * the server whose connections the writes use): a round in progress ends, none starts after.
   * Returns how many keys were left unwritten.
   */
  public int close(Duration timeout) {
    flush(timeout);
    closed = true;
    return pending.size();
  }

  private void drain() {
    while (true) {
      if (closed) {
        writing.set(false);
        return;
      }
      if (pending.isEmpty()) {
        writing.set(false);
        // a put between the check and the reset found the flag set and started nobody: take it over
        if (pending.isEmpty() || !writing.compareAndSet(false, true)) {
          return;
        }
        continue;
      }
      Map<K, V> round = new LinkedHashMap<>();
      for (Map.Entry<K, V> entry : pending.entrySet()) {
        round.put(entry.getKey(), entry.getValue());
        if (round.size() == ROUND) {
          break;
        }
      }
      try {
        write.accept(round);
        round.forEach(pending::remove); // only where still the value written
      } catch (RuntimeException e) {
        LOG.warn("could not write {} {}; retrying in {}: {}", round.size(), what, RETRY, e.toString());
        try {
          Thread.sleep(RETRY);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          writing.set(false);
          return;
        }
      }
    }
  }
}
