package org.onenumber.server.quality;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.onenumber.core.quality.Evaluation;

/** An operator's quality over time: the mean percentage per UTC day, oldest first. */
final class QualityTrend {

  private QualityTrend() {}

  static List<Map<String, Object>> perDay(List<Evaluation> evaluations) {
    TreeMap<String, Double> means = evaluations.stream().collect(Collectors.groupingBy(
        e -> e.at().atOffset(ZoneOffset.UTC).toLocalDate().toString(), TreeMap::new,
        Collectors.averagingDouble(Evaluation::percent)));
    return means.entrySet().stream().map(e -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("day", e.getKey());
      row.put("meanPercent", Math.round(e.getValue() * 10) / 10.0);
      return row;
    }).toList();
  }
}
