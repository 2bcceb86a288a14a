package org.onenumber.core.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded synthetic city for the surveillance tests: contacts arrive as a Poisson process over
 * a 0.25° × 0.40° box, cells and categories with fixed uneven weights, plus injected clusters
 * (extra contacts in one cell on one day) and bursts (extra contacts of one category city-wide).
 */
final class SyntheticCity {

  static final Instant START = Instant.parse("2026-01-04T15:00:00Z"); // a midnight at UTC+9
  static final double LAT0 = 37.45;
  static final double LON0 = 126.80;
  static final int ROWS = 25;
  static final int COLS = 40;
  static final int CATEGORIES = 20;

  private final SplittableRandom random;
  private final double[] cellWeights = new double[ROWS * COLS];
  private final double[] categoryWeights = new double[CATEGORIES];
  private final List<Observation> observations = new ArrayList<>();

  SyntheticCity(long seed) {
    this.random = new SplittableRandom(seed);
    for (int i = 0; i < cellWeights.length; i++) {
      cellWeights[i] = 0.2 + random.nextDouble() * random.nextDouble() * 4;
    }
    for (int c = 0; c < CATEGORIES; c++) {
      categoryWeights[c] = 1.0 / (c + 1);
    }
  }

  /** {@code perDay} contacts a day on average, for {@code days} days from {@link #START}. */
  SyntheticCity background(int days, double perDay) {
    double seconds = days * 86_400.0;
    double t = 0;
    while (true) {
      t += -Math.log(1 - random.nextDouble()) * 86_400.0 / perDay;
      if (t >= seconds) {
        return this;
      }
      int cell = pick(cellWeights);
      observations.add(at(START.plusMillis((long) (t * 1000)), category(pick(categoryWeights)), cell));
    }
  }

  /** {@code extra} contacts in one cell during day {@code day}, any categories. */
  SyntheticCity cluster(int day, int row, int col, int extra) {
    for (int i = 0; i < extra; i++) {
      observations.add(at(inDay(day), category(pick(categoryWeights)), row * COLS + col));
    }
    return this;
  }

  /** {@code extra} contacts of one category anywhere in the city during day {@code day}. */
  SyntheticCity burst(int day, int category, int extra) {
    for (int i = 0; i < extra; i++) {
      observations.add(at(inDay(day), category(category), pick(cellWeights)));
    }
    return this;
  }

  /** Every observation in arrival order. */
  List<Observation> arrivals() {
    List<Observation> sorted = new ArrayList<>(observations);
    sorted.sort(Comparator.comparing(Observation::at));
    return sorted;
  }

  static String category(int c) {
    return "type-" + c;
  }

  /** The hotspot key of a cell (cells of {@link SurveillanceSettings#daily()} are 0.01°). */
  static String cellKey(int row, int col) {
    return IssueKeys.hotspots(at(START, "x", row * COLS + col), SurveillanceSettings.daily()).getFirst();
  }

  private Instant inDay(int day) {
    return START.plus(Duration.ofDays(day)).plusSeconds(random.nextLong(86_400));
  }

  private static Observation at(Instant at, String category, int cell) {
    int row = cell / COLS;
    int col = cell % COLS;
    return new Observation(at, category, LAT0 + (row + 0.5) * 0.01, LON0 + (col + 0.5) * 0.01);
  }

  private int pick(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double r = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
