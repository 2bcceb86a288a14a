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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.routing.Partitions;
import org.onenumber.server.cluster.JdbcRoutingLease.Lease;
import org.onenumber.server.cluster.JdbcRoutingLease.LeaseLostException;
import org.onenumber.server.persistence.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's routing ownership ({@code onenumber.cluster.enabled=true}, PostgreSQL only): a
 * heartbeat thread holds leases of {@link JdbcRoutingLease}, one per routing partition ({@link
 * Partitions}, {@code onenumber.cluster.partitions}; without it the one partition {@link
 * RoutingOwnership#PARTITION}, the whole engine). The cases:
 *
 * <ol>
 *   <li><b>Start</b>: one heartbeat before the server serves, so the first node up owns every
 *       partition at once; the others start as standbys.
 *   <li><b>Owner</b>: renews each partition it holds every {@code renew-every} (1 s) with a {@code
 *       lease-ttl} (3 s) expiry. A renew that finds the lease taken, a {@link #fence} that fails, or a
 *       database away past the lease's expiry: this node stops routing that partition (its listeners
 *       hear {@code false}).
 *   <li><b>Spread</b>: each heartbeat also says this node is alive ({@code routing_node}); its share
 *       is ceil(partitions / live nodes). Below its share a node takes a free partition at once (every
 *       half {@code renew-every}); at its share it takes one only once it has been free for a lease's
 *       time (nobody below their share took it: no partition stays unrouted); above its share (a node
 *       joined) it releases its surplus, the default partition last, and a node below its share takes
 *       it at its next heartbeat with a new epoch. Whoever takes a partition rebuilds it from the shared journal.
 * </ol>
 *
 * <p>On H2 the constructor refuses to start: the lease and the journal must be shared by all nodes,
 * and an H2 file belongs to one process. Thread-safe: the leases held are a concurrent map, changed
 * by the heartbeat thread and by a failing {@link #fence}; role changes are serialized on this object.
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
  private final Partitions partitions;
  /** The live nodes the database counted at this node's last heartbeat ({@link #liveNodes()}). */
  private volatile int liveNodes = 1;
  private final Map<String, List<Consumer<Boolean>>> listeners = new ConcurrentHashMap<>();
  private final Map<String, Lease> held = new ConcurrentHashMap<>();
  private final ScheduledExecutorService heartbeat;
  private int ticks;

  @Inject
  LeaseOwnership(Jdbc jdbc, DataSource dataSource, @Value("${onenumber.cluster.node-id:}") String nodeId,
      @Value("${onenumber.cluster.lease-ttl:3s}") Duration ttl,
      @Value("${onenumber.cluster.renew-every:1s}") Duration renewEvery,
      @Value("${onenumber.cluster.partitions:}") String partitions) {
    requirePostgres(dataSource);
    this.node = nodeId.isBlank() ? defaultNodeId() : nodeId;
    this.clock = InstantSource.system();
    this.jdbc = jdbc;
    this.ttl = ttl;
    this.partitions = Partitions.parse(partitions);
    this.leases = new JdbcRoutingLease(jdbc, clock, node, ttl);
    beat();
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "routing-lease");
      t.setDaemon(true);
      return t;
    });
    long halfPeriod = Math.max(1, renewEvery.toMillis() / 2);
    // a node below its share tries on every tick (half of renew-every), the others beat on every other one
    heartbeat.scheduleWithFixedDelay(() -> {
      if (held.size() < this.partitions.names().size() || ++ticks % 2 == 0) {
        beat();
      }
    }, halfPeriod, halfPeriod, TimeUnit.MILLISECONDS);
    LOG.info("cluster node {}: {} (partitions {} held of {}, lease ttl {}, renewed every {})", node,
        owner() ? "owner" : "standby", new TreeSet<>(held.keySet()), this.partitions.names(), ttl, renewEvery);
  }

  /** For tests: on {@code clock}, without a heartbeat thread ({@link #beat} is called by hand). */
  LeaseOwnership(Jdbc jdbc, InstantSource clock, String node, Duration ttl) {
    this(jdbc, clock, node, ttl, Partitions.none());
  }

  /** For tests: {@code partitions} on {@code clock}, without a heartbeat thread. */
  LeaseOwnership(Jdbc jdbc, InstantSource clock, String node, Duration ttl, Partitions partitions) {
    this.clock = clock;
    this.node = node;
    this.jdbc = jdbc;
    this.ttl = ttl;
    this.partitions = partitions;
    this.leases = new JdbcRoutingLease(jdbc, clock, node, ttl);
    this.heartbeat = null;
  }

  /** One heartbeat: say this node is alive, renew the leases held, take free partitions up to the share, release the surplus. */
  void beat() {
    try {
      leases.present();
      liveNodes = leases.liveNodes();
      int share = Partitions.fairShare(partitions.names().size(), liveNodes);
      for (String partition : partitions.names()) {
        Lease lease = held.get(partition);
        if (lease != null) {
          leases.renew(lease).ifPresentOrElse(next -> renewed(lease, next), () -> lose(lease, "taken by another node"));
        } else {
          leases.acquire(partition, held.size() < share ? Duration.ZERO : ttl).ifPresent(this::win);
        }
      }
      releaseSurplus(share);
    } catch (RetriableException databaseAway) {
      for (Lease lease : List.copyOf(held.values())) {
        if (clock.instant().isAfter(lease.expiresAt())) {
          lose(lease, "not renewed before its expiry (" + databaseAway.getMessage() + ")");
        }
      }
    } catch (RuntimeException e) {
      LOG.error("routing lease heartbeat failed", e);
    }
  }

  /** Above its share (a node joined): stop routing the surplus, then end its lease for a node below theirs. */
  private void releaseSurplus(int share) {
    List<Lease> surplus = held.values().stream()
        .sorted(Comparator.comparing((Lease l) -> PARTITION.equals(l.partition())).thenComparing(Lease::partition))
        .limit(Math.max(0, held.size() - share)).toList();
    for (Lease lease : surplus) {
      lose(lease, "released: this node holds more than its share of " + share);
      leases.release(lease);
    }
  }

  private synchronized void win(Lease lease) {
    held.put(lease.partition(), lease);
    LOG.info("cluster node {} took the routing lease of partition {} (epoch {}): routing it here", node,
        lease.partition(), lease.epoch());
    tell(lease.partition(), true);
  }

  /** Keeps the renewed lease unless a failed fence dropped this one meanwhile. */
  private synchronized void renewed(Lease lease, Lease next) {
    held.replace(lease.partition(), lease, next);
  }

  private synchronized void lose(Lease lease, String why) {
    if (!held.remove(lease.partition(), lease)) {
      return;
    }
    LOG.warn("cluster node {} lost the routing lease of partition {} (epoch {}, {}): routing it stops here", node,
        lease.partition(), lease.epoch(), why);
    tell(lease.partition(), false);
  }

  /**
   * Tells each listener of {@code partition} whether this node routes it now. One that fails is logged
   * and the others are told all the same: a listener's failure must not skip the rest of a heartbeat,
   * nor the hand-over of the leases at {@link #stop}.
   */
  private void tell(String partition, boolean routes) {
    for (Consumer<Boolean> listener : listeners(partition)) {
      try {
        listener.accept(routes);
      } catch (RuntimeException e) {
        LOG.error("cluster node {}: a listener of partition {} failed on hearing routes={}", node, partition, routes, e);
      }
    }
  }

  private List<Consumer<Boolean>> listeners(String partition) {
    return listeners.computeIfAbsent(partition, p -> new CopyOnWriteArrayList<>());
  }

  @Override
  public boolean owner() {
    return owner(PARTITION);
  }

  @Override
  public boolean owner(String partition) {
    return held.containsKey(partition);
  }

  @Override
  public Set<String> partitions() {
    return partitions.names();
  }

  @Override
  public void fence() {
    fence(PARTITION);
  }

  @Override
  public void fence(String partition) {
    Lease lease = held.get(partition);
    if (lease == null) {
      throw new LeaseLostException("node " + node + " does not hold the routing lease of partition " + partition
          + " (standby)");
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
    whenChanged(PARTITION, listener);
  }

  @Override
  public void whenChanged(String partition, Consumer<Boolean> listener) {
    listeners(partition).add(listener);
  }

  @Override
  public int liveNodes() {
    return liveNodes;
  }

  @Override
  public String node() {
    return node;
  }

  @Override
  public List<Lease> leases() {
    return leases.all();
  }

  @Override
  public Map<String, Object> describe() {
    Lease lease = held.get(PARTITION);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("role", lease != null ? "owner" : "standby");
    details.put("node", node);
    if (lease != null) {
      details.put("epoch", lease.epoch());
    }
    if (partitions.configured()) {
      details.put("partitions", new TreeSet<>(held.keySet()));
    }
    return details;
  }

  /**
   * The server stops (a rolling restart, a scale-in): stop routing every partition held, end their
   * leases and leave the live nodes, so that the others take them at their next heartbeat rather
   * than after the leases' time to live. A node that dies without stopping is taken over at expiry.
   */
  @PreDestroy
  void stop() {
    if (heartbeat != null) {
      heartbeat.shutdownNow();
      try {
        heartbeat.awaitTermination(2, TimeUnit.SECONDS); // a beat under way renews nothing after the release
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      for (Lease lease : List.copyOf(held.values())) {
        lose(lease, "this node stops");
        leases.release(lease);
      }
      leases.absent();
    } catch (RuntimeException e) {
      LOG.warn("cluster node {} could not hand its routing leases over as it stops (they expire): {}", node,
          e.getMessage());
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
