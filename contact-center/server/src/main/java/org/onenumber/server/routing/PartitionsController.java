package org.onenumber.server.routing;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.server.cluster.RoutingOwnership;
import org.onenumber.server.routing.PartitionsReader.PartitionsView;
import org.onenumber.server.web.EventStreamHeartbeat;
import org.reactivestreams.Publisher;

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
 *   <li>{@code GET /api/v1/cluster/partitions/stream}: the same view pushed ({@link PartitionWatch}),
 *       for the wallboard's panel: a failover shows as its lease is written, without a click.
 * </ul>
 *
 * <p>On a node alone there is one partition, {@code routing}, routed here without a lease.
 */
@Controller("/api/v1/cluster/partitions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "cluster")
final class PartitionsController {

  /** Whether the answering node routes {@code partition}. */
  @Serdeable
  record Readiness(String partition, boolean routedHere) {}

  private final PartitionsReader reader;
  private final PartitionWatch watch;
  private final RoutingHost routing;
  private final RoutingOwnership ownership;
  private final EventStreamHeartbeat heartbeat;

  PartitionsController(PartitionsReader reader, PartitionWatch watch, RoutingHost routing, RoutingOwnership ownership,
      EventStreamHeartbeat heartbeat) {
    this.reader = reader;
    this.watch = watch;
    this.routing = routing;
    this.ownership = ownership;
    this.heartbeat = heartbeat;
  }

  @Get
  @Secured({"SUPERVISOR", "ADMIN"})
  @Operation(summary = "Each routing partition: its queues, the node routing it (lease owner and expiry), waiting contacts")
  PartitionsView partitions() {
    return reader.read();
  }

  @Get(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM)
  @Secured({"SUPERVISOR", "ADMIN"})
  @Operation(summary = "Who routes what, pushed (server-sent events partitions): the view of GET /api/v1/cluster/partitions"
      + " with changes [{partition, change: acquired|lost|moved, from, to, epoch}] at once and on every ownership change"
      + " (pushed as PostgreSQL notifies the lease write), and every 5 s for the waiting counts; a comment ': ping N'"
      + " every N s")
  Publisher<Event<String>> stream() {
    return heartbeat.around(watch.stream().map(json -> Event.of(json).name("partitions")));
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
}
