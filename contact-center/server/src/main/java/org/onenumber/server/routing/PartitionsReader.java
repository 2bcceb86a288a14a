package org.onenumber.server.routing;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.onenumber.core.directory.Queue;
import org.onenumber.core.routing.QueueStatus;
import org.onenumber.server.cluster.JdbcRoutingLease.Lease;
import org.onenumber.server.cluster.RoutingOwnership;
import org.onenumber.server.persistence.JdbcDirectory;

/**
 * Who routes what, as this node sees it now (issue 11): each routing partition with its queues, the
 * node holding its lease and until when, whether this node routes it, and how many contacts wait in
 * it. Read by {@code GET /api/v1/cluster/partitions} and pushed by {@link PartitionWatch}. Blocking
 * (the lease table, and the waiting counts of partitions routed elsewhere are relayed reads).
 */
@Singleton
final class PartitionsReader implements PartitionWatch.Source {

  /** One partition as a supervisor sees it. */
  @Serdeable
  record PartitionView(String partition, List<String> queues, String owner, Long epoch, Instant leaseExpiresAt,
      boolean leaseExpired, boolean routedHere, Integer waiting, Long oldestWaitSeconds) {}

  /** Every partition, as the node {@code node} sees them {@code at}. */
  @Serdeable
  record PartitionsView(String node, boolean clustered, Instant at, List<PartitionView> partitions) {}

  private final RoutingHost routing;
  private final RoutingOwnership ownership;
  private final JdbcDirectory directory;
  private final InstantSource wall = InstantSource.system();

  PartitionsReader(RoutingHost routing, RoutingOwnership ownership, JdbcDirectory directory) {
    this.routing = routing;
    this.ownership = ownership;
    this.directory = directory;
  }

  @Override
  public PartitionsView read() {
    return view(waiting());
  }

  /**
   * The view from the lease table and the directory (this node's database only, no relayed read), with
   * each partition's waiting figures taken from {@code waiting} (both null for a partition it lacks).
   */
  @Override
  public PartitionsView view(Map<String, Waiting> waiting) {
    Map<String, Lease> leases = ownership.leases().stream().collect(Collectors.toMap(Lease::partition, Function.identity()));
    Map<String, TreeSet<String>> queues = new TreeMap<>();
    for (Queue queue : directory.queues()) {
      queues.computeIfAbsent(routing.partitionOf(queue.id()), p -> new TreeSet<>()).add(queue.id().value());
    }
    List<String> here = routing.routedHere();
    Instant now = wall.instant(); // lease expiries are wall-clock instants, whatever the server's simulated clock
    List<PartitionView> views = new ArrayList<>();
    for (String name : routing.partitionNames()) {
      Lease lease = leases.get(name);
      Waiting figures = waiting.getOrDefault(name, Waiting.UNKNOWN);
      views.add(new PartitionView(name, List.copyOf(queues.getOrDefault(name, new TreeSet<>())),
          lease != null ? lease.owner() : ownership.clustered() ? null : ownership.node(),
          lease != null ? lease.epoch() : null, lease != null ? lease.expiresAt() : null,
          lease != null && lease.expiresAt().isBefore(now), here.contains(name), figures.waiting(),
          figures.oldestWaitSeconds()));
    }
    return new PartitionsView(ownership.node(), ownership.clustered(), now, views);
  }

  /**
   * How many contacts wait in each partition, and the oldest wait: from the engine here, or asked of
   * the partition's owner over the bus (blocking up to the relay's timeout when that node does not
   * answer, a node stopping for instance); a partition nobody answers for now is left out.
   */
  @Override
  public Map<String, Waiting> waiting() {
    Map<String, Waiting> waiting = new TreeMap<>();
    routing.partitionStatuses().forEach((name, statuses) -> statuses.ifPresent(s -> waiting.put(name,
        new Waiting(s.stream().mapToInt(QueueStatus::waiting).sum(), oldestWaitSeconds(s)))));
    return waiting;
  }

  /** A partition's waiting figures ({@link #UNKNOWN}: not read, or nobody answered for it). */
  record Waiting(Integer waiting, Long oldestWaitSeconds) {
    static final Waiting UNKNOWN = new Waiting(null, null);
  }

  /**
   * Who holds each partition now, from the lease table alone (cheap: one query, no relayed read): the
   * live owner and epoch (none when the lease expired), and whether this node routes it.
   */
  @Override
  public Map<String, Holder> holders() {
    Instant now = wall.instant();
    Map<String, Holder> holders = new TreeMap<>();
    List<String> here = routing.routedHere();
    for (Lease lease : ownership.leases()) {
      boolean live = !lease.expiresAt().isBefore(now);
      holders.put(lease.partition(), new Holder(live ? lease.owner() : null, live ? lease.epoch() : null,
          here.contains(lease.partition())));
    }
    for (String partition : ownership.partitions()) {
      holders.putIfAbsent(partition, new Holder(ownership.clustered() ? null : ownership.node(), null,
          here.contains(partition)));
    }
    return holders;
  }

  /** A partition's live lease holder ({@code null}: nobody, a takeover under way) and its epoch. */
  record Holder(String owner, Long epoch, boolean routedHere) {}

  private static long oldestWaitSeconds(List<QueueStatus> statuses) {
    return statuses.stream().map(QueueStatus::oldestWait).filter(Objects::nonNull).mapToLong(Duration::toSeconds).max()
        .orElse(0);
  }
}
