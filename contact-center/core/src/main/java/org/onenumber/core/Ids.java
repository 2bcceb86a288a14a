package org.onenumber.core;

import java.time.Instant;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Time-ordered identifiers (UUID version 7, RFC 9562): 48 bits of Unix milliseconds, then random
 * bits from the injected generator. Sorting ids sorts by creation time; a seeded generator and a
 * manual clock give the same ids on every replay.
 */
public final class Ids {

  private Ids() {}

  public static String timeOrdered(Instant at, RandomGenerator random) {
    long millis = at.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
    long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low).toString();
  }
}
