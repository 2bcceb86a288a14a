package org.onenumber.server.persistence;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.port.out.Transactions;

/**
 * Runs SQL on the configured {@link DataSource}. {@link #inTransaction} binds one connection to
 * the calling thread; every query made on that thread until it returns joins the transaction,
 * and a nested call joins the outer one. Outside a transaction each call autocommits. SQL
 * failures become {@link RetriableException}s after a rollback. Work registered with
 * {@link #afterCommit} runs once the outermost transaction has committed (never after a rollback);
 * {@link #inSavepoint} lets one part of a transaction fail and roll back alone (the group commit of
 * webhooks, {@code GroupCommit}). {@link #onPool} runs work on connections of another pool of the same
 * database (routing's own, which intake's requests cannot take).
 */
@Singleton
public final class Jdbc implements Transactions {

  private final DataSource dataSource;
  /** Statements sent to the database: each prepared statement, savepoint, commit and rollback. */
  private final java.util.concurrent.atomic.LongAdder statements = new java.util.concurrent.atomic.LongAdder();
  private final ThreadLocal<Connection> current = new ThreadLocal<>();
  /** What the calling thread's transaction runs once it has committed ({@link #afterCommit}). */
  private final ThreadLocal<List<Runnable>> committed = new ThreadLocal<>();
  /** The pool the calling thread takes its connections from, when not {@link #dataSource} ({@link #onPool}). */
  private final ThreadLocal<DataSource> pool = new ThreadLocal<>();

  /** When a transaction waits for another's commit on H2 longer than this, it goes on beside it ({@link H2SingleWriter}). */
  static final long H2_WRITER_PATIENCE_MILLIS = 10_000;

  /** One writing transaction at a time on an H2 file ({@link H2SingleWriter}); none elsewhere. */
  private final H2SingleWriter writer;

  public Jdbc(DataSource dataSource) {
    this(dataSource, H2SingleWriter.NONE);
  }

  Jdbc(DataSource dataSource, H2SingleWriter writer) {
    this.dataSource = dataSource;
    this.writer = writer;
  }

  /**
   * The server's instance: first makes commits durable on {@code dataSource} ({@link DurableCommits}).
   *
   * @param h2WriteDelayMillis {@code onenumber.durability.h2-write-delay-ms}, 0 unless benchmarking the old behaviour
   * @param h2RetentionMillis {@code onenumber.durability.h2-retention-ms}: H2's RETENTION_TIME; negative (the
   *     default) keeps H2's own 45 s, which a SIGKILL does not turn into lost commits ({@link DurableCommits})
   * @param h2SingleWriter {@code onenumber.durability.h2-single-writer}: one writing transaction at a time on an H2
   *     file (true; false only to show the torn commit, {@link H2SingleWriter})
   */
  @jakarta.inject.Inject
  public Jdbc(DataSource dataSource, @io.micronaut.context.annotation.Value("${onenumber.durability.h2-write-delay-ms:0}")
      int h2WriteDelayMillis, @io.micronaut.context.annotation.Value("${onenumber.durability.h2-retention-ms:-1}")
      int h2RetentionMillis, @io.micronaut.context.annotation.Value("${onenumber.durability.h2-single-writer:true}")
      boolean h2SingleWriter) {
    this(dataSource, h2SingleWriter ? H2SingleWriter.forUrl(urlOf(dataSource), H2_WRITER_PATIENCE_MILLIS)
        : H2SingleWriter.NONE);
    new DurableCommits(h2WriteDelayMillis, h2RetentionMillis).apply(dataSource);
    if (writer.active()) {
      org.slf4j.LoggerFactory.getLogger(Jdbc.class).info("H2: one writing transaction at a time (a chunk never holds"
          + " half of another's commit)");
    }
  }

  private static String urlOf(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getURL();
    } catch (SQLException e) {
      return null;
    }
  }

  /** H2 writes that waited past {@link #H2_WRITER_PATIENCE_MILLIS} and went on beside another transaction. */
  public long h2WritesPastTheSingleWriter() {
    return writer.timedOut();
  }

  /** Reads one row into a value. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  @FunctionalInterface
  interface ConnectionWork<T> {
    T apply(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} with every connection the calling thread opens through this instance taken
   * from {@code reserved} (another pool of the same database) instead of the shared one; nested
   * calls keep the outermost pool.
   */
  public void onPool(DataSource reserved, Runnable work) {
    if (pool.get() != null) {
      work.run();
      return;
    }
    pool.set(reserved);
    try {
      work.run();
    } finally {
      pool.remove();
    }
  }

  /** As {@link #onPool(DataSource, Runnable)}, returning {@code work}'s value. */
  public <T> T fromPool(DataSource reserved, Supplier<T> work) {
    List<T> result = new ArrayList<>(1);
    Runnable keep = () -> result.add(work.get());
    onPool(reserved, keep);
    return result.get(0);
  }

  private DataSource source() {
    DataSource reserved = pool.get();
    return reserved == null ? dataSource : reserved;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (current.get() != null) {
      return work.get();
    }
    List<Runnable> then = new ArrayList<>();
    T result;
    try (Connection connection = source().getConnection()) {
      connection.setAutoCommit(false);
      current.set(connection);
      committed.set(then);
      try {
        result = work.get();
        statements.increment();
        connection.commit();
      } catch (RuntimeException | Error e) {
        statements.increment();
        connection.rollback();
        throw e;
      } finally {
        writer.leave();
        current.remove();
        committed.remove();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure(e);
    }
    then.forEach(Jdbc::runCommitted);
    return result;
  }

  /**
   * Runs {@code action} after the calling thread's outermost transaction commits (in the order
   * registered, on this thread, after its connection went back to the pool and before
   * {@link #inTransaction} returns); dropped when the transaction (or the {@link #inSavepoint
   * savepoint} it was registered in) rolls back. Outside a transaction it runs at once.
   */
  @Override
  public void afterCommit(Runnable action) {
    List<Runnable> then = committed.get();
    if (then == null) {
      action.run();
    } else {
      then.add(action);
    }
  }

  /** Whether the database is PostgreSQL (a few statements take its settings); asked once. */
  public boolean postgres() {
    Boolean known = postgres;
    if (known == null) {
      known = run(c -> c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL"));
      postgres = known;
    }
    return known;
  }

  private volatile Boolean postgres;

  /** Whether the calling thread is inside {@link #inTransaction}. */
  @Override
  public boolean inTransaction() {
    return current.get() != null;
  }

  /**
   * Runs {@code work} inside the calling thread's transaction (required) behind a savepoint: if it
   * throws, what it wrote and registered {@link #afterCommit} is rolled back and the transaction
   * goes on without it; the exception is rethrown.
   */
  public <T> T inSavepoint(Supplier<T> work) {
    Connection connection = current.get();
    if (connection == null) {
      throw new IllegalStateException("a savepoint needs a transaction");
    }
    List<Runnable> pending = committed.get();
    int registered = pending.size();
    java.sql.Savepoint savepoint;
    try {
      statements.increment();
      savepoint = connection.setSavepoint();
    } catch (SQLException e) {
      throw failure(e);
    }
    try {
      T result = work.get();
      statements.increment();
      connection.releaseSavepoint(savepoint);
      return result;
    } catch (RuntimeException | Error e) {
      pending.subList(registered, pending.size()).clear();
      try {
        statements.increment();
        connection.rollback(savepoint);
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
        throw failure(rollback);
      }
      throw e;
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private static void runCommitted(Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(Jdbc.class).error("work after a commit failed", e);
    }
  }

  /** Executes an insert, update or delete; returns the number of rows changed. */
  public int update(String sql, Object... args) {
    return write(c -> {
      try (PreparedStatement statement = prepare(c, sql, args)) {
        return statement.executeUpdate();
      }
    });
  }

  /**
   * Executes one insert, update or delete once per argument list, sent together as a JDBC batch
   * (one round trip instead of one each); nothing is sent for an empty list. Returns the rows each
   * one changed, in order.
   */
  public int[] batch(String sql, List<Object[]> argLists) {
    if (argLists.isEmpty()) {
      return new int[0];
    }
    if (argLists.size() == 1) {
      return new int[] {update(sql, argLists.get(0))};
    }
    return write(c -> {
      try (PreparedStatement statement = prepare(c, sql)) {
        for (Object[] args : argLists) {
          bind(statement, args);
          statement.addBatch();
        }
        return statement.executeBatch();
      } catch (java.sql.BatchUpdateException e) {
        throw e.getNextException() != null ? e.getNextException() : e;
      }
    });
  }

  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
    ConnectionWork<List<T>> read = c -> {
      try (PreparedStatement statement = prepare(c, sql, args); ResultSet rows = statement.executeQuery()) {
        List<T> result = new ArrayList<>();
        while (rows.next()) {
          result.add(mapper.map(rows));
        }
        return result;
      }
    };
    // SELECT ... FOR UPDATE writes H2's row locks into the table's map: a write for the single writer
    // (only looked for when there is one: not a lower-cased copy of every query on PostgreSQL)
    return writer.active() && sql.toLowerCase(java.util.Locale.ROOT).contains(" for update") ? write(read) : run(read);
  }

  /** Called with each row of a streamed read, in order. */
  @FunctionalInterface
  public interface RowHandler {
    void handle(ResultSet row) throws SQLException;
  }

  /**
   * Reads a result too large to hold, {@code fetchSize} rows at a time: on PostgreSQL through a
   * cursor (which needs a transaction: the caller's, else one of its own), on H2 as its driver
   * spools a large result. Each row goes to {@code handler} and is not kept.
   */
  public void stream(String sql, int fetchSize, RowHandler handler, Object... args) {
    ConnectionWork<Void> read = c -> {
      try (PreparedStatement statement = prepare(c, sql, args)) {
        statement.setFetchSize(fetchSize);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            handler.handle(rows);
          }
        }
      }
      return null;
    };
    if (current.get() != null) {
      run(read);
      return;
    }
    run(c -> {
      c.setAutoCommit(false);
      try {
        read.apply(c);
        c.commit();
        return null;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    });
  }

  public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) {
    return query(sql, mapper, args).stream().findFirst();
  }

  /**
   * Runs a write: on an H2 file first takes the single writer ({@link H2SingleWriter}), held until the
   * calling thread's transaction ends, or until this statement's own commit outside one.
   */
  private <T> T write(ConnectionWork<T> work) {
    writer.enter();
    if (current.get() != null) {
      return run(work);
    }
    try {
      return run(work);
    } finally {
      writer.leave();
    }
  }

  <T> T run(ConnectionWork<T> work) {
    Connection joined = current.get();
    try {
      if (joined != null) {
        return work.apply(joined);
      }
      try (Connection connection = source().getConnection()) {
        return work.apply(connection);
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /**
   * A data exception (SQLSTATE class 22: a value too long or out of range for its column) is the
   * caller's bad input; anything else may pass (a lost connection, a deadlock, a duplicate key from
   * a concurrent retry). Neither message carries the database's text: it can quote stored values.
   */
  static RuntimeException failure(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("22")) {
      return new InvalidInputException("a value is too long or out of range for its field");
    }
    return new RetriableException("the database is unavailable (SQLSTATE " + state + "); retry", e);
  }

  /** How many statements were sent so far ({@code onenumber_sql_statements_total}). */
  public long statements() {
    return statements.sum();
  }

  private PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
    statements.increment();
    PreparedStatement statement = c.prepareStatement(sql);
    bind(statement, args);
    return statement;
  }

  private static void bind(PreparedStatement statement, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i] instanceof Instant at ? OffsetDateTime.ofInstant(at, ZoneOffset.UTC) : args[i];
      statement.setObject(i + 1, arg);
    }
  }

  /** Reads a {@code timestamp with time zone} column; null stays null. */
  public static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
