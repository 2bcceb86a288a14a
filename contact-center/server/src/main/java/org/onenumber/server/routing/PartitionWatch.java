package org.onenumber.server.routing;

import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.onenumber.server.cluster.PostgresLeaseListener;
import org.onenumber.server.cluster.RoutingOwnership;
import org.onenumber.server.routing.PartitionsReader.Holder;
import org.onenumber.server.routing.PartitionsReader.PartitionView;
import org.onenumber.server.routing.PartitionsReader.PartitionsView;
import org.onenumber.server.routing.PartitionsReader.Waiting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Pushes who routes what to the wallboards' partitions panels ({@code GET
 * /api/v1/cluster/partitions/stream}, issue 11), so a failover shows without a click. Nothing polls
 * the lease table; the lease table is read (one query, then the view) only when something may have
 * changed, and only while anybody watches. The cases, mirrored in {@link #check}:
 *
 * <ol>
 *   <li>a viewer connects: the current view at once (no changes), then a read for its baseline;
 *   <li>a lease changed holder on any node: PostgreSQL notifies it ({@link PostgresLeaseListener},
 *       cluster only) and the table is read; when a partition's live holder or epoch differs from
 *       the last read, the whole view is pushed with its changes — {@code acquired} (nobody held it),
 *       {@code lost} (its lease ended: nobody holds it now), {@code moved} (another node holds it);
 *   <li>the listening connection was (re)opened after the database was away: read, so a change
 *       made meanwhile is pushed;
 *   <li>this node takes or loses a partition ({@link RoutingOwnership#whenChanged}): read at once
 *       (on a node alone, with H2, nothing else can change: no other process writes its database);
 *   <li>every {@value #REFRESH_MS} ms since the last push the view is pushed anyway, for its
 *       waiting counts (and a lease that expired without a taker, which no write announces).
 * </ol>
 *
 * <p>Reads of this node's database (the lease table, the directory) run on one named thread ({@code
 * partition-watch}), which pushes every frame: a change is pushed the moment the lease table shows it,
 * with the waiting figures last read. The waiting figures of partitions routed elsewhere are relayed
 * reads, which wait for the owner's answer (up to the relay's timeout when the owner is stopping or
 * dead): they run on a thread of their own ({@code partition-counts}, at most one read under way and
 * one waiting), whose result the watch thread then pushes as a frame without changes. They are read
 * for a new viewer, after each change and for the refresh. A viewer more than {@value
 * #VIEWER_BUFFER} frames behind loses the oldest (every frame is complete). When the server stops,
 * every stream completes and changes heard afterwards are ignored (the node's own lease release at
 * its stop must not fail: {@code LeaseOwnership.stop} hands the leases over after it). Thread-safe.
 */
@Singleton
final class PartitionWatch {

  static final long REFRESH_MS = 5000;
  /** How often the thread looks whether a refresh is due (no query unless it is). */
  static final long TICK_MS = 500;
  static final int VIEWER_BUFFER = 16;
  private static final Logger LOG = LoggerFactory.getLogger(PartitionWatch.class);

  /** One ownership change: {@code from} held {@code partition} before, {@code to} now (either null: nobody). */
  @Serdeable
  record Change(String partition, String change, String from, String to, Long epoch) {}

  /** A pushed frame: {@link PartitionsView}'s fields and what changed since the last one. */
  @Serdeable
  record Frame(String node, boolean clustered, Instant at, List<PartitionView> partitions, List<Change> changes) {}

  /**
   * What the watch reads: the holders alone (cheap), the view with given waiting figures (this node's
   * database only), and the waiting figures (relayed: may wait on another node).
   */
  interface Source {
    Map<String, Holder> holders();

    PartitionsView view(Map<String, Waiting> waiting);

    Map<String, Waiting> waiting();

    default PartitionsView read() {
      return view(waiting());
    }
  }

  private final Source reader;
  private final JsonMapper json;
  private final Sinks.Many<String> sink = Sinks.many().multicast().directBestEffort();
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "partition-watch");
    t.setDaemon(true);
    return t;
  });
  /** One relayed read of the waiting figures at a time, one more waiting; further requests are covered by it. */
  private final ThreadPoolExecutor counting = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
      new ArrayBlockingQueue<>(1), r -> {
        Thread t = new Thread(r, "partition-counts");
        t.setDaemon(true);
        return t;
      }, new ThreadPoolExecutor.DiscardPolicy());
  private Map<String, Holder> last; // confined to the watch thread
  private Map<String, Waiting> waiting = Map.of(); // confined to the watch thread
  private long lastPushNanos;

  @Inject
  PartitionWatch(PartitionsReader reader, RoutingOwnership ownership, @Nullable PostgresLeaseListener changes,
      JsonMapper json) {
    this((Source) reader, ownership, changes, json);
  }

  /** For tests: reads {@code source}; {@code changes} null on a node alone. */
  PartitionWatch(Source source, RoutingOwnership ownership, @Nullable PostgresLeaseListener changes, JsonMapper json) {
    this.reader = source;
    this.json = json;
    for (String partition : ownership.partitions()) {
      ownership.whenChanged(partition, routes -> checkSoon());
    }
    if (changes != null) {
      changes.listen(this::checkSoon);
    }
    thread.scheduleWithFixedDelay(this::refreshIfDue, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
  }

  /** The frames for one viewer: the current view first, then every push. */
  Flux<String> stream() {
    return Flux.concat(Mono.fromCallable(() -> write(frame(reader.read(), List.of())))
            .subscribeOn(Schedulers.boundedElastic()),
        sink.asFlux().onBackpressureBuffer(VIEWER_BUFFER, dropped -> { }, BufferOverflowStrategy.DROP_OLDEST)
            .doOnSubscribe(viewer -> checkSoon()));
  }

  /**
   * Reads on the watch thread; nothing once the server stops (the node's own lease release at its stop
   * calls this, and must not fail there: {@code LeaseOwnership.stop} would skip handing the lease over).
   */
  private void checkSoon() {
    try {
      thread.execute(this::check);
    } catch (RejectedExecutionException stopped) {
      // the server stops: nobody watches any more
    }
  }

  /** Reads only when a refresh is due (and somebody watches). */
  private void refreshIfDue() {
    if (sink.currentSubscriberCount() > 0 && System.nanoTime() - lastPushNanos >= REFRESH_MS * 1_000_000) {
      check();
    }
  }

  /** On the watch thread: the holders; a change pushed at once; the waiting figures asked for (a new viewer's too). */
  private void check() {
    try {
      if (sink.currentSubscriberCount() == 0) {
        last = null; // nobody watches: read nothing; the next viewer gets a fresh view of its own
        return;
      }
      Map<String, Holder> now = reader.holders();
      List<Change> changes = last == null ? List.of() : changes(last, now);
      boolean refresh = System.nanoTime() - lastPushNanos >= REFRESH_MS * 1_000_000;
      boolean first = last == null;
      last = now;
      if (!changes.isEmpty()) {
        push(changes); // a new viewer had the whole view at once (stream)
      }
      if (!changes.isEmpty() || first || refresh) {
        lastPushNanos = System.nanoTime(); // the figures' frame follows; no other refresh meanwhile
        countSoon();
      }
    } catch (RuntimeException e) {
      LOG.warn("routing partitions not read for the wallboard: {}", e.getMessage());
    }
  }

  /** Reads the waiting figures off the watch thread, then pushes them from it. */
  private void countSoon() {
    counting.execute(() -> {
      try {
        Map<String, Waiting> figures = reader.waiting();
        pushSoon(figures);
      } catch (RuntimeException e) {
        LOG.warn("waiting figures not read for the wallboard's partitions: {}", e.getMessage());
      }
    });
  }

  private void pushSoon(Map<String, Waiting> figures) {
    try {
      thread.execute(() -> {
        waiting = figures;
        if (sink.currentSubscriberCount() > 0) {
          push(List.of());
        }
      });
    } catch (RejectedExecutionException stopped) {
      // the server stops
    }
  }

  /** On the watch thread: the view with the waiting figures last read, and {@code changes}. */
  private void push(List<Change> changes) {
    try {
      lastPushNanos = System.nanoTime();
      sink.tryEmitNext(write(frame(reader.view(waiting), changes)));
    } catch (RuntimeException e) {
      LOG.warn("routing partitions not read for the wallboard: {}", e.getMessage());
    }
  }

  /** The ownership changes from {@code before} to {@code now}, partition by partition. */
  static List<Change> changes(Map<String, Holder> before, Map<String, Holder> now) {
    List<Change> changes = new ArrayList<>();
    now.forEach((partition, holder) -> {
      Holder was = before.getOrDefault(partition, new Holder(null, null, false));
      if (Objects.equals(was.owner(), holder.owner()) && Objects.equals(was.epoch(), holder.epoch())) {
        return;
      }
      String change = holder.owner() == null ? "lost"
          : was.owner() == null || was.owner().equals(holder.owner()) ? "acquired" : "moved";
      changes.add(new Change(partition, change, was.owner(), holder.owner(), holder.epoch()));
    });
    return changes;
  }

  private static Frame frame(PartitionsView view, List<Change> changes) {
    return new Frame(view.node(), view.clustered(), view.at(), view.partitions(), changes);
  }

  private String write(Frame frame) {
    try {
      return json.writeValueAsString(frame);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @PreDestroy
  void stop() {
    thread.shutdownNow();
    counting.shutdownNow();
    sink.tryEmitComplete(); // every viewer's stream ends
  }
}
