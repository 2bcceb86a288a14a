package org.onenumber.ops.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Lines a replayed day up with the server's (simulated) clock, so that trace second t reaches the
 * server when its clock reads the day's midnight + t and the whole day falls in one server day
 * (its live "today" and its day report). The server is started with its clock well before that
 * midnight ({@code bin/bench city-day}: a whole trace day before); once the simulator is ready
 * (operators signed in) it sets the server's clock forward to {@value #READY_MARGIN_WALL_S} wall
 * seconds × the speed-up before midnight ({@link #setNearMidnight}, an administrator's {@code PUT
 * /api/v1/admin/simulation/clock}), so however long the server took to start, the day begins a
 * short margin after it is ready, in which the first shift logs in. A server that refuses (not in
 * the simulation environment, an older server, or its clock already past that instant) is waited
 * for as before. Then the simulator asks the server's time ({@code serverTime} of the agent API),
 * takes the sample with the shortest round trip, and places trace second 0 at the wall instant the
 * server's clock will read midnight. When the server is already past that midnight, trace second
 * 0 lies in the past and the arrivals due meanwhile go out at once (late, but still on the
 * server's day). Stateless.
 */
final class ServerClockAlignment {

  private static final int SAMPLES = 5;
  /** Wall seconds from setting the server's clock to its midnight: the first shift logs in meanwhile. */
  static final double READY_MARGIN_WALL_S = 10;

  private ServerClockAlignment() {}

  /** The server's time and the local monotonic clock at the middle of the request that read it. */
  record Sample(Instant serverTime, long wallNanos, long roundTripNanos) {}

  /** The midnight in {@code zone} that starts {@code day}. */
  static Instant midnight(LocalDate day, ZoneId zone) {
    return day.atStartOfDay(zone).toInstant();
  }

  /** The first midnight in {@code zone} at or after {@code serverTime}. */
  static Instant nextMidnight(Instant serverTime, ZoneId zone) {
    LocalDate day = serverTime.atZone(zone).toLocalDate();
    Instant midnight = midnight(day, zone);
    return midnight.equals(serverTime) ? midnight : midnight(day.plusDays(1), zone);
  }

  /** The local {@link System#nanoTime} at which the server's clock reads {@code target}. */
  static long wallNanosAt(Instant target, Sample sample, double speedup) {
    return sample.wallNanos() + (long) (Duration.between(sample.serverTime(), target).toNanos() / speedup);
  }

  /** Where the server's clock is set once the simulator is ready: the margin before {@code midnight}. */
  static Instant nearMidnight(Instant midnight, double speedup) {
    return midnight.minusNanos((long) (READY_MARGIN_WALL_S * 1e9 * speedup));
  }

  /**
   * Sets the server's clock forward to {@link #nearMidnight}; false (said why) when the server
   * refused or could not be asked, and the simulator waits for its clock instead.
   */
  static boolean setNearMidnight(OneNumberClient admin, Instant midnight, double speedup) {
    Instant target = nearMidnight(midnight, speedup);
    try {
      JsonNode set = admin.put("/api/v1/admin/simulation/clock", java.util.Map.of("time", target.toString()));
      System.out.printf(java.util.Locale.ROOT, "[sim] server ready: its clock set from %s to %s, %.0f s of wall time"
          + " before the day%n", set.path("before").asText("?"), target, READY_MARGIN_WALL_S);
      return true;
    } catch (RuntimeException e) {
      System.out.println("[sim] the server's clock was not set (" + e.getMessage() + "): waiting for its midnight");
      return false;
    }
  }

  /** The best of a few samples of the server's clock (shortest round trip); null if it never said. */
  static Sample sample(OneNumberClient admin) {
    Sample best = null;
    for (int i = 0; i < SAMPLES; i++) {
      long before = System.nanoTime();
      Instant time;
      try {
        time = parse(admin.get("/api/v1/agents/op-001/work").path("serverTime"));
      } catch (RuntimeException e) {
        System.out.println("[sim] server time unavailable (" + e.getMessage() + ")");
        continue;
      }
      long after = System.nanoTime();
      if (time != null && (best == null || after - before < best.roundTripNanos())) {
        best = new Sample(time, before + (after - before) / 2, after - before);
      }
    }
    return best;
  }

  private static Instant parse(JsonNode time) {
    if (time.isNumber()) {
      return Instant.ofEpochSecond(0, Math.round(time.asDouble() * 1e9));
    }
    return time.asText("").isEmpty() ? null : Instant.parse(time.asText());
  }
}
