package org.onenumber.server.cluster;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.onenumber.core.error.RetriableException;
import org.onenumber.server.cluster.JdbcRoutingLease.Lease;
import org.onenumber.server.cluster.JdbcRoutingLease.LeaseLostException;
import org.onenumber.server.persistence.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's routing ownership ({@code onenumber.cluster.enabled=true}, PostgreSQL only): a
 * heartbeat thread holds the {@link RoutingOwnership#PARTITION} lease of {@link JdbcRoutingLease}.
 * The cases:
 *
 * <ol>
 *   <li><b>Start</b>: one acquire before the server serves, so the first node up is the owner at
 *       once; the others start as standbys.
 *   <li><b>Owner</b>: renews every {@code renew-every} (1 s) with a {@code lease-ttl} (3 s) expiry.
 *       A renew that finds the lease taken, a {@link #fence} that fails, or a database away past the
 *       lease's expiry: this node stops routing (listeners hear {@code false}) and becomes a standby.
 *   <li><b>Standby</b>: tries to take the lease every half {@code renew-every}; once the owner's
 *       lease expired it gets it with a new epoch and listeners hear {@code true} (routing rebuilds
 *       its engine from the shared journal).
 * </ol>
 *
 * <p>On H2 the constructor refuses to start: the lease and the journal must be shared by all nodes,
 * and an H2 file belongs to one process. Thread-safe: the lease held is one volatile reference,
 * changed by the heartbeat thread and by a failing {@link #fence}.
 */
@Singleton
@Requires(property = "onenumber.cluster.enabled", value = "true")
final class LeaseOwnership implements RoutingOwnership {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseOwnership.class);

  private final JdbcRoutingLease leases;
  private final Jdbc jdbc;
  private final Duration ttl;
  private final InstantSource clock;
  private final String node;
  private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService heartbeat;
  private volatile Lease held;
  private int ticks;

  @Inject
  LeaseOwnership(Jdbc jdbc, DataSource dataSource, @Value("${onenumber.cluster.node-id:}") String nodeId,
      @Value("${onenumber.cluster.lease-ttl:3s}") Duration ttl,
      @Value("${onenumber.cluster.renew-every:1s}") Duration renewEvery) {
    requirePostgres(dataSource);
    this.node = nodeId.isBlank() ? defaultNodeId() : nodeId;
    this.clock = InstantSource.system();
    this.jdbc = jdbc;
    this.ttl = ttl;
    this.leases = new JdbcRoutingLease(jdbc, clock, node, ttl);
    beat();
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "routing-lease");
      t.setDaemon(true);
      return t;
    });
    long halfPeriod = Math.max(1, renewEvery.toMillis() / 2);
    // a standby tries on every tick (half of renew-every), the owner renews on every other one
    heartbeat.scheduleWithFixedDelay(() -> {
      if (held == null || ++ticks % 2 == 0) {
        beat();
      }
    }, halfPeriod, halfPeriod, TimeUnit.MILLISECONDS);
    LOG.info("cluster node {}: {} (lease ttl {}, renewed every {})", node, held != null ? "owner" : "standby", ttl,
        renewEvery);
  }

  /** For tests: on {@code clock}, without a heartbeat thread ({@link #beat} is called by hand). */
  LeaseOwnership(Jdbc jdbc, InstantSource clock, String node, Duration ttl) {
    this.clock = clock;
    this.node = node;
    this.jdbc = jdbc;
    this.ttl = ttl;
    this.leases = new JdbcRoutingLease(jdbc, clock, node, ttl);
    this.heartbeat = null;
  }

  /** One heartbeat: renew the lease held, or try to take it. */
  void beat() {
    Lease lease = held;
    try {
      if (lease != null) {
        leases.renew(lease).ifPresentOrElse(next -> renewed(lease, next), () -> lose(lease, "taken by another node"));
      } else {
        leases.acquire(PARTITION).ifPresent(this::win);
      }
    } catch (RetriableException databaseAway) {
      if (lease != null && clock.instant().isAfter(lease.expiresAt())) {
        lose(lease, "not renewed before its expiry (" + databaseAway.getMessage() + ")");
      }
    } catch (RuntimeException e) {
      LOG.error("routing lease heartbeat failed", e);
    }
  }

  private synchronized void win(Lease lease) {
    held = lease;
    LOG.info("cluster node {} took the routing lease (epoch {}): routing here", node, lease.epoch());
    listeners.forEach(l -> l.accept(true));
  }

  /** Keeps the renewed lease unless a failed fence dropped this one meanwhile. */
  private synchronized void renewed(Lease lease, Lease next) {
    if (held == lease) {
      held = next;
    }
  }

  private synchronized void lose(Lease lease, String why) {
    if (held != lease) {
      return;
    }
    held = null;
    LOG.warn("cluster node {} lost the routing lease (epoch {}, {}): routing stops here", node, lease.epoch(), why);
    listeners.forEach(l -> l.accept(false));
  }

  @Override
  public boolean owner() {
    return held != null;
  }

  @Override
  public void fence() {
    Lease lease = held;
    if (lease == null) {
      throw new LeaseLostException("node " + node + " does not hold the routing lease (standby)");
    }
    try {
      // the fence locks the lease row until the commit; an owner frozen inside this transaction (a long
      // pause, a frozen VM) would hold it, and block the takeover, for ever: PostgreSQL ends such a
      // session after a lease's time, which rolls its write back and frees the row for the next owner
      jdbc.update("set local idle_in_transaction_session_timeout = " + ttl.toMillis());
      leases.fence(lease);
    } catch (LeaseLostException lost) {
      lose(lease, "a routing write was fenced off");
      throw lost;
    }
  }

  @Override
  public boolean clustered() {
    return true;
  }

  @Override
  public void whenChanged(Consumer<Boolean> listener) {
    listeners.add(listener);
  }

  @Override
  public Map<String, Object> describe() {
    Lease lease = held;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("role", lease != null ? "owner" : "standby");
    details.put("node", node);
    if (lease != null) {
      details.put("epoch", lease.epoch());
    }
    return details;
  }

  @PreDestroy
  void stop() {
    if (heartbeat != null) {
      heartbeat.shutdownNow();
    }
  }

  /** Refuses H2 (or anything but PostgreSQL) with a message that says what to change. */
  static void requirePostgres(DataSource dataSource) {
    String product;
    String url;
    try (Connection c = dataSource.getConnection()) {
      product = c.getMetaData().getDatabaseProductName();
      url = c.getMetaData().getURL();
    } catch (SQLException e) {
      throw new IllegalStateException("onenumber.cluster.enabled=true: the database could not be reached to check it"
          + " is PostgreSQL: " + e.getMessage(), e);
    }
    if (!"PostgreSQL".equalsIgnoreCase(product)) {
      throw new IllegalStateException("onenumber.cluster.enabled=true needs PostgreSQL shared by every node (the"
          + " routing lease and the journal), but datasources.default.url is " + product + " (" + url.split(";")[0]
          + "): point every node at one PostgreSQL database, or set onenumber.cluster.enabled=false");
    }
  }

  private static String defaultNodeId() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "node";
    }
    return host + "-" + ProcessHandle.current().pid();
  }
}
