package org.onenumber.server.config;

import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;

/**
 * The system clock truncated to microseconds, the precision PostgreSQL stores, so an instant
 * read back from the database equals the one written.
 */
final class MicrosClock implements InstantSource {

  private final Clock system = Clock.systemUTC();

  @Override
  public Instant instant() {
    return system.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
