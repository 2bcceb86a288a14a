package org.onenumber.core.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onenumber.core.error.InvalidInputException;

class EvaluationTest {

  private static final EvaluationForm FORM = EvaluationForm.standard();
  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

  private static Evaluation by(String evaluator, int accuracy) {
    return Evaluation.score(FORM, "c1", "op-001", evaluator, Map.of("greeting", 5, "accuracy", accuracy, "empathy", 5,
        "resolution", 5, "compliance", 5), T0);
  }

  @Test
  void theScoreIsWeightedByTheFormsCriteria() {
    assertEquals(100.0, by("sv-01", 5).percent());
    assertEquals(71.4, by("sv-01", 0).percent(), "accuracy weighs 2 of 7");
  }

  @Test
  void aScoreOutsideTheFormIsRefused() {
    assertThrows(InvalidInputException.class, () -> by("sv-01", 6));
    assertThrows(InvalidInputException.class, () -> Evaluation.score(FORM, "c1", "op-001", "sv-01",
        Map.of("greeting", 5), T0));
    assertThrows(InvalidInputException.class, () -> new EvaluationForm("f", "F", 5, List.of(
        new EvaluationForm.Criterion("a", "A", 1), new EvaluationForm.Criterion("a", "A", 1))));
  }

  @Test
  void aCalibrationShowsHowFarTheEvaluatorsDisagree() {
    Spread spread = Spread.of(List.of(by("sv-01", 5), by("sv-02", 0), by("admin", 5)));
    assertEquals(3, spread.evaluators());
    assertEquals(71.4, spread.min());
    assertEquals(100.0, spread.max());
    assertEquals(90.5, spread.mean());
    assertEquals(13.5, spread.deviation());
  }

  @Test
  void aSeededSampleIsReproducibleAndNeverRepeats() {
    List<String> contacts = List.of("a", "b", "c", "d", "e", "f");
    List<String> first = ContactSample.draw(contacts, 4, new SplittableRandom(7));
    assertEquals(first, ContactSample.draw(contacts, 4, new SplittableRandom(7)));
    assertEquals(4, first.stream().distinct().count());
    assertEquals(6, ContactSample.draw(contacts, 10, new SplittableRandom(7)).size());
  }
}
