package org.onenumber.ops.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.ops.staffing.CityStaffGroup;

/**
 * The two whole-day traces of {@code bin/simulate --day}, offsets from the city's midnight:
 *
 * <ol>
 *   <li>{@code seoul-120}: Seoul's 120 line, {@value #SEOUL_CONTACTS} contacts — the {@link
 *       PoissonCityDay} curve (10 % in the busiest hour, 09–10) and its channel and language mix
 *       (70 % voice, 15 % chat, 10 % SMS, 5 % web form; 8 % non-Korean);
 *   <li>{@code nyc-record}: New York 311's record day, {@value #NYC_CONTACTS} contacts. The shared
 *       NYC export holds one night (1,000 requests, 22:51–03:03), too short for a day's curve, so
 *       the hours come from the same city curve and everything else from the night: each arrival
 *       copies the channel, complaint type and department of a request drawn from the night, and
 *       its citizen is that request's address with one of 100 suffixes (repeats stay possible).
 * </ol>
 *
 * Deterministic for a given random generator.
 */
public final class CityDay {

  public static final int SEOUL_CONTACTS = 42_000;
  public static final int NYC_CONTACTS = 277_000;
  /**
   * New York's seeded operators: its roster asks 1,384 Korean-call and ~370 messaging shifts, and
   * the groups' fixed shares ({@link CityStaffGroup#layout}) reach ~370 messaging seats at ~5,450.
   */
  public static final int NYC_OPERATORS = 5_500;

  private CityDay() {}

  /** Whether {@code trace} names a whole city day (operators then work the {@link CityRoster}'s shifts). */
  public static boolean isDay(String trace) {
    return "seoul-120".equals(trace) || "nyc-record".equals(trace);
  }

  /** The day's default size. */
  public static int contacts(String day) {
    return switch (day) {
      case "seoul-120" -> SEOUL_CONTACTS;
      case "nyc-record" -> NYC_CONTACTS;
      default -> throw new InvalidInputException("--day must be seoul-120 or nyc-record, got " + day);
    };
  }

  /** How many operators the day's city seeds and the simulator knows unless {@code --agents} says. */
  public static int operators(String day) {
    return contacts(day) == NYC_CONTACTS ? NYC_OPERATORS : CityStaffGroup.DEFAULT_OPERATORS;
  }

  public static List<Arrival> seoul120(RandomGenerator random, int contacts) {
    return PoissonCityDay.generate(random, contacts, 0.10);
  }

  /** The record day: the city curve's instants with the NYC night's mix (see the class comment). */
  public static List<Arrival> nycRecord(RandomGenerator random, int contacts, List<Arrival> night) {
    if (night.isEmpty()) {
      throw new InvalidInputException("the NYC night trace is empty");
    }
    List<Arrival> curve = PoissonCityDay.generate(random, contacts, 0.10);
    List<Arrival> day = new ArrayList<>(contacts);
    for (Arrival at : curve) {
      Arrival like = night.get(random.nextInt(night.size()));
      day.add(new Arrival(at.offsetMillis(), like.channel(), like.language(), like.topic(), like.department(),
          like.citizen() + "#" + random.nextInt(100)));
    }
    day.sort(Comparator.comparingLong(Arrival::offsetMillis));
    return day;
  }
}
