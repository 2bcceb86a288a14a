package org.onenumber.core.reform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.InvalidInputException;

class ReformTaskTest {

  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final ReformLadder LADDER = ReformLadder.fourSteps();

  private static ReformTask task() {
    return ReformTask.open("r1", "noise.construction.night@city", "noise.construction.night", Cause.PRACTICE,
        "Night works without permits", "sv-01", LocalDate.of(2026, 12, 31), 1, LADDER, "analyst-01", T0);
  }

  @Test
  void aTaskClimbsTheLadderAndEachStepIsWhenItsFixTookEffect() {
    ReformTask climbed = task().climb(3, LADDER, "sv-01", T0.plusSeconds(60), "permit check in the process");
    assertEquals(3, climbed.step());
    assertEquals(T0.plusSeconds(60), climbed.fixedAt());
    assertEquals(List.of("opened", "climbed"), climbed.history().stream().map(ReformTask.Entry::what).toList());
    assertEquals("process change", LADDER.name(climbed.step()));
    ReformTask closed = climbed.close("sv-01", T0.plusSeconds(120), null);
    assertTrue(closed.closed());
    assertEquals(T0.plusSeconds(60), closed.fixedAt(), "closing does not move the fix");
  }

  @Test
  void theLadderOnlyClimbsWithinItsStepsAndAClosedTaskStays() {
    ReformTask second = task().climb(2, LADDER, "sv-01", T0, null);
    assertThrows(IllegalTransitionException.class, () -> second.climb(2, LADDER, "sv-01", T0, null));
    assertThrows(IllegalTransitionException.class, () -> second.climb(1, LADDER, "sv-01", T0, null));
    assertThrows(InvalidInputException.class, () -> second.climb(5, LADDER, "sv-01", T0, null));
    ReformTask closed = second.close("sv-01", T0, null);
    assertThrows(IllegalTransitionException.class, () -> closed.climb(3, LADDER, "sv-01", T0, null));
    assertThrows(IllegalTransitionException.class, () -> closed.close("sv-01", T0, null));
  }

  @Test
  void beforeAndAfterCompareTheDailyRateAroundTheFix() {
    Instant fix = T0.plus(Duration.ofDays(28));
    List<Instant> created = new ArrayList<>();
    for (int d = 0; d < 28; d++) {
      created.add(T0.plus(Duration.ofDays(d)));
      created.add(T0.plus(Duration.ofDays(d)).plusSeconds(3600));
    }
    for (int d = 0; d < 7; d++) {
      created.add(fix.plus(Duration.ofDays(d)));
    }
    BeforeAfter figures = BeforeAfter.of(created, fix, Duration.ofDays(28), fix.plus(Duration.ofDays(7)));
    assertEquals(56, figures.before());
    assertEquals(7, figures.after());
    assertEquals(2.0, figures.beforePerDay());
    assertEquals(1.0, figures.afterPerDay());
    assertEquals(-0.5, figures.change());
    assertNull(BeforeAfter.of(created, fix, Duration.ofDays(28), fix).change(), "no time after the fix yet");
  }

  @Test
  void aMembersObservationIsDecidedOnceAndOnlyAnAcceptedOneEarnsMileage() {
    MemberObservation filed = MemberObservation.file("o1", "m1", "r1", "The new crossing light works", T0);
    MemberObservation accepted = filed.accept(10, "sv-01", T0.plusSeconds(60));
    assertEquals(10, accepted.points());
    assertEquals(MemberObservation.Status.ACCEPTED, accepted.status());
    assertEquals(0, filed.reject("sv-01", T0).points());
    assertThrows(IllegalTransitionException.class, () -> accepted.reject("sv-01", T0));
    assertThrows(IllegalTransitionException.class, () -> accepted.accept(10, "sv-01", T0));
  }
}
