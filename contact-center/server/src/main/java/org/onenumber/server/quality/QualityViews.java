package org.onenumber.server.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onenumber.core.quality.Evaluation;
import org.onenumber.core.quality.EvaluationForm;
import org.onenumber.core.quality.Spread;

/** Forms, evaluations and spreads as the API shows them (core values are not serialisable as they are). */
final class QualityViews {

  private QualityViews() {}

  static Map<String, Object> form(EvaluationForm f) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", f.id());
    row.put("name", f.name());
    row.put("maxPoints", f.maxPoints());
    row.put("criteria", f.criteria().stream().map(c -> Map.of("code", c.code(), "name", c.name(), "weight", c.weight()))
        .toList());
    return row;
  }

  static List<Map<String, Object>> evaluations(List<Evaluation> all) {
    return all.stream().map(e -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("form", e.form());
      row.put("contact", e.contact());
      row.put("operator", e.operator());
      row.put("evaluator", e.evaluator());
      row.put("points", e.points());
      row.put("percent", e.percent());
      row.put("at", e.at().toString());
      return row;
    }).toList();
  }

  static Map<String, Object> spread(Spread s) {
    return Map.of("evaluators", s.evaluators(), "mean", s.mean(), "min", s.min(), "max", s.max(),
        "deviation", s.deviation());
  }
}
