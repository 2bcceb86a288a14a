package org.onenumber.core.quality;

import java.time.Instant;
import java.util.Map;
import org.onenumber.core.error.InvalidInputException;

/**
 * One evaluator's scores of one contact against a form: every criterion scored 0..maxPoints, no
 * other. {@link #percent} is the weighted score as a percentage of the best possible. Immutable.
 */
public record Evaluation(String form, String contact, String operator, String evaluator, Map<String, Integer> points,
    double percent, Instant at) {

  public Evaluation {
    points = Map.copyOf(points);
  }

  /** Scores {@code points} against {@code form}; 400 for a missing, unknown or out-of-range score. */
  public static Evaluation score(EvaluationForm form, String contact, String operator, String evaluator,
      Map<String, Integer> points, Instant at) {
    InvalidInputException.requireText(contact, "contact");
    InvalidInputException.requireText(evaluator, "evaluator");
    InvalidInputException.require(points, "points");
    double sum = 0;
    double best = 0;
    for (EvaluationForm.Criterion c : form.criteria()) {
      Integer p = points.get(c.code());
      if (p == null || p < 0 || p > form.maxPoints()) {
        throw new InvalidInputException("every criterion of the form needs a score within 0.." + form.maxPoints());
      }
      sum += c.weight() * p;
      best += c.weight() * form.maxPoints();
    }
    if (points.size() != form.criteria().size()) {
      throw new InvalidInputException("scores must name only the form's criteria");
    }
    return new Evaluation(form.id(), contact, operator, evaluator, points, Math.round(1000 * sum / best) / 10.0, at);
  }
}
