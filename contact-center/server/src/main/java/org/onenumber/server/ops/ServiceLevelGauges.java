package org.onenumber.server.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.onenumber.core.agent.AgentState;
import org.onenumber.ops.sla.Figures;
import org.onenumber.ops.sla.LiveServiceLevels;
import org.onenumber.ops.sla.Scope;
import org.onenumber.ops.sla.ScopeKind;
import org.onenumber.ops.sla.Window;

/**
 * Exports every live figure of today as a Prometheus gauge, {@code onenumber_sl_<figure>} with
 * tags {@code scope} and {@code id}, plus {@code onenumber_sl_waiting},
 * {@code onenumber_sl_longest_wait_seconds} and {@code onenumber_sl_agents{state}}. Gauges read
 * the live fold when scraped; new scopes are registered every ten seconds. Thread-safe.
 */
@Context
final class ServiceLevelGauges {

  private final MeterRegistry registry;
  private final LiveServiceLevels live;
  private final InstantSource clock;
  private final Set<Scope> registered = ConcurrentHashMap.newKeySet();

  ServiceLevelGauges(MeterRegistry registry, LiveServiceLevels live, InstantSource clock) {
    this.registry = registry;
    this.live = live;
    this.clock = clock;
    register(Scope.CENTER);
    for (AgentState state : AgentState.values()) {
      Gauge.builder("onenumber.sl.agents", live,
          l -> l.status(Scope.CENTER, clock.instant()).agentsByState().getOrDefault(state, 0L))
          .tag("state", state.name()).description("agents by current state").register(registry);
    }
  }

  @Scheduled(fixedDelay = "10s")
  void registerNewScopes() {
    live.scopes().stream().filter(s -> s.kind() != ScopeKind.AGENT || registered.size() < 500).forEach(this::register);
  }

  private void register(Scope scope) {
    if (!registered.add(scope)) {
      return;
    }
    gauge(scope, "offered", f -> f.offered());
    gauge(scope, "answered", f -> f.answered());
    gauge(scope, "abandoned", f -> f.abandoned());
    gauge(scope, "self.served", f -> f.selfServed());
    gauge(scope, "service.level", Figures::serviceLevel);
    gauge(scope, "asa.seconds", Figures::asaSeconds);
    gauge(scope, "abandon.rate", Figures::abandonRate);
    gauge(scope, "response.rate", Figures::responseRate);
    gauge(scope, "handle.seconds", Figures::handleSeconds);
    gauge(scope, "occupancy", Figures::occupancy);
    gauge(scope, "fcr", Figures::fcr);
    gauge(scope, "fcr.survey", Figures::fcrSurvey);
    gauge(scope, "satisfaction", Figures::satisfaction);
    Gauge.builder("onenumber.sl.waiting", live, l -> l.status(scope, clock.instant()).waiting())
        .tags(tags(scope)).register(registry);
    Gauge.builder("onenumber.sl.longest.wait.seconds", live, l -> l.status(scope, clock.instant()).longestWaitSeconds())
        .tags(tags(scope)).register(registry);
  }

  private void gauge(Scope scope, String name, ToDoubleFunction<Figures> figure) {
    Gauge.builder("onenumber.sl." + name, live, l -> figure.applyAsDouble(l.figures(scope, new Window.Today(), clock.instant())))
        .tags(tags(scope)).description("live " + name.replace('.', ' ') + " today").register(registry);
  }

  private static String[] tags(Scope scope) {
    return new String[] {"scope", scope.kind().name().toLowerCase(Locale.ROOT), "id", scope.id()};
  }
}
