package org.onenumber.server.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.onenumber.core.error.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers the work of concurrent callers (each webhook's message, contact and citizen writes) into
 * one transaction: a group commit, so that a burst of webhooks costs one commit, not one each. The
 * routing context's {@code RoutingQueue} does the same for routing commands; this one is for
 * writes that need no engine. The cases, in the order the committer takes them:
 *
 * <ol>
 *   <li><b>A batch</b>: whatever queued while the last commit ran (at most {@code maxBatch} items,
 *       no waiting for more: an idle committer takes a lone item at once) runs in one transaction,
 *       in arrival order, so a later item sees what an earlier one wrote (a repeated MessageSid is
 *       found, not stored again). First without savepoints (each costs two statements, a sixth of
 *       a webhook's): the usual case, where every item succeeds.
 *   <li><b>An item fails</b>: that transaction is rolled back (writes and events of every item) and
 *       the batch runs again, each item behind its own savepoint ({@link Jdbc#inSavepoint}): the
 *       failing item's writes and events roll back to its savepoint, its caller gets its exception
 *       after the batch is decided, the others go on.
 *   <li><b>No transaction</b> (no connection within the pool's timeout: an outage): every caller
 *       of the batch fails at once with that failure (503, the channel retries).
 *   <li><b>The commit fails</b> (an item broke the transaction past its savepoint, or the database
 *       went away meanwhile): nothing was acknowledged; a batch of one fails its caller, a larger
 *       one is run again item by item, each in a transaction of its own, so one bad item fails
 *       alone; after the first retriable (database) failure the rest fail with it at once.
 *   <li>Each caller returns only after the transaction holding its work committed ("durable before
 *       acknowledged"); its events are published after that commit ({@link Jdbc#afterCommit}).
 * </ol>
 *
 * A caller already inside a transaction runs its work there (it joins; nothing is deferred).
 * Given a pool of its own ({@link GroupCommitLanes#withOwnConnections}), the committer takes its
 * transactions' connections there, never behind the shared pool's requests.
 * Thread-safe; one committer thread, so items run one after the other.
 */
public final class GroupCommit implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

  private record Item(Supplier<?> work, CompletableFuture<Object> result) {
  }

  /** One item's outcome inside the batch: a value, or the failure that rolled it back. */
  private record Outcome(Item item, Object value, RuntimeException failure) {
  }

  private final Jdbc jdbc;
  private final int maxBatch;
  private final BlockingQueue<Item> waiting = new LinkedBlockingQueue<>();
  private final Thread committer;
  /** Where the committer's connections come from; null: the shared pool. */
  private final DataSource own;
  private final AtomicLong transactions = new AtomicLong();
  /** Items committed, time running their work, and time from taking the connection to the commit's end. */
  private final LongAdder items = new LongAdder();
  private final LongAdder workNanos = new LongAdder();
  private final LongAdder batchNanos = new LongAdder();
  private volatile boolean closed;

  /**
   * @param name the committer thread's name
   * @param maxBatch the most items one transaction holds
   */
  public GroupCommit(Jdbc jdbc, String name, int maxBatch) {
    this(jdbc, name, maxBatch, null);
  }

  /** As {@link #GroupCommit(Jdbc, String, int)}, the transactions on connections of {@code own} (null: the shared pool). */
  GroupCommit(Jdbc jdbc, String name, int maxBatch, DataSource own) {
    this.own = own;
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1");
    }
    this.jdbc = jdbc;
    this.maxBatch = maxBatch;
    this.committer = Thread.ofPlatform().daemon().name(name).start(this::commitLoop);
  }

  /** Runs {@code work} in the next batch's transaction; returns its value once that committed. */
  @SuppressWarnings("unchecked")
  public <T> T run(Supplier<T> work) {
    if (jdbc.inTransaction()) {
      return work.get();
    }
    if (closed) {
      throw new RetriableException("the server is stopping; retry", null);
    }
    CompletableFuture<Object> result = new CompletableFuture<>();
    waiting.add(new Item(work, result));
    try {
      return (T) result.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetriableException("interrupted while waiting for the commit; retry", e);
    }
  }

  private void commitLoop() {
    List<Item> batch = new ArrayList<>(maxBatch);
    while (!closed) {
      try {
        batch.add(waiting.take());
      } catch (InterruptedException e) {
        break;
      }
      waiting.drainTo(batch, maxBatch - 1);
      if (own == null) {
        commit(batch);
      } else {
        jdbc.onPool(own, () -> commit(batch));
      }
      batch.clear();
    }
    RetriableException stopping = new RetriableException("the server is stopping; retry", null);
    waiting.forEach(item -> item.result().completeExceptionally(stopping));
  }

  /** How many batch transactions were committed so far (tests). */
  public long transactions() {
    return transactions.get();
  }

  /** How many items the committed batches held. */
  public long items() {
    return items.sum();
  }

  /** Nanoseconds the committed batches spent in their items' work (their statements' round trips included). */
  public long workNanos() {
    return workNanos.sum();
  }

  /** Nanoseconds the committed batches took in all: connection, work, commit (its fsync). */
  public long batchNanos() {
    return batchNanos.sum();
  }

  /** Thrown inside the batch's first, savepoint-free transaction to roll it back when an item failed. */
  private static final class ItemFailed extends RuntimeException {
    ItemFailed() {
      super(null, null, false, false);
    }
  }

  private void commit(List<Item> batch) {
    List<Outcome> outcomes;
    boolean[] opened = {false};
    long started = System.nanoTime();
    try {
      try {
        outcomes = jdbc.inTransaction(() -> {
          opened[0] = true;
          long working = System.nanoTime();
          List<Outcome> all = new ArrayList<>(batch.size());
          for (Item item : batch) {
            try {
              all.add(new Outcome(item, item.work().get(), null));
            } catch (RuntimeException e) {
              throw new ItemFailed();
            }
          }
          workNanos.add(System.nanoTime() - working);
          return all;
        });
      } catch (ItemFailed rolledBack) {
        outcomes = jdbc.inTransaction(() -> batch.stream().map(this::runBehindSavepoint).toList());
      }
      transactions.incrementAndGet();
      items.add(batch.size());
      batchNanos.add(System.nanoTime() - started);
    } catch (RuntimeException | Error e) {
      if (batch.size() == 1 || !opened[0]) {
        batch.forEach(item -> item.result().completeExceptionally(e));
      } else {
        LOG.warn("a batch of {} failed to commit; running its items one by one", batch.size(), e);
        runAlone(batch);
      }
      return;
    }
    for (Outcome outcome : outcomes) {
      if (outcome.failure() == null) {
        outcome.item().result().complete(outcome.value());
      } else {
        outcome.item().result().completeExceptionally(outcome.failure());
      }
    }
  }

  private Outcome runBehindSavepoint(Item item) {
    try {
      return new Outcome(item, jdbc.inSavepoint(item.work()), null);
    } catch (RuntimeException e) {
      return new Outcome(item, null, e);
    }
  }

  /** Each item in a transaction of its own; once the database is unavailable, the rest fail with it at once. */
  private void runAlone(List<Item> batch) {
    RetriableException unavailable = null;
    for (Item item : batch) {
      if (unavailable != null) {
        item.result().completeExceptionally(unavailable);
        continue;
      }
      try {
        item.result().complete(jdbc.inTransaction(item.work()));
      } catch (RetriableException e) {
        unavailable = e;
        item.result().completeExceptionally(e);
      } catch (RuntimeException | Error e) {
        item.result().completeExceptionally(e);
      }
    }
  }

  /** Stops taking work; whatever still waits fails retriably. */
  @Override
  public void close() {
    closed = true;
    committer.interrupt();
  }
}
