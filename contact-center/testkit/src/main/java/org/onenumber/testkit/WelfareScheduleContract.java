package org.onenumber.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.port.out.SeniorRegistry;
import org.onenumber.core.port.out.WelfareSchedule;
import org.onenumber.core.welfare.Attempt;
import org.onenumber.core.welfare.AttemptId;
import org.onenumber.core.welfare.AttemptState;
import org.onenumber.core.welfare.CallOutcome;
import org.onenumber.core.welfare.CallWindow;
import org.onenumber.core.welfare.CheckInMode;
import org.onenumber.core.welfare.EmergencyContact;
import org.onenumber.core.welfare.Escalation;
import org.onenumber.core.welfare.EscalationLadder;
import org.onenumber.core.welfare.Senior;
import org.onenumber.core.welfare.SeniorId;
import org.onenumber.core.welfare.WelfareConsent;

/**
 * What every {@link WelfareSchedule} and {@link SeniorRegistry} must do. Subclasses give a fresh,
 * empty pair per test.
 */
public abstract class WelfareScheduleContract {

  protected static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
  protected static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

  protected abstract WelfareSchedule schedule();

  protected abstract SeniorRegistry seniors();

  /** A senior with two windows, an emergency contact and care notes. */
  public static Senior senior(String id, String phone, CheckInMode mode) {
    return new Senior(new SeniorId(id), "김순자", List.of(new CitizenIdentity.Phone(phone)), "종로구 1", "Jongno-gu",
        Language.KOREAN, new WelfareConsent(true, true, true, false, "guardian", T0),
        List.of(new EmergencyContact("김철수", "son", new CitizenIdentity.Phone("+821099990000"))), "Volunteer Lee",
        new CitizenIdentity.Phone("+821088887777"),
        List.of(new CallWindow(DayOfWeek.MONDAY, LocalTime.of(10, 0), LocalTime.of(12, 0)),
            new CallWindow(DayOfWeek.THURSDAY, LocalTime.of(14, 0), LocalTime.of(16, 0))),
        mode, "hearing aid", MONDAY.minusDays(30), null);
  }

  private static Attempt attempt(String id, String senior, int minutes) {
    return Attempt.scheduled(new AttemptId(id), new SeniorId(senior), MONDAY, 1, T0.plusSeconds(60L * minutes),
        "S-2".equals(senior) ? CheckInMode.SMS : CheckInMode.AUTOMATED);
  }

  @BeforeEach
  void twoSeniors() {
    seniors().saveAll(List.of(senior("S-1", "+821011112222", CheckInMode.AUTOMATED),
        senior("S-2", "+821033334444", CheckInMode.SMS)));
  }

  @Test
  public void readsASeniorBackWholeByIdAndByPhone() {
    Senior s = senior("S-1", "+821011112222", CheckInMode.AUTOMATED);
    assertEquals(s, seniors().find(new SeniorId("S-1")).orElseThrow());
    assertEquals(s, seniors().findByPhone(new CitizenIdentity.Phone("+821011112222")).orElseThrow());
    assertEquals(2, seniors().enrolledBetween(MONDAY, MONDAY.plusDays(6)).size());
  }

  @Test
  public void plansAWeekOnlyOnce() {
    assertTrue(schedule().savePlan(MONDAY, List.of(attempt("a-1", "S-1", 0))));
    assertFalse(schedule().savePlan(MONDAY, List.of(attempt("a-2", "S-1", 0))));
    assertTrue(schedule().planned(MONDAY));
    assertEquals(List.of("a-1"), schedule().between(MONDAY, MONDAY).stream().map(a -> a.id().value()).toList());
  }

  @Test
  public void listsDueAttemptsEarliestFirst() {
    schedule().savePlan(MONDAY, List.of(attempt("a-late", "S-1", 30), attempt("a-early", "S-2", 10),
        attempt("a-future", "S-1", 90)));
    assertEquals(List.of("a-early", "a-late"),
        schedule().due(T0.plusSeconds(3600), 10).stream().map(a -> a.id().value()).toList());
  }

  @Test
  public void claimsAnAttemptOnceAndNeverTwoCallsOfOneSenior() {
    Attempt first = attempt("a-1", "S-1", 0);
    Attempt second = attempt("a-2", "S-1", 0);
    schedule().savePlan(MONDAY, List.of(first, second));
    assertTrue(schedule().claim(first.dialing(new ContactId("c-1"), T0)));
    assertFalse(schedule().claim(first.dialing(new ContactId("c-x"), T0)));
    assertFalse(schedule().claim(second.dialing(new ContactId("c-2"), T0)));
    assertEquals(AttemptState.DIALING, schedule().byContact(new ContactId("c-1")).orElseThrow().state());
    assertEquals(1, schedule().dialing().size());
  }

  @Test
  public void textCheckInsDoNotBlockEachOther() {
    Attempt first = attempt("a-1", "S-2", 0);
    Attempt second = attempt("a-2", "S-2", 0);
    schedule().savePlan(MONDAY, List.of(
        Attempt.scheduled(first.id(), first.senior(), MONDAY, 1, first.dueAt(), CheckInMode.SMS),
        Attempt.scheduled(second.id(), second.senior(), MONDAY, 1, second.dueAt(), CheckInMode.SMS)));
    assertTrue(schedule().claim(schedule().find(first.id()).orElseThrow().dialing(new ContactId("c-1"), T0)));
    assertTrue(schedule().claim(schedule().find(second.id()).orElseThrow().dialing(new ContactId("c-2"), T0)));
  }

  @Test
  public void completesOnceWithRetryRunAndPendingEscalation() {
    Attempt first = attempt("a-1", "S-1", 0);
    schedule().savePlan(MONDAY, List.of(first));
    Attempt dialing = first.dialing(new ContactId("c-1"), T0);
    schedule().claim(dialing);
    Attempt retry = Attempt.scheduled(new AttemptId("a-1r"), first.senior(), MONDAY, 2, T0.plusSeconds(1800),
        CheckInMode.AUTOMATED);
    Escalation escalation = new Escalation(first.id(), first.senior(), EscalationLadder.Reason.UNREACHED,
        new ContactId("c-1"), T0.plusSeconds(30));
    assertTrue(schedule().complete(dialing.done(CallOutcome.NO_ANSWER, T0.plusSeconds(30)), retry, 3, escalation));
    assertFalse(schedule().complete(dialing.done(CallOutcome.WELL, T0.plusSeconds(40)), null, 0, null));
    Attempt done = schedule().find(first.id()).orElseThrow();
    assertEquals(CallOutcome.NO_ANSWER, done.outcome());
    assertEquals(T0.plusSeconds(30), done.endedAt());
    assertEquals(retry, schedule().find(retry.id()).orElseThrow());
    assertEquals(3, schedule().unreachedInRow(first.senior()));
    assertEquals(List.of(escalation), schedule().pendingEscalations());
    schedule().escalated(first.id(), "C-20261123-0001");
    assertEquals(List.of(), schedule().pendingEscalations());
  }

  @Test
  public void releasesAndReschedulesOnlyFromTheRightState() {
    Attempt first = attempt("a-1", "S-1", 0);
    schedule().savePlan(MONDAY, List.of(first));
    schedule().claim(first.dialing(new ContactId("c-1"), T0));
    schedule().reschedule(first.id(), T0.plusSeconds(99));
    assertEquals(T0, schedule().find(first.id()).orElseThrow().dueAt());
    schedule().release(first.id());
    Attempt released = schedule().find(first.id()).orElseThrow();
    assertEquals(AttemptState.SCHEDULED, released.state());
    assertEquals(null, released.contact());
    schedule().reschedule(first.id(), T0.plusSeconds(3600));
    assertEquals(T0.plusSeconds(3600), schedule().find(first.id()).orElseThrow().dueAt());
  }
}
