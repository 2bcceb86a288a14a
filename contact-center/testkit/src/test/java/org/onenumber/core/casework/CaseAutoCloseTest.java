package org.onenumber.core.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.event.CaseStatusChanged;
import org.onenumber.testkit.FakeCaseRegistry;
import org.onenumber.testkit.ManualClock;
import org.onenumber.testkit.RecordingEventPublisher;

/** Resolved cases close themselves after 14 quiet days, on a manual clock. */
class CaseAutoCloseTest {

  private final ManualClock clock = new ManualClock();
  private final FakeCaseRegistry cases = new FakeCaseRegistry();
  private final RecordingEventPublisher events = new RecordingEventPublisher();
  private final CaseAutoClose autoClose = new CaseAutoClose(cases, events, Duration.ofDays(14), clock);

  private Case resolved(String id) {
    Case c = new Case(new CaseId(id), new DepartmentId("water"), "leak", CasePriority.NORMAL, "leak",
        new CitizenId("z1"), List.of(new ContactId("c1")), clock.instant().plus(Duration.ofDays(3)),
        List.of(new CaseStatusChange(CaseStatus.OPEN, clock.instant(), "op-001", null)));
    c = c.moveTo(new CaseStatusChange(CaseStatus.RESOLVED, clock.instant(), "staff-water", null, "fixed",
        CaseEntryKind.STATUS, null));
    cases.save(c);
    return c;
  }

  private CaseStatus status(String id) {
    return cases.find(new CaseId(id)).orElseThrow().status();
  }

  @Test
  void closesAResolvedCaseOnceAfterFourteenQuietDays() {
    resolved("C-1");
    clock.advance(Duration.ofDays(14).minusMinutes(1));
    assertEquals(0, autoClose.sweep());
    assertEquals(CaseStatus.RESOLVED, status("C-1"));
    clock.advance(Duration.ofMinutes(2));
    assertEquals(1, autoClose.sweep());
    assertEquals(0, autoClose.sweep());
    Case closed = cases.find(new CaseId("C-1")).orElseThrow();
    assertEquals(CaseStatus.CLOSED, closed.status());
    assertEquals("system", closed.last().author());
    assertEquals(List.of(new CaseStatusChanged(closed.id(), CaseStatus.RESOLVED, CaseStatus.CLOSED, "system",
        clock.instant())), events.ofType(CaseStatusChanged.class));
  }

  @Test
  void leavesACaseTheCitizenRepliedToAfterTheAnswerForStaff() {
    Case c = resolved("C-2");
    clock.advance(Duration.ofDays(1));
    cases.update(c.append(new CaseStatusChange(CaseStatus.RESOLVED, clock.instant(), "citizen", null,
        "still leaking", CaseEntryKind.CITIZEN_REPLY, null)), c.version());
    clock.advance(Duration.ofDays(30));
    assertEquals(0, autoClose.sweep());
    assertEquals(CaseStatus.RESOLVED, status("C-2"));
  }

  @Test
  void aLaterNoteRestartsTheQuietPeriod() {
    Case c = resolved("C-3");
    clock.advance(Duration.ofDays(10));
    cases.update(c.append(new CaseStatusChange(CaseStatus.RESOLVED, clock.instant(), "staff-water", "called back",
        null, CaseEntryKind.NOTE, null)), c.version());
    clock.advance(Duration.ofDays(5));
    assertEquals(0, autoClose.sweep());
    clock.advance(Duration.ofDays(10));
    assertEquals(1, autoClose.sweep());
    assertEquals(CaseStatus.CLOSED, status("C-3"));
  }
}
