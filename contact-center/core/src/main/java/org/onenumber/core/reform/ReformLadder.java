package org.onenumber.core.reform;

import java.util.List;
import org.onenumber.core.error.InvalidInputException;

/**
 * The city's resolution ladder: step 1 is the lowest (e.g. answer on the spot), the last the
 * highest (e.g. a law or system change). A task starts on a step and only climbs. Immutable.
 */
public record ReformLadder(List<String> steps) {

  public ReformLadder {
    if (steps == null || steps.isEmpty() || steps.stream().anyMatch(s -> s == null || s.isBlank())) {
      throw new InvalidInputException("the reform ladder needs at least one named step");
    }
    steps = List.copyOf(steps);
  }

  /** The four steps of the city's reform model. */
  public static ReformLadder fourSteps() {
    return new ReformLadder(List.of("answer on the spot", "department fix", "process change", "law or system change"));
  }

  /** The step's name; 400 for a step outside 1..size. */
  public String name(int step) {
    check(step);
    return steps.get(step - 1);
  }

  public void check(int step) {
    if (step < 1 || step > steps.size()) {
      throw new InvalidInputException("step must be within 1.." + steps.size());
    }
  }
}
