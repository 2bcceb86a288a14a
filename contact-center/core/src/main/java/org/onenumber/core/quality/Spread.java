package org.onenumber.core.quality;

import java.util.List;

/**
 * How far the evaluators of one contact (a calibration session) disagree: count, mean, lowest,
 * highest and the population standard deviation of their percentages. Pure.
 */
public record Spread(int evaluators, double mean, double min, double max, double deviation) {

  public static Spread of(List<Evaluation> evaluations) {
    if (evaluations.isEmpty()) {
      return new Spread(0, 0, 0, 0, 0);
    }
    double mean = evaluations.stream().mapToDouble(Evaluation::percent).average().orElse(0);
    double variance = evaluations.stream().mapToDouble(e -> (e.percent() - mean) * (e.percent() - mean))
        .average().orElse(0);
    return new Spread(evaluations.size(), round(mean), evaluations.stream().mapToDouble(Evaluation::percent).min()
        .orElse(0), evaluations.stream().mapToDouble(Evaluation::percent).max().orElse(0), round(Math.sqrt(variance)));
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
