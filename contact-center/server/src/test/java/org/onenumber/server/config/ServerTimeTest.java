package org.onenumber.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.context.exceptions.ConfigurationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.PermanentException;

class ServerTimeTest {

  private static final Instant START = Instant.parse("2026-04-14T15:00:00Z");

  @Test
  void runsOnTheWallClockOutsideTheSimulationEnvironment() {
    ServerTime time = new ServerTime(false, Optional.empty(), Optional.empty());
    assertInstanceOf(MicrosClock.class, time.clock());
    assertEquals(1, time.speedup());
    assertEquals(15_000, time.wallMillis(Duration.ofSeconds(15)));
  }

  @Test
  void refusesASimulatedClockOutsideTheSimulationEnvironment() {
    assertThrows(ConfigurationException.class, () -> new ServerTime(false, Optional.of("200"), Optional.empty()));
    assertThrows(ConfigurationException.class,
        () -> new ServerTime(false, Optional.empty(), Optional.of("2026-04-15T00:00:00+09:00")));
  }

  @Test
  void refusesASpeedUpThatIsNotAPositiveNumberAndAStartThatIsNotAnInstant() {
    assertThrows(ConfigurationException.class, () -> new ServerTime(true, Optional.of("0"), Optional.empty()));
    assertThrows(ConfigurationException.class, () -> new ServerTime(true, Optional.of("fast"), Optional.empty()));
    assertThrows(ConfigurationException.class, () -> new ServerTime(true, Optional.of("NaN"), Optional.empty()));
    assertThrows(ConfigurationException.class, () -> new ServerTime(true, Optional.empty(), Optional.of("today")));
  }

  @Test
  void startsAtTheChosenInstantGivenWithAnOffset() {
    ServerTime time = new ServerTime(true, Optional.of("1"), Optional.of("2026-04-15T00:00:00+09:00"));
    Instant now = time.clock().instant();
    assertEquals(true, !now.isBefore(START) && now.isBefore(START.plusSeconds(60)), now.toString());
  }

  @Test
  void runsTraceTimeAtTheSpeedUpFromTheStart() {
    AtomicLong nanos = new AtomicLong(5_000_000_000L);
    SimulatedClock clock = new SimulatedClock(START, 200, nanos::get);
    assertEquals(START, clock.instant());
    nanos.addAndGet(1_000_000_000L);
    assertEquals(START.plusSeconds(200), clock.instant());
    nanos.addAndGet(1_234L);
    assertEquals(START.plusSeconds(200).plusNanos(246_000), clock.instant(), "truncated to microseconds");
  }

  @Test
  void turnsTraceDelaysIntoWallDelaysOfAtLeastOneMillisecond() {
    SimulatedClock clock = new SimulatedClock(START, 200, () -> 0);
    assertEquals(100, clock.wallMillis(Duration.ofSeconds(20)));
    assertEquals(1, clock.wallMillis(Duration.ofMillis(1)));
    assertEquals(1, clock.wallMillis(Duration.ZERO));
    assertEquals(76, clock.wallMillis(Duration.ofMillis(15_001)), "rounded up: the timer never fires early");
  }

  @Test
  void movesForwardToTheInstantSetAndRunsOnAtTheSpeedUpFromThere() {
    AtomicLong nanos = new AtomicLong(5_000_000_000L);
    SimulatedClock clock = new SimulatedClock(START, 200, nanos::get);
    nanos.addAndGet(1_000_000_000L);
    Instant midnightSoon = Instant.parse("2026-04-15T14:50:00Z");
    assertEquals(START.plusSeconds(200), clock.moveTo(midnightSoon), "what it read before");
    assertEquals(midnightSoon, clock.instant());
    nanos.addAndGet(3_000_000_000L);
    assertEquals(midnightSoon.plusSeconds(600), clock.instant());
    assertEquals(100, clock.wallMillis(Duration.ofSeconds(20)), "the same speed-up");
  }

  @Test
  void neverMovesBackAStampAlreadyMadeWouldLieInItsFuture() {
    AtomicLong nanos = new AtomicLong();
    SimulatedClock clock = new SimulatedClock(START, 100, nanos::get);
    nanos.addAndGet(1_000_000_000L);
    IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
        () -> clock.moveTo(START.plusSeconds(99)));
    assertEquals("illegal_transition", refused.code());
    assertEquals(START.plusSeconds(100), clock.instant(), "unchanged");
  }

  @Test
  void theWallClockIsNeverSet() {
    ServerTime wall = new ServerTime(false, Optional.empty(), Optional.empty());
    PermanentException refused = assertThrows(PermanentException.class,
        () -> wall.moveTo(Instant.now().plusSeconds(3_600)));
    assertEquals("illegal_transition", refused.code());
    ServerTime simulated = new ServerTime(true, Optional.of("100"), Optional.of("2026-04-14T00:00:00+09:00"));
    Instant target = Instant.parse("2026-04-14T23:50:00+09:00");
    simulated.moveTo(target);
    Instant now = simulated.clock().instant();
    assertEquals(true, !now.isBefore(target) && now.isBefore(target.plusSeconds(6_000)), now.toString());
  }
}
