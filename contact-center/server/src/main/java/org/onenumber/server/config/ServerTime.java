package org.onenumber.server.config;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.onenumber.core.error.PermanentException;

/**
 * How the server's time runs. Normally the wall clock ({@link MicrosClock}). In the {@code
 * simulation} environment, {@code onenumber.simulation.clock.speedup} (N, default 1) and {@code
 * onenumber.simulation.clock.start} (an ISO instant, default now) make the server's one {@link
 * InstantSource} a trace clock running N× wall time from that start, so every stamp, offer
 * timeout, wrap-up and service-level threshold is in trace time; timers that wait for a trace
 * deadline convert it with {@link #wallMillis}. Either key outside the simulation environment
 * refuses the start, as does a speed-up that is not a positive number or a start that is not an
 * instant. The trace clock can be set forward once the server is ready ({@link #moveTo}: a replay's
 * day then begins a short margin after the start, however long the start took). Thread-safe.
 */
@Singleton
public final class ServerTime {

  /** The environment in which the simulated clock is allowed. */
  public static final String SIMULATION = "simulation";

  private final InstantSource clock;
  private final SimulatedClock simulated;

  @Inject
  ServerTime(Environment environment,
      @Value("${onenumber.simulation.clock.speedup:}") Optional<String> speedup,
      @Value("${onenumber.simulation.clock.start:}") Optional<String> start) {
    this(environment.getActiveNames().contains(SIMULATION), blankToEmpty(speedup), blankToEmpty(start));
  }

  ServerTime(boolean simulationEnvironment, Optional<String> speedup, Optional<String> start) {
    if (!simulationEnvironment) {
      if (speedup.isPresent() || start.isPresent()) {
        throw new ConfigurationException("onenumber.simulation.clock.* is only allowed in the '" + SIMULATION
            + "' environment (MICRONAUT_ENVIRONMENTS=" + SIMULATION + "); this server runs on the wall clock");
      }
      this.simulated = null;
      this.clock = new MicrosClock();
      return;
    }
    this.simulated = new SimulatedClock(start.map(ServerTime::instant).orElseGet(Instant::now),
        speedup.map(ServerTime::factor).orElse(1.0), System::nanoTime);
    this.clock = simulated;
  }

  /** The server's clock: the wall clock, or the trace clock in the simulation environment. */
  public InstantSource clock() {
    return clock;
  }

  /** True in the simulation environment: the clock is the trace clock, set by {@code onenumber.simulation.clock.*}. */
  public boolean simulated() {
    return simulated != null;
  }

  /**
   * Sets the simulated clock forward so that it reads {@code target} now; returns what it read
   * before. Refused with a 409-class {@link PermanentException} ({@code illegal_transition}) on the
   * wall clock (outside the simulation environment time is never set) and when {@code target} lies
   * before the clock's reading (a stamp already made would lie in its future).
   */
  public Instant moveTo(Instant target) {
    if (simulated == null) {
      throw new PermanentException("illegal_transition", "this server runs on the wall clock: its time can only"
          + " be set in the '" + SIMULATION + "' environment");
    }
    return simulated.moveTo(target);
  }

  /** Trace seconds per wall second (1 on the wall clock). */
  public double speedup() {
    return simulated == null ? 1 : simulated.speedup();
  }

  /** Milliseconds of wall time to wait for {@code traceDelay} of server time to pass, at least 1. */
  public long wallMillis(Duration traceDelay) {
    return simulated == null ? Math.max(1, traceDelay.toMillis()) : simulated.wallMillis(traceDelay);
  }

  private static Optional<String> blankToEmpty(Optional<String> value) {
    return value.map(String::strip).filter(v -> !v.isEmpty());
  }

  private static double factor(String text) {
    try {
      double factor = Double.parseDouble(text);
      if (factor > 0 && factor <= 10_000) {
        return factor;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigurationException("onenumber.simulation.clock.speedup must be a number in (0, 10000]");
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ConfigurationException("onenumber.simulation.clock.start must be an ISO instant such as"
          + " 2026-04-15T00:00:00+09:00 or 2026-04-14T15:00:00Z");
    }
  }
}
