package org.onenumber.core.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContactStateTest {

  @Test
  void everyNonTerminalStateCanReachClosedOrAbandoned() {
    for (ContactState start : ContactState.values()) {
      if (start.isTerminal()) {
        continue;
      }
      Set<ContactState> reachable = reachableFrom(start);
      assertTrue(reachable.contains(ContactState.CLOSED) || reachable.contains(ContactState.ABANDONED),
          start + " cannot reach an end: " + reachable);
    }
  }

  @Test
  void everyStateIsReachableFromCreated() {
    Set<ContactState> reachable = reachableFrom(ContactState.CREATED);
    reachable.add(ContactState.CREATED);
    assertEquals(EnumSet.allOf(ContactState.class), reachable);
  }

  @Test
  void terminalStatesHaveNoSuccessors() {
    assertEquals(EnumSet.of(ContactState.CLOSED, ContactState.ABANDONED), terminals());
    assertTrue(ContactState.CLOSED.successors().isEmpty());
    assertTrue(ContactState.ABANDONED.successors().isEmpty());
  }

  @Test
  void nonTerminalStatesHaveAtLeastOneSuccessor() {
    for (ContactState state : ContactState.values()) {
      assertEquals(state.isTerminal(), state.successors().isEmpty(), state.name());
    }
  }

  @Test
  void canMoveToAgreesWithSuccessorsForEveryPair() {
    for (ContactState from : ContactState.values()) {
      for (ContactState to : ContactState.values()) {
        assertEquals(from.successors().contains(to), from.canMoveTo(to), from + " -> " + to);
      }
    }
  }

  @Test
  void allowsTheMainPathFromCreatedToClosed() {
    assertTrue(ContactState.CREATED.canMoveTo(ContactState.QUEUED));
    assertTrue(ContactState.QUEUED.canMoveTo(ContactState.OFFERED));
    assertTrue(ContactState.OFFERED.canMoveTo(ContactState.CONNECTED));
    assertTrue(ContactState.CONNECTED.canMoveTo(ContactState.WRAP_UP));
    assertTrue(ContactState.WRAP_UP.canMoveTo(ContactState.CLOSED));
  }

  @Test
  void forbidsSkippingTheOfferAndLeavingWrapUpForAnythingButClosed() {
    assertFalse(ContactState.QUEUED.canMoveTo(ContactState.CONNECTED));
    assertFalse(ContactState.CREATED.canMoveTo(ContactState.CONNECTED));
    assertEquals(EnumSet.of(ContactState.CLOSED), ContactState.WRAP_UP.successors());
    assertFalse(ContactState.CONNECTED.canMoveTo(ContactState.ABANDONED));
    assertFalse(ContactState.QUEUED.canMoveTo(ContactState.QUEUED));
  }

  @Test
  void heldCallsGoBackToConnectedOrOnToWrapUpTransferOrClose() {
    assertEquals(EnumSet.of(ContactState.CONNECTED, ContactState.WRAP_UP, ContactState.TRANSFERRED, ContactState.CLOSED),
        ContactState.HELD.successors());
  }

  @Test
  void callbacksTransfersAndOverflowsReturnToAQueueOrAnOffer() {
    for (ContactState detour : EnumSet.of(ContactState.CALLBACK_REQUESTED, ContactState.TRANSFERRED,
        ContactState.OVERFLOWED)) {
      assertTrue(detour.canMoveTo(ContactState.QUEUED), detour.name());
      assertTrue(detour.canMoveTo(ContactState.OFFERED), detour.name());
      assertFalse(detour.canMoveTo(ContactState.CONNECTED), detour.name());
    }
  }

  private static Set<ContactState> terminals() {
    Set<ContactState> result = EnumSet.noneOf(ContactState.class);
    for (ContactState state : ContactState.values()) {
      if (state.isTerminal()) {
        result.add(state);
      }
    }
    return result;
  }

  private static Set<ContactState> reachableFrom(ContactState start) {
    Set<ContactState> seen = EnumSet.noneOf(ContactState.class);
    Deque<ContactState> todo = new ArrayDeque<>(start.successors());
    while (!todo.isEmpty()) {
      ContactState next = todo.pop();
      if (seen.add(next)) {
        todo.addAll(next.successors());
      }
    }
    return seen;
  }
}
