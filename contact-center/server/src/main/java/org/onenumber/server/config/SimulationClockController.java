package org.onenumber.server.config;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.onenumber.core.error.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated clock's start, set once the server is ready (issue #17): a replay's simulator, as
 * an administrator, sets the clock forward to a short margin before its day's midnight after the
 * server started and the first shift logged in, so a slow start no longer eats the day's first
 * trace hours. Only in the simulation environment and only forward ({@link ServerTime#moveTo}:
 * 409 otherwise). ADMIN.
 */
@Controller("/api/v1/admin/simulation/clock")
@Secured("ADMIN")
@Tag(name = "simulation")
final class SimulationClockController {

  private static final Logger LOG = LoggerFactory.getLogger(SimulationClockController.class);

  /** The instant the server's clock reads from now on (ISO, with {@code Z} or an offset). */
  @Serdeable
  record ClockBody(@Nullable String time) {}

  /** The clock after the change, what it read before, and its speed-up. */
  @Serdeable
  record ClockView(String serverTime, String before, double speedup) {}

  private final ServerTime time;

  SimulationClockController(ServerTime time) {
    this.time = time;
  }

  @Put
  @Operation(summary = "Simulation environment only: set the simulated clock forward to an instant; it runs on"
      + " from there at its speed-up")
  ClockView set(@Body ClockBody body) {
    String text = InvalidInputException.requireText(body == null ? null : body.time(), "time");
    Instant target;
    try {
      target = Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("time must be an ISO instant such as 2026-04-14T23:50:00+09:00");
    }
    Instant before = time.moveTo(target);
    LOG.info("simulated clock set forward from {} to {} ({}x)", before, target, time.speedup());
    return new ClockView(target.toString(), before.toString(), time.speedup());
  }
}
