package org.onenumber.ops.staffing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CityStaffGroupTest {

  @Test
  void theFirstFortyAreTheDemoOperatorsAndOnlyThoseServingOneGroupBelongToIt() {
    List<CityStaffGroup.Seat> seats = CityStaffGroup.layout(500);
    for (int i = 1; i <= 40; i++) {
      assertEquals(i, seats.get(i - 1).template());
    }
    assertEquals(CityStaffGroup.GENERAL_KO, seats.get(15).group(), "op-016 serves general-ko only");
    assertEquals(CityStaffGroup.MESSAGING_KO, seats.get(37).group(), "op-038 serves messaging-ko only");
    assertNull(seats.get(0).group(), "op-001 serves calls and messaging");
  }

  @Test
  void aLongerLayoutStartsWithTheShorterOneSoTheSimulatorMayUseFewerOperatorsThanSeeded() {
    assertEquals(CityStaffGroup.layout(100), CityStaffGroup.layout(500).subList(0, 100));
    assertEquals(CityStaffGroup.layout(500), CityStaffGroup.layout(500));
  }

  @Test
  void fromTheFortyFirstEachGroupHasItsShareWithinOneOperator() {
    List<CityStaffGroup.Seat> seats = CityStaffGroup.layout(999).subList(40, 999);
    int weights = 0;
    for (CityStaffGroup g : CityStaffGroup.values()) {
      weights += g.weight();
    }
    for (CityStaffGroup g : CityStaffGroup.values()) {
      long n = seats.stream().filter(s -> s.group() == g).count();
      double expected = seats.size() * (double) g.weight() / weights;
      assertTrue(Math.abs(n - expected) <= 1, g + ": " + n + " vs " + expected);
      assertTrue(seats.stream().filter(s -> s.group() == g).allMatch(s -> g.templates().contains(s.template())));
    }
  }
}
