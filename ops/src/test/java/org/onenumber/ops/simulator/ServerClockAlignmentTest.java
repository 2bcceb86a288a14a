package org.onenumber.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ServerClockAlignmentTest {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

  @Test
  void placesTraceSecondZeroWhereTheServersClockReadsTheDaysMidnight() {
    Instant midnight = ServerClockAlignment.midnight(LocalDate.of(2026, 4, 15), SEOUL);
    assertEquals(Instant.parse("2026-04-14T15:00:00Z"), midnight);
    // at 500x, 2,500 trace seconds before midnight are 5 wall seconds away
    var sample = new ServerClockAlignment.Sample(midnight.minusSeconds(2_500), 1_000_000_000L, 2_000_000L);
    assertEquals(6_000_000_000L, ServerClockAlignment.wallNanosAt(midnight, sample, 500));
  }

  @Test
  void aServerAlreadyPastMidnightPutsTraceSecondZeroInThePast() {
    Instant midnight = ServerClockAlignment.midnight(LocalDate.of(2026, 4, 15), SEOUL);
    var sample = new ServerClockAlignment.Sample(midnight.plusSeconds(1_000), 10_000_000_000L, 1_000_000L);
    assertEquals(8_000_000_000L, ServerClockAlignment.wallNanosAt(midnight, sample, 500));
  }

  @Test
  void theNextMidnightIsInTheCitysZone() {
    assertEquals(Instant.parse("2026-04-15T15:00:00Z"),
        ServerClockAlignment.nextMidnight(Instant.parse("2026-04-14T17:45:00Z"), SEOUL), "02:45 in Seoul");
    assertEquals(Instant.parse("2026-04-14T15:00:00Z"),
        ServerClockAlignment.nextMidnight(Instant.parse("2026-04-14T14:59:59Z"), SEOUL), "23:59:59 in Seoul");
    assertEquals(Instant.parse("2026-04-14T15:00:00Z"),
        ServerClockAlignment.nextMidnight(Instant.parse("2026-04-14T15:00:00Z"), SEOUL), "exactly midnight");
  }
}
