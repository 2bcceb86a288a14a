package org.onenumber.ops.staffing;

import java.util.ArrayList;
import java.util.List;
import org.onenumber.core.error.InvalidInputException;

/**
 * The queue groups a city day is staffed by: each group is one queue, its operators serve that
 * queue only (so the staffing of one group never answers another's contacts), and they copy the
 * demo city's operators listed as the group's templates (the demo operators that serve only that
 * queue, besides specialist queues a city day sends nobody to). Messaging operators hold up to
 * {@code slots} contacts at once; the others are planned one contact at a time.
 *
 * <p>The city seed's operators, {@link #layout}: operators 1–40 are the demo operators themselves
 * (those listed as a group's template belong to it, the others, serving several groups, to none);
 * operator 41 onward belongs to the group whose share of the operators so far lags its
 * {@code weight} most (a deterministic weighted interleave, ties to the earlier group) and copies
 * the group's templates in turn. The seed builds the operators by it and the simulator's roster
 * logs each group's operators in by it: one rule on both sides.
 *
 * @param queue the queue the group's operators serve
 * @param slots contacts one operator holds at once
 * @param weight the group's share of the seeded operators from the 41st, per mille
 * @param templates demo operator numbers (1-based) the group's operators copy
 */
public enum CityStaffGroup {
  GENERAL_KO("general-ko", 1, 750, List.of(16, 18, 2, 6, 8, 12, 14, 20, 3, 9, 15, 19)),
  MESSAGING_KO("messaging-ko", 6, 68, List.of(38)),
  ENGLISH("english", 1, 70, List.of(22)),
  CHINESE("chinese", 1, 47, List.of(25)),
  JAPANESE("japanese", 1, 33, List.of(28)),
  VIETNAMESE("vietnamese", 1, 32, List.of(30));

  /**
   * How many operators a city day has unless told ({@code onenumber.seed.city-operators}, {@code
   * --agents}): Seoul's roster asks for ~480 shifts, and each group needs its own margin.
   */
  public static final int DEFAULT_OPERATORS = 540;
  /**
   * The most operators a city seeds: ids {@code op-001}…{@code op-999}, then {@code op-1000}…{@code
   * op-9999}. New York's record day asks 1,384 Korean-call and 368 messaging shifts, and the groups'
   * fixed shares give messaging one seat in fifteen: ~5,450 ids staff it whole.
   */
  public static final int MAX_OPERATORS = 9_999;
  /** How many demo operators the seed starts from. */
  public static final int DEMO_OPERATORS = 40;

  private final String queue;
  private final int slots;
  private final int weight;
  private final List<Integer> templates;

  CityStaffGroup(String queue, int slots, int weight, List<Integer> templates) {
    this.queue = queue;
    this.slots = slots;
    this.weight = weight;
    this.templates = templates;
  }

  public String queue() {
    return queue;
  }

  public int slots() {
    return slots;
  }

  public int weight() {
    return weight;
  }

  public List<Integer> templates() {
    return templates;
  }

  /** One city operator: its group (null for a demo operator serving several) and its template. */
  public record Seat(int operator, CityStaffGroup group, int template) {}

  /** Operators 1..{@code count} as the class comment lays them out. */
  public static List<Seat> layout(int count) {
    if (count < DEMO_OPERATORS) {
      throw new InvalidInputException("the city seeds at least the " + DEMO_OPERATORS + " demo operators, got "
          + count);
    }
    List<Seat> seats = new ArrayList<>(count);
    for (int i = 1; i <= DEMO_OPERATORS; i++) {
      seats.add(new Seat(i, demoGroup(i), i));
    }
    CityStaffGroup[] groups = values();
    int total = 0;
    for (CityStaffGroup g : groups) {
      total += g.weight;
    }
    int[] placed = new int[groups.length];
    for (int j = 0; j < count - DEMO_OPERATORS; j++) {
      int best = 0;
      double bestLag = Double.NEGATIVE_INFINITY;
      for (int g = 0; g < groups.length; g++) {
        double lag = (j + 1.0) * groups[g].weight / total - placed[g];
        if (lag > bestLag + 1e-12) {
          best = g;
          bestLag = lag;
        }
      }
      CityStaffGroup group = groups[best];
      seats.add(new Seat(DEMO_OPERATORS + j + 1, group, group.templates.get(placed[best] % group.templates.size())));
      placed[best]++;
    }
    return List.copyOf(seats);
  }

  private static CityStaffGroup demoGroup(int operator) {
    for (CityStaffGroup g : values()) {
      if (g.templates.contains(operator)) {
        return g;
      }
    }
    return null;
  }
}
