package org.onenumber.core.analytics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows of cells below k are blanked level by level; rows of cells of k or more are kept whole. */
class SmallCellsTest {

  private static final int[] KEY = {0, 1, 2, 3};
  private static final List<int[]> LEVELS = List.of(new int[] {2, 3}, new int[] {1});

  private static String[] row(String hour, String channel, String language, String category) {
    return new String[] {hour, channel, language, category, "CLOSED"};
  }

  @Test
  void cellsBelowKAreBlankedLevelByLevel() {
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      rows.add(row("11:00", "SMS", "ko", "roads.surface.pothole"));
    }
    rows.add(row("11:00", "SMS", "mn", "water.supply.leak"));
    rows.add(row("11:00", "SMS", "vi", "noise.construction.night"));
    rows.add(row("11:00", "SMS", "ja", "water.supply.leak"));
    rows.add(row("11:00", "VOICE", "zh", "water.supply.leak"));

    boolean[] suppressed = SmallCells.suppress(rows, 3, KEY, LEVELS);

    assertArrayEquals(new boolean[] {false, false, false, true, true, true, true}, suppressed);
    assertArrayEquals(row("11:00", "SMS", "ko", "roads.surface.pothole"), rows.get(0), "a cell of k is kept");
    assertArrayEquals(row("11:00", "SMS", "", ""), rows.get(3), "three SMS rows blanked together reach k");
    assertArrayEquals(row("11:00", "", "", ""), rows.get(6), "the lone VOICE row loses its channel too");
  }

  @Test
  void kOfOneOrLessSuppressesNothing() {
    List<String[]> rows = new ArrayList<>(List.<String[]>of(row("11:00", "SMS", "mn", "water.supply.leak")));
    assertArrayEquals(new boolean[] {false}, SmallCells.suppress(rows, 1, KEY, LEVELS));
    assertEquals("mn", rows.get(0)[2]);
  }
}
