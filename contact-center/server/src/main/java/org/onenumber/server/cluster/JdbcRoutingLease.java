package org.onenumber.server.cluster;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.onenumber.core.error.PermanentException;
import org.onenumber.core.error.RetriableException;
import org.onenumber.server.persistence.Jdbc;

/**
 * The lease of one routing partition per row of {@code routing_lease} (migration V230). The cases:
 *
 * <ol>
 *   <li><b>Acquire</b> ({@link #acquire}): a partition without a row gets one (epoch 1); a row
 *       whose lease expired, or that this node held, is taken with the epoch incremented; a row
 *       another node holds unexpired is left alone (empty answer). Two nodes racing for one
 *       partition: the row's update is atomic, and of two inserts one fails on the key.
 *   <li><b>Renew</b> ({@link #renew}): moves the expiry on while owner and epoch still match;
 *       false means the lease was taken and this node must stop routing the partition.
 *   <li><b>Fence</b> ({@link #fence}): inside the caller's transaction, touches the row only if
 *       owner and epoch match, which also locks it until the commit (a takeover waits); no match
 *       throws {@link LeaseLostException} and the caller's transaction rolls back. An expired lease
 *       nobody took yet still fences: no other owner can exist without a new epoch.
 *   <li><b>Release</b> ({@link #release}): a node holding more partitions than its share ends its
 *       lease at once (owner and epoch kept, so its fence still holds until another node takes the
 *       row with the next epoch).
 *   <li><b>Presence</b> ({@link #present}, {@link #liveNodes}; table {@code routing_node}, V435): each
 *       heartbeat moves this node's {@code seen_until} on by the time to live; the rows not yet past
 *       it are the live nodes among which the partitions are spread.
 * </ol>
 *
 * <p>On PostgreSQL, an acquire and a release also {@code pg_notify} the channel {@value #CHANGES}
 * in their own transaction (delivered at its commit, never for a rolled-back write), with the
 * partition's name as the only payload: the wallboards' partitions panels ({@link
 * PostgresLeaseListener}) hear who routes what changed without reading the table. Renewals and
 * fences (every routing write) do not notify: they change no holder.
 *
 * <p>Expiry is read on this node's clock: the nodes' clocks must agree (NTP) far better than the
 * time to live. Thread-safe (each call is one statement or one transaction).
 */
public final class JdbcRoutingLease {

  /** A lease this node holds, as of its last acquire or renew. */
  public record Lease(String partition, String owner, long epoch, Instant expiresAt) {}

  /** The lease was taken by another node (or another epoch of this one): stop routing the partition. */
  public static final class LeaseLostException extends PermanentException {
    LeaseLostException(Lease lease) {
      this("partition " + lease.partition() + " is no longer owned by " + lease.owner() + " in epoch " + lease.epoch());
    }

    LeaseLostException(String message) {
      super("lease_lost", message);
    }
  }

  /** The PostgreSQL notification channel of lease holder changes; its payload is the partition's name. */
  public static final String CHANGES = "routing_lease_changed";

  private final Jdbc jdbc;
  private final InstantSource clock;
  private final String node;
  private final Duration ttl;

  public JdbcRoutingLease(Jdbc jdbc, InstantSource clock, String node, Duration ttl) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.node = node;
    this.ttl = ttl;
  }

  /** Takes the partition's lease if nobody else holds it unexpired; empty also when the database is away (try at the next heartbeat). */
  public Optional<Lease> acquire(String partition) {
    return acquire(partition, Duration.ZERO);
  }

  /**
   * As {@link #acquire(String)}, but an expired lease only once it has been free for {@code freeFor}
   * (a node already holding its share leaves a freed partition to the nodes below theirs that long).
   */
  public Optional<Lease> acquire(String partition, Duration freeFor) {
    Instant now = clock.instant();
    Instant freedBefore = now.minus(freeFor);
    Instant until = now.plus(ttl);
    try {
      return jdbc.inTransaction(() -> {
        int taken = jdbc.update("update routing_lease set owner = ?, epoch = epoch + 1, expires_at = ?"
            + " where partition_id = ? and (expires_at < ? or owner = ?)", node, until, partition, freedBefore, node);
        if (taken == 0 && jdbc.update("insert into routing_lease (partition_id, owner, epoch, expires_at)"
            + " select ?, ?, 1, ? where not exists (select 1 from routing_lease where partition_id = ?)",
            partition, node, until, partition) == 0) {
          return Optional.<Lease>empty();
        }
        announce(partition);
        return jdbc.queryOne("select epoch from routing_lease where partition_id = ?", row -> row.getLong(1), partition)
            .map(epoch -> new Lease(partition, node, epoch, until));
      });
    } catch (RetriableException raceLostOnTheKeyOrDatabaseAway) {
      return Optional.empty();
    }
  }

  /** Moves the expiry on; empty when the lease is no longer this one. */
  public Optional<Lease> renew(Lease lease) {
    Instant until = clock.instant().plus(ttl);
    int renewed = jdbc.update("update routing_lease set expires_at = ? where partition_id = ? and owner = ? and epoch = ?",
        until, lease.partition(), lease.owner(), lease.epoch());
    return renewed == 1 ? Optional.of(new Lease(lease.partition(), lease.owner(), lease.epoch(), until))
        : Optional.empty();
  }

  /** Ends {@code lease} now (a surplus partition): the next node below its share takes it at its next heartbeat. */
  public void release(Lease lease) {
    jdbc.inTransaction(() -> {
      if (jdbc.update("update routing_lease set expires_at = ? where partition_id = ? and owner = ? and epoch = ?",
          clock.instant(), lease.partition(), lease.owner(), lease.epoch()) == 1) {
        announce(lease.partition());
      }
      return null;
    });
  }

  /** In the caller's transaction: tells the listeners of {@value #CHANGES} that {@code partition}'s holder changed. */
  private void announce(String partition) {
    if (jdbc.postgres()) {
      jdbc.queryOne("select pg_notify(?, ?)", row -> Boolean.TRUE, CHANGES, partition);
    }
  }

  /** This node is alive for one more time to live (its heartbeat). */
  public void present() {
    Instant until = clock.instant().plus(ttl);
    if (jdbc.update("update routing_node set seen_until = ? where node = ?", until, node) == 0) {
      jdbc.update("insert into routing_node (node, seen_until) values (?, ?)", node, until); // one heartbeat thread per node
    }
  }

  /** This node leaves (it stops): no longer counted among the live nodes, so the others' share grows at once. */
  public void absent() {
    jdbc.update("update routing_node set seen_until = ? where node = ?", clock.instant().minus(ttl), node);
  }

  /** How many nodes beat within their time to live (this one included once it is {@link #present}). */
  public int liveNodes() {
    return jdbc.queryOne("select count(*) from routing_node where seen_until >= ?", row -> row.getInt(1),
        clock.instant()).orElse(0);
  }

  /**
   * Every partition's lease as the table holds it now (owner, epoch, expiry; expired or not), in
   * partition order: who routes what, for supervisors and balancers. One statement.
   */
  public List<Lease> all() {
    return jdbc.query("select partition_id, owner, epoch, expires_at from routing_lease order by partition_id",
        row -> new Lease(row.getString(1), row.getString(2), row.getLong(3), Jdbc.instant(row, "expires_at")));
  }

  /** Call inside the routing write's transaction: throws {@link LeaseLostException} unless the lease still holds. */
  public void fence(Lease lease) {
    int held = jdbc.update("update routing_lease set epoch = epoch where partition_id = ? and owner = ? and epoch = ?",
        lease.partition(), lease.owner(), lease.epoch());
    if (held != 1) {
      throw new LeaseLostException(lease);
    }
  }
}
