package org.onenumber.ops.staffing;

import org.onenumber.core.error.InvalidInputException;

/**
 * Turns a day's requirement per interval (people on duty) into shifts of one fixed length that
 * start on an interval boundary, by a deterministic greedy covering of the day as a circle (a
 * shift starting late runs past midnight into the early intervals: the night shift). In order:
 *
 * <ol>
 *   <li>from a scan start, walking the circle once, at each interval still short of its
 *       requirement as many shifts start as it lacks (for one line of intervals and shifts of equal
 *       length this "start where the first gap is" greedy uses the fewest shifts);
 *   <li>then every shift, latest added first, is dropped if the intervals it covers stay covered
 *       without it (the circle's wrap can make some redundant);
 *   <li>steps 1–2 from every interval as the scan start; the fewest shifts win, the earliest start
 *       among equals.
 * </ol>
 *
 * The result covers every interval's requirement; it is not claimed to be the fewest shifts on
 * the circle. Pure and deterministic; O(n² × shift length) for n intervals.
 */
public final class ShiftCovering {

  private ShiftCovering() {}

  /**
   * @param required people needed on duty in each interval of the day, in order
   * @param shiftIntervals how many intervals one shift lasts (less than the day)
   * @return how many shifts start at each interval
   */
  public static int[] cover(int[] required, int shiftIntervals) {
    int n = required.length;
    if (n == 0 || shiftIntervals < 1 || shiftIntervals >= n) {
      throw new InvalidInputException("need intervals and a shift of 1.." + (n - 1) + " intervals, got "
          + shiftIntervals);
    }
    for (int t = 0; t < n; t++) {
      if (required[t] < 0) {
        throw new InvalidInputException("requirements must be ≥ 0, got " + required[t] + " at interval " + t);
      }
    }
    int[] best = null;
    int fewest = Integer.MAX_VALUE;
    for (int first = 0; first < n; first++) {
      int[] starts = coverFrom(required, shiftIntervals, first);
      int shifts = 0;
      for (int s : starts) {
        shifts += s;
      }
      if (shifts < fewest) {
        best = starts;
        fewest = shifts;
      }
    }
    return best;
  }

  private static int[] coverFrom(int[] required, int shiftIntervals, int first) {
    int n = required.length;
    int[] starts = new int[n];
    int[] onDuty = new int[n];
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      int t = (first + k) % n;
      order[k] = t;
      int lack = required[t] - onDuty[t];
      if (lack > 0) {
        starts[t] += lack;
        add(onDuty, t, shiftIntervals, lack);
      }
    }
    for (int k = n - 1; k >= 0; k--) {
      int t = order[k];
      while (starts[t] > 0 && spare(onDuty, required, t, shiftIntervals)) {
        starts[t]--;
        add(onDuty, t, shiftIntervals, -1);
      }
    }
    return starts;
  }

  /** People on duty in each interval with {@code starts} shifts of {@code shiftIntervals}. */
  public static int[] onDuty(int[] starts, int shiftIntervals) {
    int[] onDuty = new int[starts.length];
    for (int t = 0; t < starts.length; t++) {
      add(onDuty, t, shiftIntervals, starts[t]);
    }
    return onDuty;
  }

  private static void add(int[] onDuty, int start, int length, int people) {
    for (int i = 0; i < length; i++) {
      onDuty[(start + i) % onDuty.length] += people;
    }
  }

  private static boolean spare(int[] onDuty, int[] required, int start, int length) {
    for (int i = 0; i < length; i++) {
      int t = (start + i) % onDuty.length;
      if (onDuty[t] - 1 < required[t]) {
        return false;
      }
    }
    return true;
  }
}
