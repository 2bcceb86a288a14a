package org.onenumber.core.quality;

import java.util.HashSet;
import java.util.List;
import org.onenumber.core.error.InvalidInputException;

/**
 * A form of weighted criteria, each scored 0..{@code maxPoints}. Criteria codes are unique;
 * weights are positive. Immutable.
 */
public record EvaluationForm(String id, String name, int maxPoints, List<Criterion> criteria) {

  /** One criterion: its code (greeting, accuracy, ...), its name and its weight. */
  public record Criterion(String code, String name, double weight) {
    public Criterion {
      InvalidInputException.requireText(code, "criterion code");
      InvalidInputException.requireText(name, "criterion name");
      if (!(weight > 0)) {
        throw new InvalidInputException("a criterion's weight must be positive");
      }
    }
  }

  public EvaluationForm {
    InvalidInputException.requireText(id, "id");
    InvalidInputException.requireText(name, "name");
    if (maxPoints < 1 || maxPoints > 100) {
      throw new InvalidInputException("maxPoints must be within 1..100");
    }
    if (criteria == null || criteria.isEmpty()) {
      throw new InvalidInputException("a form needs at least one criterion");
    }
    if (new HashSet<>(criteria.stream().map(Criterion::code).toList()).size() != criteria.size()) {
      throw new InvalidInputException("criterion codes must be unique");
    }
    criteria = List.copyOf(criteria);
  }

  /** The five criteria of the city's mystery-shopper form, equally weighted except resolution. */
  public static EvaluationForm standard() {
    return new EvaluationForm("standard", "Mystery shopper", 5, List.of(
        new Criterion("greeting", "Greeting", 1), new Criterion("accuracy", "Accuracy", 2),
        new Criterion("empathy", "Empathy", 1), new Criterion("resolution", "Resolution", 2),
        new Criterion("compliance", "Compliance", 1)));
  }
}
