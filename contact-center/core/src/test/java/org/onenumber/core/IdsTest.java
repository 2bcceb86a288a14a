package org.onenumber.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

  private static final Instant T0 = Instant.parse("2026-11-23T00:00:00.123Z");

  @Test
  void producesVersionSevenRfc9562Uuids() {
    UUID id = UUID.fromString(Ids.timeOrdered(T0, new SplittableRandom(42)));
    assertEquals(7, id.version());
    assertEquals(2, id.variant());
  }

  @Test
  void carriesTheUnixMillisecondsInTheFirstFortyEightBits() {
    UUID id = UUID.fromString(Ids.timeOrdered(T0, new SplittableRandom(42)));
    assertEquals(T0.toEpochMilli(), id.getMostSignificantBits() >>> 16);
    assertTrue(Ids.timeOrdered(T0, new SplittableRandom(1)).startsWith(String.format("%08x-%04x-7",
        T0.toEpochMilli() >>> 16, T0.toEpochMilli() & 0xFFFF)));
  }

  @Test
  void givesTheSameIdForTheSameSeedAndInstant() {
    assertEquals(Ids.timeOrdered(T0, new SplittableRandom(7)), Ids.timeOrdered(T0, new SplittableRandom(7)));
    assertEquals(Ids.timeOrdered(T0, new Random(7)), Ids.timeOrdered(T0, new Random(7)));
  }

  @Test
  void givesDifferentIdsForDifferentSeedsAtTheSameInstant() {
    assertNotEquals(Ids.timeOrdered(T0, new SplittableRandom(7)), Ids.timeOrdered(T0, new SplittableRandom(8)));
    SplittableRandom random = new SplittableRandom(7);
    assertNotEquals(Ids.timeOrdered(T0, random), Ids.timeOrdered(T0, random));
  }

  @Test
  void sortsALaterInstantAfterAnEarlierOneWhateverTheRandomBits() {
    SplittableRandom random = new SplittableRandom(3);
    List<String> ids = new ArrayList<>();
    for (long ms = 0; ms < 2_000; ms += 1 + random.nextInt(50)) {
      ids.add(Ids.timeOrdered(T0.plusMillis(ms), random));
    }
    for (int i = 1; i < ids.size(); i++) {
      assertTrue(ids.get(i - 1).compareTo(ids.get(i)) < 0, ids.get(i - 1) + " !< " + ids.get(i));
    }
    String early = Ids.timeOrdered(Instant.parse("2026-01-01T00:00:00Z"), new SplittableRandom(99));
    String late = Ids.timeOrdered(Instant.parse("2026-01-01T00:00:00.001Z"), new SplittableRandom(1));
    assertTrue(early.compareTo(late) < 0);
  }
}
