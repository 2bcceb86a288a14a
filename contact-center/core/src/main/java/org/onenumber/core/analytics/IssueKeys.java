package org.onenumber.core.analytics;

import java.util.List;

/**
 * The keys an observation is counted under. Hotspots: the grid cell {@code cell:<row>:<col>} of a
 * located observation ({@code row = floor(lat / size)}). Bursts: {@code <category>@city} for every
 * categorised observation, and {@code <category>@area:<row>:<col>} when it is also located.
 * Pure functions.
 */
public final class IssueKeys {

  private IssueKeys() {}

  public static List<String> hotspots(Observation o, SurveillanceSettings s) {
    return o.located() ? List.of(cell("cell", o, s.cellDegrees())) : List.of();
  }

  public static List<String> bursts(Observation o, SurveillanceSettings s) {
    if (o.category() == null || o.category().isBlank()) {
      return List.of();
    }
    String city = o.category() + "@city";
    return o.located() ? List.of(city, o.category() + "@" + cell("area", o, s.areaDegrees())) : List.of(city);
  }

  /** The centre {@code [lat, lon]} of a {@code cell:} or {@code ...@area:} key's square. */
  public static double[] centre(String key, double degrees) {
    String[] parts = key.split(":");
    long row = Long.parseLong(parts[parts.length - 2]);
    long col = Long.parseLong(parts[parts.length - 1]);
    return new double[] {(row + 0.5) * degrees, (col + 0.5) * degrees};
  }

  private static String cell(String prefix, Observation o, double size) {
    return prefix + ":" + (long) Math.floor(o.latitude() / size) + ":" + (long) Math.floor(o.longitude() / size);
  }
}
