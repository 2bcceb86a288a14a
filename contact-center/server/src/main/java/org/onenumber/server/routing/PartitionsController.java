package org.onenumber.server.routing;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.routing.QueueStatus;
import org.onenumber.server.cluster.JdbcRoutingLease.Lease;
import org.onenumber.server.cluster.RoutingOwnership;
import org.onenumber.server.persistence.JdbcDirectory;

/**
 * Who routes what (issue 11): each routing partition with its queues, the node holding its lease
 * and until when, whether the answering node routes it, and how many contacts wait in it.
 *
 * <ul>
 *   <li>{@code GET /api/v1/cluster/partitions}: the supervisors' view (SUPERVISOR, ADMIN). Queue ids,
 *       node names and counts only, no citizen data. A partition no node answers for (a takeover
 *       under way) shows {@code waiting: null}.
 *   <li>{@code GET /api/v1/cluster/partitions/{partition}/readiness}: for a load balancer that sends a
 *       partition's traffic (its operators, say) to the node routing it: anonymous, as {@code
 *       /health/readiness}, 200 {@code {"partition", "routedHere": true}} on the node routing it, 503
 *       with {@code routedHere: false} on the others, 404 for a partition that does not exist. Nothing
 *       else (no owner, no counts).
 * </ul>
 *
 * <p>On a node alone there is one partition, {@code routing}, routed here without a lease.
 */
@Controller("/api/v1/cluster/partitions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "cluster")
final class PartitionsController {

  /** One partition as a supervisor sees it. */
  @Serdeable
  record PartitionView(String partition, List<String> queues, String owner, Long epoch, Instant leaseExpiresAt,
      boolean leaseExpired, boolean routedHere, Integer waiting, Long oldestWaitSeconds) {}

  /** Every partition, as the node {@code node} sees them {@code at}. */
  @Serdeable
  record PartitionsView(String node, boolean clustered, Instant at, List<PartitionView> partitions) {}

  /** Whether the answering node routes {@code partition}. */
  @Serdeable
  record Readiness(String partition, boolean routedHere) {}

  private final RoutingHost routing;
  private final RoutingOwnership ownership;
  private final JdbcDirectory directory;
  private final InstantSource wall = InstantSource.system();

  PartitionsController(RoutingHost routing, RoutingOwnership ownership, JdbcDirectory directory) {
    this.routing = routing;
    this.ownership = ownership;
    this.directory = directory;
  }

  @Get
  @Secured({"SUPERVISOR", "ADMIN"})
  @Operation(summary = "Each routing partition: its queues, the node routing it (lease owner and expiry), waiting contacts")
  PartitionsView partitions() {
    Map<String, Lease> leases = ownership.leases().stream().collect(Collectors.toMap(Lease::partition, Function.identity()));
    Map<String, TreeSet<String>> queues = new TreeMap<>();
    for (Queue queue : directory.queues()) {
      queues.computeIfAbsent(routing.partitionOf(queue.id()), p -> new TreeSet<>()).add(queue.id().value());
    }
    List<String> here = routing.routedHere();
    Instant now = wall.instant(); // lease expiries are wall-clock instants, whatever the server's simulated clock
    List<PartitionView> views = new ArrayList<>();
    routing.partitionStatuses().forEach((name, statuses) -> {
      Lease lease = leases.get(name);
      views.add(new PartitionView(name, List.copyOf(queues.getOrDefault(name, new TreeSet<>())),
          lease != null ? lease.owner() : ownership.clustered() ? null : ownership.node(),
          lease != null ? lease.epoch() : null, lease != null ? lease.expiresAt() : null,
          lease != null && lease.expiresAt().isBefore(now), here.contains(name),
          statuses.map(s -> s.stream().mapToInt(QueueStatus::waiting).sum()).orElse(null),
          statuses.map(PartitionsController::oldestWaitSeconds).orElse(null)));
    });
    return new PartitionsView(ownership.node(), ownership.clustered(), now, views);
  }

  @Get("/{partition}/readiness")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "For a load balancer: 200 on the node routing this partition, 503 elsewhere, 404 if it does not exist")
  HttpResponse<Readiness> readiness(@PathVariable String partition) {
    if (!ownership.partitions().contains(partition)) {
      throw new NotFoundException("routing partition", partition);
    }
    boolean here = routing.routedHere().contains(partition);
    Readiness answer = new Readiness(partition, here);
    return here ? HttpResponse.ok(answer) : HttpResponse.<Readiness>status(HttpStatus.SERVICE_UNAVAILABLE).body(answer);
  }

  private static long oldestWaitSeconds(List<QueueStatus> statuses) {
    return statuses.stream().map(QueueStatus::oldestWait).filter(Objects::nonNull).mapToLong(Duration::toSeconds).max()
        .orElse(0);
  }
}
