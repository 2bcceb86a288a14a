package org.onenumber.core.analytics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Small-cell suppression of an anonymised table: a row's cell is the combination of its values in
 * the key columns (e.g. hour, channel, language, queue, category); a row whose cell holds fewer
 * than {@code k} rows gets the first level's columns blanked ({@code ""}); among the blanked rows,
 * cells are counted again on what is left and rows still in a cell below {@code k} get the next
 * level's columns blanked too, and so on. {@code k <= 1} suppresses nothing. Pure; thread-safe.
 */
public final class SmallCells {

  private SmallCells() {}

  /** Blanks in place; returns which rows were suppressed (at any level). */
  public static boolean[] suppress(List<String[]> rows, int k, int[] keyColumns, List<int[]> levels) {
    boolean[] suppressed = new boolean[rows.size()];
    if (k <= 1) {
      return suppressed;
    }
    boolean[] judged = new boolean[rows.size()];
    Arrays.fill(judged, true);
    for (int[] level : levels) {
      Map<String, Integer> counts = new HashMap<>();
      for (int i = 0; i < rows.size(); i++) {
        if (judged[i]) {
          counts.merge(key(rows.get(i), keyColumns), 1, Integer::sum);
        }
      }
      boolean[] blanked = new boolean[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        if (judged[i] && counts.get(key(rows.get(i), keyColumns)) < k) {
          for (int column : level) {
            rows.get(i)[column] = "";
          }
          blanked[i] = true;
          suppressed[i] = true;
        }
      }
      for (int i = 0; i < rows.size(); i++) {
        judged[i] = suppressed[i];
      }
      if (!anyTrue(blanked)) {
        break;
      }
    }
    return suppressed;
  }

  private static boolean anyTrue(boolean[] flags) {
    for (boolean f : flags) {
      if (f) {
        return true;
      }
    }
    return false;
  }

  private static String key(String[] row, int[] columns) {
    StringBuilder key = new StringBuilder();
    for (int c : columns) {
      key.append(row[c]).append('\u0000');
    }
    return key.toString();
  }
}
