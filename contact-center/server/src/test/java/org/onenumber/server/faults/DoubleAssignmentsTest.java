package org.onenumber.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.onenumber.server.faults.DoubleAssignments.Step;

/** The journal walk that the fault tests use to count contacts held by two operators at once. */
class DoubleAssignmentsTest {

  private static Step step(String contact, String state, String agent) {
    return new Step(contact, state, agent);
  }

  @Test
  void contactsHandedOnThroughTheLineAreNotDoubleAssigned() {
    assertEquals(0, DoubleAssignments.count(List.of(
        step("c1", "QUEUED", null), step("c1", "OFFERED", "op-001"), step("c1", "QUEUED", null),
        step("c1", "OFFERED", "op-002"), step("c1", "CONNECTED", "op-002"), step("c1", "WRAP_UP", "op-002"),
        step("c1", "CLOSED", null),
        step("c2", "OFFERED", "op-001"), step("c2", "QUEUED", null), step("c2", "OFFERED", "op-003"))));
  }

  @Test
  void anOfferToASecondOperatorWhileTheFirstStillHoldsTheContactIsCounted() {
    assertEquals(1, DoubleAssignments.count(List.of(
        step("c1", "OFFERED", "op-001"), step("c1", "OFFERED", "op-002"))));
  }

  @Test
  void aConnectionToAnotherOperatorThanTheOfferedOneIsCountedOncePerContact() {
    assertEquals(2, DoubleAssignments.count(List.of(
        step("c1", "OFFERED", "op-001"), step("c1", "CONNECTED", "op-002"), step("c1", "HELD", "op-001"),
        step("c2", "CONNECTED", "op-004"), step("c2", "WRAP_UP", "op-005"))));
  }

  @Test
  void holdersAreKeptPerContact() {
    assertEquals(0, DoubleAssignments.count(List.of(
        step("c1", "OFFERED", "op-001"), step("c2", "OFFERED", "op-002"), step("c1", "CONNECTED", "op-001"))));
  }
}
