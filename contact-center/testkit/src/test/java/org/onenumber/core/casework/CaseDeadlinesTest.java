package org.onenumber.core.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.event.CaseUpdated;
import org.onenumber.core.port.in.ActOnCaseCommand;
import org.onenumber.testkit.DirectTransactions;
import org.onenumber.testkit.FakeCaseRegistry;
import org.onenumber.testkit.FakeDirectory;
import org.onenumber.testkit.ManualClock;
import org.onenumber.testkit.RecordingEventPublisher;
import org.onenumber.testkit.TestData;

/** Reminders and overdue escalation on a manual clock: nobody waits three days. */
class CaseDeadlinesTest {

  private final ManualClock clock = new ManualClock();
  private final FakeCaseRegistry cases = new FakeCaseRegistry();
  private final RecordingEventPublisher events = new RecordingEventPublisher();
  private final CaseDueRules rules = new CaseDueRules(WorkingDays.weekdays(ZoneOffset.UTC, Set.of()), Map.of(), true,
      Duration.ofHours(24), Duration.ofDays(14));
  private final CaseDeadlines deadlines = new CaseDeadlines(cases, events, rules, clock);

  private Case open(Instant due) {
    Case c = new Case(new CaseId("C-1"), new DepartmentId("water"), "leak", CasePriority.NORMAL, "leak",
        new CitizenId("z1"), List.of(new ContactId("c1")), due,
        List.of(new CaseStatusChange(CaseStatus.OPEN, clock.instant(), "op-001", null)));
    cases.save(c);
    return c;
  }

  private List<CaseEntryKind> kinds() {
    return events.ofType(CaseUpdated.class).stream().map(CaseUpdated::kind).toList();
  }

  @Test
  void remindsOnceBeforeTheDueDateAndEscalatesOnceAfterIt() {
    open(clock.instant().plus(Duration.ofDays(3)));
    assertEquals(0, deadlines.sweep());
    clock.advance(Duration.ofDays(2).plusHours(1));
    assertEquals(1, deadlines.sweep());
    assertEquals(0, deadlines.sweep());
    clock.advance(Duration.ofHours(12));
    assertEquals(0, deadlines.sweep());
    clock.advance(Duration.ofHours(12));
    assertEquals(1, deadlines.sweep());
    clock.advance(Duration.ofDays(5));
    assertEquals(0, deadlines.sweep());
    assertEquals(List.of(CaseEntryKind.REMINDED, CaseEntryKind.OVERDUE), kinds());
    Case stored = cases.find(new CaseId("C-1")).orElseThrow();
    assertEquals(3, stored.version());
    assertEquals("system", stored.last().author());
  }

  @Test
  void aCaseFoundAlreadyOverdueIsEscalatedWithoutAReminder() {
    open(clock.instant().plus(Duration.ofHours(1)));
    clock.advance(Duration.ofHours(2));
    deadlines.sweep();
    deadlines.sweep();
    assertEquals(List.of(CaseEntryKind.OVERDUE), kinds());
  }

  @Test
  void aReassignmentReArmsTheReminders() {
    FakeDirectory directory = new FakeDirectory().add(TestData.department("water")).add(TestData.department("roads"));
    CaseDesk desk = new CaseDesk(new DirectTransactions(), cases, directory, events, CaseNotifier.NONE, rules, clock);
    Case c = open(clock.instant().plus(Duration.ofHours(1)));
    clock.advance(Duration.ofHours(2));
    deadlines.sweep();
    Case overdue = cases.find(c.id()).orElseThrow();
    desk.act(new ActOnCaseCommand(c.id(), overdue.version(), "staff-water",
        new CaseAction.Reassign(new DepartmentId("roads"), "road surface")));
    clock.advance(Duration.ofDays(3).plusHours(1));
    deadlines.sweep();
    assertEquals(List.of(CaseEntryKind.OVERDUE, CaseEntryKind.REASSIGNED, CaseEntryKind.OVERDUE), kinds());
  }

  @Test
  void doneCasesAreNeverRemindedNorEscalated() {
    Case c = open(clock.instant().plus(Duration.ofHours(1)));
    cases.update(c.append(new CaseStatusChange(CaseStatus.RESOLVED, clock.instant(), "staff", null)), 1);
    clock.advance(Duration.ofDays(10));
    assertEquals(0, deadlines.sweep());
  }
}
