package org.onenumber.server.ops;

import io.vertx.core.Vertx;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onenumber.core.analytics.CategoryTree;
import org.onenumber.ops.sla.LiveServiceLevels;
import org.onenumber.ops.sla.Scope;
import org.onenumber.ops.sla.ScopeKind;
import org.onenumber.ops.sla.ServiceLevelPolicy;
import org.onenumber.ops.sla.Window;
import org.onenumber.server.analytics.EmergingIssues;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Pushes wallboard frames to every connected viewer. A frame is rendered once and shared by all
 * viewers. Pushes are coalesced (cases, mirrored in {@link #changed}):
 *
 * <ol>
 *   <li>a change after a quiet period of at least {@value #MIN_GAP_MS} ms is pushed
 *       {@value #BATCH_MS} ms later, so the events of one transaction (a contact created and
 *       queued) make one frame;
 *   <li>a change inside that period schedules one push at its end; further changes join it;
 *   <li>after {@value #TICK_MS} ms without a push, a tick pushes anyway (waits keep growing).
 * </ol>
 *
 * So a viewer sees a change within {@value #MIN_GAP_MS} ms plus rendering and network time, and
 * the server renders at most 1000 ÷ {@value #MIN_GAP_MS} frames a second whatever the event
 * rate. Each viewer has a buffer of {@value #VIEWER_BUFFER} frames; a viewer further behind
 * loses its oldest frames rather than slowing others (every frame is complete). A frame also
 * carries the category tab ({@code category}): today's most frequent categories from the live
 * emerging-issue fold ({@link EmergingIssues#topCategoriesToday}). With no viewer connected nothing
 * is rendered (a busy day's webhooks otherwise paid for frames nobody saw, issue 11). Thread-safe.
 */
@Singleton
public final class WallboardHub {

  static final long MIN_GAP_MS = 25;
  static final long BATCH_MS = 1;
  /** Frames kept for a viewer that is momentarily slow; beyond that its oldest frames are dropped. */
  static final int VIEWER_BUFFER = 64;
  static final long TICK_MS = 5000;
  static final int TOP_CATEGORIES = 10;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WallboardHub.class);
  private final LiveServiceLevels live;
  private final Vertx vertx;
  private final InstantSource clock;
  private final ServiceLevelPolicy policy;
  private final EmergingIssues issues;
  private final CategoryTree tree;
  private final Sinks.Many<String> sink = Sinks.many().multicast().directBestEffort();
  private long lastPushNanos;
  private boolean scheduled;
  private Instant lastEventAt = Instant.EPOCH;
  private Instant firstPendingAt = Instant.EPOCH;
  private long seq;

  public WallboardHub(LiveServiceLevels live, Vertx vertx, InstantSource clock, ServiceLevelPolicy policy,
      EmergingIssues issues, CategoryTree tree) {
    this.live = live;
    this.issues = issues;
    this.tree = tree;
    this.vertx = vertx;
    this.clock = clock;
    this.policy = policy;
    vertx.setPeriodic(TICK_MS, id -> tick());
  }

  /** Without events the longest wait still grows: push a frame after {@value #TICK_MS} ms of quiet. */
  private void tick() {
    synchronized (this) {
      if (scheduled || System.nanoTime() - lastPushNanos < TICK_MS * 1_000_000) {
        return;
      }
      scheduled = true;
      firstPendingAt = null;
    }
    push(true);
  }

  /** The frames for one viewer: the current state first, then every push. */
  public Flux<String> stream() {
    return Flux.concat(Mono.fromCallable(() -> render(true)),
        sink.asFlux().onBackpressureBuffer(VIEWER_BUFFER, dropped -> { }, BufferOverflowStrategy.DROP_OLDEST));
  }

  /** Something changed at {@code eventAt}; push now or soon. */
  public void changed(Instant eventAt) {
    long delayMs;
    synchronized (this) {
      lastEventAt = eventAt.isAfter(lastEventAt) ? eventAt : lastEventAt;
      if (scheduled) {
        return;
      }
      firstPendingAt = clock.instant();
      long sinceMs = (System.nanoTime() - lastPushNanos) / 1_000_000;
      delayMs = Math.max(BATCH_MS, MIN_GAP_MS - sinceMs);
      scheduled = true;
    }
    vertx.setTimer(delayMs, id -> push(false));
  }

  private void push(boolean full) {
    synchronized (this) {
      scheduled = false;
      lastPushNanos = System.nanoTime();
    }
    if (sink.currentSubscriberCount() == 0) {
      return; // nobody watches: a viewer who connects gets a full frame of its own (stream)
    }
    try {
      sink.tryEmitNext(render(full));
    } catch (RuntimeException e) {
      LOG.error("wallboard frame failed", e);
    }
  }

  /**
   * The wallboard as one JSON frame. A full frame (a viewer's first, and quiet-time ticks) also
   * carries the definitions (threshold, variant, formulas) and every intraday interval; a pushed
   * change carries the last three intervals only, to keep a frame small for a thousand viewers.
   * {@code firstEventAt} is when the oldest event this frame is the first to show reached the hub
   * from the event bus (the worst case of its delivery latency; absent on a quiet-time tick);
   * {@code eventAt} is the newest event's own instant.
   */
  String render(boolean full) {
    Instant now = clock.instant();
    Map<String, Object> frame = new LinkedHashMap<>();
    synchronized (this) {
      frame.put("seq", ++seq);
      frame.put("eventAt", lastEventAt.toString());
      if (firstPendingAt != null) {
        frame.put("firstEventAt", firstPendingAt.toString());
      }
    }
    frame.put("sentAtMillis", System.currentTimeMillis());
    if (full) {
      frame.put("definitions", FigureJson.definitions(policy, now));
    }
    frame.put("center", scope(Scope.CENTER, now));
    for (ScopeKind kind : List.of(ScopeKind.QUEUE, ScopeKind.CHANNEL, ScopeKind.LANGUAGE)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      live.scopes().stream().filter(s -> s.kind() == kind).sorted(Comparator.comparing(Scope::id))
          .forEach(s -> rows.add(drillRow(s, now)));
      frame.put(kind.name().toLowerCase(java.util.Locale.ROOT), rows);
    }
    frame.put("category", categoryRows());
    frame.put("intraday", intraday(now, full));
    return FigureJson.write(frame);
  }

  /** The category tab: today's {@value #TOP_CATEGORIES} most frequent categories with their names. */
  private List<Map<String, Object>> categoryRows() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (EmergingIssues.CategoryCount c : issues.topCategoriesToday(TOP_CATEGORIES)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", c.category());
      tree.find(c.category()).filter(t -> t.code().equals(c.category())).ifPresent(t -> {
        row.put("nameKo", t.nameKo());
        row.put("nameEn", t.nameEn());
        row.put("department", t.department());
      });
      row.put("count", c.count());
      rows.add(row);
    }
    return rows;
  }

  private Map<String, Object> scope(Scope scope, Instant now) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("id", scope.id());
    map.put("today", FigureJson.figures(live.figures(scope, new Window.Today(), now)));
    map.put("rolling15", FigureJson.figures(live.figures(scope, new Window.Rolling(Duration.ofMinutes(15)), now)));
    map.put("status", FigureJson.status(live.status(scope, now)));
    return map;
  }

  /** A drill-down row: the figures a table shows, kept small because every viewer gets every frame. */
  private Map<String, Object> drillRow(Scope scope, Instant now) {
    var f = live.figures(scope, new Window.Today(), now);
    var status = live.status(scope, now);
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("id", scope.id());
    map.put("offered", f.offered());
    map.put("answered", f.answered());
    map.put("abandoned", f.abandoned());
    map.put("serviceLevel", FigureJson.number(f.serviceLevel()));
    map.put("asaSeconds", FigureJson.number(f.asaSeconds()));
    map.put("fcr", FigureJson.number(f.fcr()));
    map.put("waiting", status.waiting());
    map.put("longestWaitSeconds", FigureJson.number(status.longestWaitSeconds()));
    return map;
  }

  /**
   * Service level and volume per 15-minute interval as parallel arrays: every interval of today
   * when {@code full}, else only the last three (what a contact arriving or being answered now
   * changes; the viewer merges them by start).
   */
  private Map<String, Object> intraday(Instant now, boolean full) {
    List<Long> starts = new ArrayList<>();
    List<Long> offered = new ArrayList<>();
    List<Object> serviceLevel = new ArrayList<>();
    Instant midnight = now.atZone(policy.zone()).toLocalDate().atStartOfDay(policy.zone()).toInstant();
    long intervals = Duration.between(midnight, now).toMinutes() / 15;
    Instant start = full ? midnight : midnight.plus(Duration.ofMinutes(15 * Math.max(0, intervals - 2)));
    for (Instant t = start; !t.isAfter(now); t = t.plus(Duration.ofMinutes(15))) {
      var f = live.figures(Scope.CENTER, new Window.Fixed(t, Duration.ofMinutes(15)), now);
      starts.add(t.getEpochSecond());
      offered.add(f.offered());
      serviceLevel.add(FigureJson.number(f.serviceLevel()));
    }
    return Map.of("start", starts, "offered", offered, "serviceLevel", serviceLevel, "full", full);
  }
}
