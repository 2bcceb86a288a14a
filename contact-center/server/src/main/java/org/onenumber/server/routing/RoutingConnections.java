package org.onenumber.server.routing;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.OwnPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routing's own connections (issue 17): a small pool of {@code onenumber.routing.connections} (2)
 * for the routing context, plus {@code onenumber.routing.read-ahead} (2) for reading arrivals ahead
 * of their turn ({@link ArrivalReads}: at most that many such reads in flight), on the same
 * database as the shared one, so that routing's reads and commits never wait behind
 * intake's requests. At a city's day shift every one of the shared pool's connections was held by
 * intake; routing's reads then failed after the connection timeout, it distrusted its engine and
 * rebuilt from the journal, which needed the pool again (a spiral). The pool copies the shared
 * one's database, credentials, driver properties and timeouts. When the shared source is not a
 * Hikari pool (a test's own source), routing uses it as it is. Thread-safe.
 */
@Singleton
public final class RoutingConnections {

  private static final Logger LOG = LoggerFactory.getLogger(RoutingConnections.class);

  private final Jdbc jdbc;
  private final DataSource pool;
  private final HikariDataSource own;
  private final int readAhead;
  private final ExecutorService readAheadThreads =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("routing-read-ahead-", 0).factory());

  RoutingConnections(Jdbc jdbc, DataSource shared, @Value("${onenumber.routing.connections:2}") int size,
      @Value("${onenumber.routing.read-ahead:2}") int readAhead) {
    if (size < 1) {
      throw new IllegalArgumentException("onenumber.routing.connections must be at least 1, was " + size);
    }
    if (readAhead < 0) {
      throw new IllegalArgumentException("onenumber.routing.read-ahead must not be negative, was " + readAhead);
    }
    this.jdbc = jdbc;
    this.readAhead = readAhead;
    this.own = OwnPool.of(shared, "routing", size + readAhead);
    if (own == null) {
      LOG.warn("routing shares the datasource: it is not a Hikari pool");
    }
    this.pool = own == null ? shared : own;
  }

  /** Runs {@code work} (on the routing context) with its database work on routing's own connections. */
  void run(Runnable work) {
    jdbc.onPool(pool, work);
  }

  /** How many arrivals may be read ahead of their turn at once (each on a connection of routing's pool). */
  int readAhead() {
    return readAhead;
  }

  /** Runs {@code read} on a thread of its own with routing's connections (at most {@link #readAhead} at once: the caller's bound). */
  void readAhead(Runnable read) {
    readAheadThreads.execute(() -> run(read));
  }

  /** Routing's pool (tests hold its connections to make routing's reads fail). */
  DataSource pool() {
    return pool;
  }

  @PreDestroy
  void close() {
    readAheadThreads.shutdownNow();
    if (own != null) {
      own.close();
    }
  }
}
