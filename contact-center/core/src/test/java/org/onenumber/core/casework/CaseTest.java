package org.onenumber.core.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.InvalidInputException;

class CaseTest {

  private static final Instant OPENED = Instant.parse("2026-11-23T01:00:00Z");
  private static final Instant DUE = Instant.parse("2026-11-26T01:00:00Z");

  private static Case open() {
    return new Case(new CaseId("C-20261123-0001"), new DepartmentId("water"), "leak", CasePriority.HIGH,
        "water leak on the street", new CitizenId("z1"), List.of(new ContactId("c1")), DUE,
        List.of(change(CaseStatus.OPEN, OPENED)));
  }

  private static CaseStatusChange change(CaseStatus status, Instant at) {
    return new CaseStatusChange(status, at, "staff-water", null);
  }

  @Test
  void startsOpenAtItsFirstChange() {
    assertEquals(CaseStatus.OPEN, open().status());
    assertEquals(OPENED, open().openedAt());
  }

  @Test
  void followsTheDepartmentWorkflowToClosed() {
    Case c = open()
        .moveTo(change(CaseStatus.IN_PROGRESS, OPENED.plusSeconds(60)))
        .moveTo(change(CaseStatus.WAITING_ON_CITIZEN, OPENED.plusSeconds(120)))
        .moveTo(change(CaseStatus.IN_PROGRESS, OPENED.plusSeconds(180)))
        .moveTo(change(CaseStatus.RESOLVED, OPENED.plusSeconds(240)))
        .moveTo(change(CaseStatus.CLOSED, OPENED.plusSeconds(300)));
    assertEquals(CaseStatus.CLOSED, c.status());
    assertEquals(List.of(CaseStatus.OPEN, CaseStatus.IN_PROGRESS, CaseStatus.WAITING_ON_CITIZEN,
        CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED, CaseStatus.CLOSED),
        c.history().stream().map(CaseStatusChange::status).toList());
    assertEquals(OPENED, c.openedAt());
  }

  @Test
  void latestPublicNoteIsWhatTheCitizenWasLastToldSkippingInternalRows() {
    assertNull(open().latestPublicNote());
    Case c = open()
        .append(new CaseStatusChange(CaseStatus.ACCEPTED, OPENED, "staff-1", null, "We are on it.", null, null))
        .append(new CaseStatusChange(CaseStatus.RESOLVED, OPENED, "staff-1", null, "Fixed on Tuesday.", null, null))
        .append(new CaseStatusChange(CaseStatus.RESOLVED, OPENED, "staff-1", "crew 7", null, CaseEntryKind.NOTE, null));
    assertEquals("Fixed on Tuesday.", c.latestPublicNote());
  }

  @Test
  void reopensAResolvedCase() {
    Case reopened = open().moveTo(change(CaseStatus.RESOLVED, OPENED))
        .moveTo(change(CaseStatus.IN_PROGRESS, OPENED));
    assertEquals(CaseStatus.IN_PROGRESS, reopened.status());
  }

  @Test
  void rejectsClosingACaseThatWasNeitherResolvedNorRejected() {
    assertThrows(IllegalTransitionException.class, () -> open().moveTo(change(CaseStatus.CLOSED, OPENED)));
    Case closed = open().moveTo(change(CaseStatus.REJECTED, OPENED)).moveTo(change(CaseStatus.CLOSED, OPENED));
    for (CaseStatus next : CaseStatus.values()) {
      assertThrows(IllegalTransitionException.class, () -> closed.moveTo(change(next, DUE)), next.name());
    }
  }

  @Test
  void isOverdueOnlyAfterTheDueInstantWhileStillOpen() {
    Case c = open();
    assertFalse(c.isOverdue(DUE.minusSeconds(1)));
    assertFalse(c.isOverdue(DUE));
    assertTrue(c.isOverdue(DUE.plusSeconds(1)));
    assertTrue(c.moveTo(change(CaseStatus.IN_PROGRESS, OPENED)).isOverdue(DUE.plusSeconds(1)));
  }

  @Test
  void isNeverOverdueOnceResolvedRejectedOrClosed() {
    Instant late = DUE.plusSeconds(86_400);
    Case resolved = open().moveTo(change(CaseStatus.RESOLVED, OPENED));
    assertFalse(resolved.isOverdue(late));
    assertFalse(resolved.moveTo(change(CaseStatus.CLOSED, OPENED)).isOverdue(late));
    assertFalse(open().moveTo(change(CaseStatus.REJECTED, OPENED)).isOverdue(late));
  }

  @Test
  void mapsToOpen311TwoValuedStatus() {
    assertEquals("open", CaseStatus.OPEN.open311());
    assertEquals("open", CaseStatus.IN_PROGRESS.open311());
    assertEquals("open", CaseStatus.WAITING_ON_CITIZEN.open311());
    assertEquals("closed", CaseStatus.RESOLVED.open311());
    assertEquals("closed", CaseStatus.REJECTED.open311());
    assertEquals("closed", CaseStatus.CLOSED.open311());
  }

  @Test
  void everyStatusCanReachClosed() {
    for (CaseStatus status : CaseStatus.values()) {
      java.util.Set<CaseStatus> seen = java.util.EnumSet.of(status);
      java.util.Deque<CaseStatus> todo = new java.util.ArrayDeque<>(seen);
      while (!todo.isEmpty()) {
        for (CaseStatus next : todo.pop().successors()) {
          if (seen.add(next)) {
            todo.add(next);
          }
        }
      }
      assertTrue(seen.contains(CaseStatus.CLOSED), status.name());
    }
    assertTrue(CaseStatus.CLOSED.successors().isEmpty());
  }

  @Test
  void rejectsAHistoryThatDoesNotStartOpen() {
    assertThrows(InvalidInputException.class, () -> new Case(new CaseId("C-1"), new DepartmentId("water"), "leak",
        CasePriority.LOW, "s", new CitizenId("z1"), List.of(), DUE, List.of(change(CaseStatus.IN_PROGRESS, OPENED))));
    assertThrows(InvalidInputException.class, () -> new Case(new CaseId("C-1"), new DepartmentId("water"), "leak",
        CasePriority.LOW, "s", new CitizenId("z1"), List.of(), DUE, List.of()));
    assertThrows(InvalidInputException.class, () -> new CaseStatusChange(CaseStatus.OPEN, OPENED, " ", null));
  }
}
