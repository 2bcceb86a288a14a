package org.onenumber.server.ops;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.ops.sla.LiveServiceLevels;
import org.onenumber.ops.sla.Scope;
import org.onenumber.ops.sla.Window;
import org.onenumber.server.web.EventStreamHeartbeat;
import org.reactivestreams.Publisher;

/**
 * Live service levels for supervisors: the figures of one scope as JSON, and the wallboard
 * stream as server-sent events (pushed on change, never polled).
 */
@Controller("/api/v1")
@Secured({"SUPERVISOR", "ADMIN"})
@Tag(name = "service levels")
final class ServiceLevelsController {

  private final LiveServiceLevels live;
  private final WallboardHub hub;
  private final InstantSource clock;
  private final EventStreamHeartbeat heartbeat;

  ServiceLevelsController(LiveServiceLevels live, WallboardHub hub, InstantSource clock,
      EventStreamHeartbeat heartbeat) {
    this.heartbeat = heartbeat;
    this.live = live;
    this.hub = hub;
    this.clock = clock;
  }

  @Get(value = "/service-levels", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Live figures of a center, queue, channel, language or agent (window: today, rolling15|30|60)")
  String serviceLevels(@Nullable @QueryValue String scope, @Nullable @QueryValue String id,
      @Nullable @QueryValue String window) {
    Scope s = Scope.parse(scope == null ? "center" : scope, id);
    Window w = window(window == null ? "today" : window);
    Instant now = clock.instant();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("scope", s.kind().name().toLowerCase(Locale.ROOT));
    body.put("id", s.id());
    body.put("window", window == null ? "today" : window);
    body.put("thresholdSeconds", live.policy().thresholdFor(s.kind() == org.onenumber.ops.sla.ScopeKind.QUEUE
        ? new org.onenumber.core.directory.QueueId(s.id()) : null).toSeconds());
    body.putAll(FigureJson.figures(live.figures(s, w, now)));
    body.putAll(FigureJson.status(live.status(s, now)));
    body.put("definitions", FigureJson.definitions(live.policy(), now));
    return FigureJson.write(body);
  }

  @Get(value = "/wallboard/stream", produces = MediaType.TEXT_EVENT_STREAM)
  @Operation(summary = "Wallboard frames pushed on every change (server-sent events figures; a comment ': ping N' at the start and every N s, onenumber.sse.heartbeat-seconds)")
  Publisher<Event<String>> stream() {
    return heartbeat.around(hub.stream().map(json -> Event.of(json).name("figures")));
  }

  static Window window(String text) {
    return switch (text) {
      case "today" -> new Window.Today();
      case "rolling15" -> new Window.Rolling(Duration.ofMinutes(15));
      case "rolling30" -> new Window.Rolling(Duration.ofMinutes(30));
      case "rolling60" -> new Window.Rolling(Duration.ofMinutes(60));
      default -> throw new InvalidInputException("window must be today, rolling15, rolling30 or rolling60, got '" + text + "'");
    };
  }
}
