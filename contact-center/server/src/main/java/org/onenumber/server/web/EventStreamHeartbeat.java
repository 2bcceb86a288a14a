package org.onenumber.server.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.sse.Event;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The heartbeat of every server-sent event stream (issue 11): {@link #around} adds an SSE comment
 * {@code : ping N} (N = {@code onenumber.sse.heartbeat-seconds}) when the stream opens and every N
 * seconds after, whatever else the stream sends. Comments are ignored by every SSE parser
 * ({@code EventSource} included), so no consumer sees a new event type; what they do:
 *
 * <ol>
 *   <li>a proxy between server and page (HAProxy's {@code timeout server}, nginx's
 *       {@code proxy_read_timeout}) sees bytes at least every N s and does not cut a quiet alert stream;
 *   <li>a client that vanished without closing (a machine that rebooted, a NAT that forgot the
 *       connection) is found by the next write, which fails: Micronaut then cancels the stream and
 *       the hub releases the viewer's subscription, within about one heartbeat instead of never;
 *   <li>a page ({@code ServerEvents} in {@code /department/case-alerts.js}) that hears no byte for three
 *       heartbeats treats its stream as dead and reconnects; N in the comment tells it how long to wait.
 * </ol>
 *
 * <p>One shared tick for all streams (Reactor's parallel scheduler); a stream too slow to take a tick
 * skips it. {@code 0} turns heartbeats off (the behaviour before session 16). Thread-safe.
 */
@Singleton
public final class EventStreamHeartbeat {

  private final int seconds;
  private final Flux<Event<String>> ticks;

  EventStreamHeartbeat(@Value("${onenumber.sse.heartbeat-seconds:15}") int seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException("onenumber.sse.heartbeat-seconds must be 0 (off) or more, got " + seconds);
    }
    this.seconds = seconds;
    Duration every = Duration.ofSeconds(Math.max(1, seconds));
    this.ticks = Flux.interval(every, every, Schedulers.parallel()).map(i -> ping()).share();
  }

  /** {@code events} with a heartbeat comment at the start and every {@link #seconds()} seconds. */
  public Flux<Event<String>> around(Publisher<Event<String>> events) {
    if (seconds == 0) {
      return Flux.from(events);
    }
    return Flux.merge(Flux.concat(Mono.fromSupplier(this::ping), ticks.onBackpressureDrop()), events);
  }

  /** The heartbeat period in seconds; 0 when off. */
  public int seconds() {
    return seconds;
  }

  private Event<String> ping() {
    return Event.of("").comment("ping " + seconds);
  }
}
