package org.onenumber.ops.staffing;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onenumber.core.error.InvalidInputException;

/** A staffing request's work is bounded before any computation starts. */
class StaffingRequestTest {

  @Test
  void refusesALoadNoCenterStaffsInsteadOfSearchingForMinutes() {
    assertThrows(InvalidInputException.class, () -> new StaffingRequest(List.of(1e6), 30, 240, 0.8, 15, 0));
  }

  @Test
  void refusesMoreThanAWeekOfIntervals() {
    assertThrows(InvalidInputException.class,
        () -> new StaffingRequest(Collections.nCopies(673, 10.0), 15, 240, 0.8, 15, 0));
  }

  @Test
  void acceptsABusyCityInterval() {
    new StaffingRequest(List.of(3_000.0), 30, 240, 0.8, 15, 0);
  }
}
