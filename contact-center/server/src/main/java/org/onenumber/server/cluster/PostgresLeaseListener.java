package org.onenumber.server.cluster;

import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.onenumber.server.persistence.OwnPool;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears every lease holder change of the cluster ({@code LISTEN} {@value JdbcRoutingLease#CHANGES},
 * notified by {@link JdbcRoutingLease}'s acquire and release in their transactions) on one connection
 * of its own, outside the shared pool, named {@value #APPLICATION_NAME} in {@code pg_stat_activity}.
 * The cases:
 *
 * <ol>
 *   <li>a notification (any partition, any node): every listener runs;
 *   <li>connected, or connected again after the database was away: every listener runs too, so a
 *       change made while nobody listened is read then and never missed;
 *   <li>nothing heard for {@value #CHECK_S} s: the connection is checked ({@code isValid}), so a
 *       cut network is noticed even without a reset;
 *   <li>the connection failed or the check did: closed, and opened again every {@value #AGAIN_MS} ms
 *       until the database answers (logged once per outage).
 * </ol>
 *
 * <p>Cluster only (PostgreSQL). Connects when first asked for ({@link #listen}), so a node whose
 * partitions nobody watches holds no such connection. Listeners run on the thread {@code
 * lease-listen} and must only hand work over. Thread-safe; stopped with the server.
 */
@Singleton
@Requires(property = "onenumber.cluster.enabled", value = "true")
public final class PostgresLeaseListener {

  public static final String APPLICATION_NAME = "onenumber-lease-listen";
  static final long CHECK_S = 5;
  static final long AGAIN_MS = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(PostgresLeaseListener.class);

  private final DataSource shared;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean running = true;
  private volatile boolean connected;
  private Thread thread;

  public PostgresLeaseListener(DataSource shared) {
    this.shared = shared;
  }

  /** {@code listener} runs on every lease change heard, and whenever the listening connection is (re)opened. */
  public synchronized void listen(Runnable listener) {
    listeners.add(listener);
    if (thread == null && running) {
      thread = Thread.ofPlatform().daemon().name("lease-listen").start(this::loop);
    }
  }

  /** True while the listening connection is open. */
  public boolean connected() {
    return connected;
  }

  private void loop() {
    boolean away = false;
    while (running) {
      try (Connection c = OwnPool.connect(shared)) {
        try (Statement s = c.createStatement()) {
          s.execute("set application_name = '" + APPLICATION_NAME + "'");
          s.execute("listen " + JdbcRoutingLease.CHANGES);
        }
        connected = true;
        if (away) {
          LOG.info("listening to routing lease changes again");
          away = false;
        }
        changed(); // whatever changed while nobody listened
        hear(c.unwrap(PGConnection.class), c);
      } catch (SQLException | RuntimeException e) {
        if (running && !away) {
          LOG.warn("not listening to routing lease changes (trying again every {} ms): {}", AGAIN_MS, e.getMessage());
          away = true;
        }
      } finally {
        connected = false;
      }
      if (running) {
        LockSupport.parkNanos(Duration.ofMillis(AGAIN_MS).toNanos());
      }
    }
  }

  /** Runs the listeners on each notification until the connection fails or the server stops. */
  private void hear(PGConnection listening, Connection c) throws SQLException {
    long quietSince = System.nanoTime();
    while (running) {
      PGNotification[] heard = listening.getNotifications(1000);
      if (heard != null && heard.length > 0) {
        quietSince = System.nanoTime();
        changed();
      } else if (System.nanoTime() - quietSince > Duration.ofSeconds(CHECK_S).toNanos()) {
        if (!c.isValid((int) CHECK_S)) {
          throw new SQLException("the listening connection did not answer within " + CHECK_S + " s");
        }
        quietSince = System.nanoTime();
      }
    }
  }

  private void changed() {
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.warn("a routing lease change listener failed: {}", e.getMessage());
      }
    }
  }

  @PreDestroy
  public void stop() {
    running = false;
    Thread listening;
    synchronized (this) {
      listening = thread;
    }
    if (listening != null) {
      listening.interrupt();
      try {
        listening.join(Duration.ofSeconds(3).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
