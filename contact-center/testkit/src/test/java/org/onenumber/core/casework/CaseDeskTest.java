package org.onenumber.core.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.VersionConflictException;
import org.onenumber.core.event.CaseStatusChanged;
import org.onenumber.core.event.CaseUpdated;
import org.onenumber.core.intake.ContactIntake;
import org.onenumber.core.messaging.CaseMessages;
import org.onenumber.core.messaging.CaseTexts;
import org.onenumber.core.messaging.MessageContext;
import org.onenumber.core.messaging.MessageIntake;
import org.onenumber.core.messaging.MessageReplies;
import org.onenumber.core.port.in.ActOnCaseCommand;
import org.onenumber.core.port.in.EscalateCaseCommand;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.core.port.in.ReceiveMessageCommand;
import org.onenumber.testkit.DirectTransactions;
import org.onenumber.testkit.FakeCaseRegistry;
import org.onenumber.testkit.FakeCitizenRegistry;
import org.onenumber.testkit.FakeContactJournal;
import org.onenumber.testkit.FakeDirectory;
import org.onenumber.testkit.FakeMessageGateway;
import org.onenumber.testkit.FakeMessageStore;
import org.onenumber.testkit.ManualClock;
import org.onenumber.testkit.RecordingEventPublisher;
import org.onenumber.testkit.TestData;

/** The case lifecycle end to end on fakes, with a manual clock (2026-11-23 is a Monday). */
class CaseDeskTest {

  private static final String PHONE = "+821055554444";

  private final ManualClock clock = new ManualClock();
  private final DirectTransactions tx = new DirectTransactions();
  private final FakeCitizenRegistry citizens = new FakeCitizenRegistry();
  private final FakeContactJournal journal = new FakeContactJournal();
  private final FakeMessageStore store = new FakeMessageStore();
  private final FakeMessageGateway gateway = new FakeMessageGateway();
  private final RecordingEventPublisher events = new RecordingEventPublisher();
  private final FakeCaseRegistry cases = new FakeCaseRegistry();
  private final FakeDirectory directory = new FakeDirectory()
      .add(TestData.queue("general-en", Language.ENGLISH, Channel.SMS)).add(TestData.department("water"))
      .add(TestData.department("roads"));
  private final SplittableRandom random = new SplittableRandom(7);
  private final MessageContext messaging = new MessageContext(citizens, journal, store, gateway, events, clock, random);
  private final CaseDueRules rules = new CaseDueRules(WorkingDays.weekdays(ZoneOffset.UTC, java.util.Set.of()),
      Map.of("water/", 3, "pothole", 7), true, Duration.ofHours(24), Duration.ofDays(14));
  private final CaseEscalation escalation = new CaseEscalation(tx, journal, directory, cases,
      new MessageReplies(messaging), events, clock, ZoneOffset.UTC, rules);
  private final CaseDesk desk = new CaseDesk(tx, cases, directory, events, new CaseMessages(messaging), rules, clock);
  private final ContactIntake intake = new ContactIntake(tx, citizens, journal, directory, events, clock, random);

  private Case escalated(String category) {
    Contact contact = intake.open(new OpenContactCommand(Channel.SMS, new CitizenIdentity.Phone(PHONE), null,
        Language.ENGLISH, "leak", null, null, null));
    return escalation.escalate(new EscalateCaseCommand(contact.id(), new DepartmentId("water"), category,
        "Water leaking in the street", null, "op-001"));
  }

  private Case act(Case c, String who, CaseAction action) {
    clock.advance(Duration.ofMinutes(5));
    return desk.act(new ActOnCaseCommand(c.id(), c.version(), who, action));
  }

  private String lastSms() {
    return gateway.sent().get(gateway.sent().size() - 1).body();
  }

  @Test
  void dueDatesCountTheDepartmentsWorkingDays() {
    assertEquals(clock.instant().plus(Duration.ofDays(3)), escalated("leak").dueAt());
  }

  @Test
  void aCaseGoesFromAcceptedThroughAQuestionToResolvedAndTheCitizenHearsEachPublicStep() {
    Case c = escalated("leak");
    c = act(c, "staff-water", new CaseAction.Accept(null));
    assertEquals("staff-water", c.assignee());
    assertEquals(CaseTexts.update(c.id().value(), CaseStatus.ACCEPTED, null, Language.ENGLISH), lastSms());
    c = act(c, "staff-water", new CaseAction.Ask("Which building number?"));
    assertEquals(CaseStatus.WAITING_ON_CITIZEN, c.status());
    assertTrue(lastSms().endsWith("Which building number?"), lastSms());
    c = act(c, "staff-water", new CaseAction.Note("called the plumber", null));
    int sent = gateway.sent().size();
    c = act(c, "staff-water", new CaseAction.Resolve("The pipe was replaced.", "crew 7"));
    assertEquals(sent + 1, gateway.sent().size(), "an internal note sends nothing, the answer is sent");
    assertEquals(CaseStatus.RESOLVED, c.status());
    assertEquals(List.of(CaseEntryKind.STATUS, CaseEntryKind.STATUS, CaseEntryKind.QUESTION, CaseEntryKind.NOTE,
        CaseEntryKind.STATUS), c.history().stream().map(CaseStatusChange::kind).toList());
    assertEquals("crew 7", c.last().note());
    assertEquals(c, cases.find(c.id()).orElseThrow());
    assertEquals(4, events.ofType(CaseUpdated.class).size());
    assertEquals(List.of(CaseStatus.ACCEPTED, CaseStatus.WAITING_ON_CITIZEN, CaseStatus.RESOLVED),
        events.ofType(CaseStatusChanged.class).stream().map(CaseStatusChanged::to).toList());
  }

  @Test
  void anEditOnAnOldVersionIsAConflictNamingTheCurrentVersion() {
    Case c = escalated("leak");
    act(c, "staff-water", new CaseAction.Note("first", null));
    VersionConflictException e = assertThrows(VersionConflictException.class,
        () -> desk.act(new ActOnCaseCommand(c.id(), c.version(), "staff-2", new CaseAction.Note("second", null))));
    assertEquals(2, e.currentVersion());
    assertEquals(2, cases.find(c.id()).orElseThrow().history().size());
  }

  @Test
  void reassignmentNeedsAnExistingOtherDepartmentAndRestartsTheClockWhenTheRuleSaysSo() {
    Case c = escalated("pothole");
    assertThrows(InvalidInputException.class, () -> act(c, "staff-water", new CaseAction.Reassign(
        new DepartmentId("parks"), "not ours")));
    Case accepted = act(c, "staff-water", new CaseAction.Accept(null));
    Case moved = act(accepted, "staff-water", new CaseAction.Reassign(new DepartmentId("roads"), "road surface"));
    assertEquals(new DepartmentId("roads"), moved.department());
    assertEquals(CaseStatus.OPEN, moved.status());
    assertNull(moved.assignee());
    assertEquals("water>roads", moved.last().detail());
    assertEquals(new WorkingDays(ZoneOffset.UTC, java.util.EnumSet.of(java.time.DayOfWeek.SATURDAY,
        java.time.DayOfWeek.SUNDAY), null).plus(clock.instant(), 7), moved.dueAt());
  }

  @Test
  void aDepartmentWhoseRuleKeepsTheClockReceivesTheCaseWithItsDueDate() {
    CaseDueRules keepForRoads = new CaseDueRules(rules.calendar(), rules.workingDays(), true, rules.remindBefore(),
        rules.reopenWithin(), Map.of("Roads", false));
    CaseDesk roadsKeep = new CaseDesk(tx, cases, directory, events, new CaseMessages(messaging), keepForRoads, clock);
    Case c = escalated("pothole");
    clock.advance(Duration.ofDays(2));
    Case moved = roadsKeep.act(new ActOnCaseCommand(c.id(), c.version(), "staff-water",
        new CaseAction.Reassign(new DepartmentId("roads"), "road surface")));
    assertEquals(c.dueAt(), moved.dueAt(), "roads keeps the clock");
    Case back = roadsKeep.act(new ActOnCaseCommand(moved.id(), moved.version(), "staff-roads",
        new CaseAction.Reassign(new DepartmentId("water"), "a water main after all")));
    assertEquals(rules.dueAt(TestData.department("water"), "pothole", clock.instant()), back.dueAt(),
        "water has no rule of its own: the city's (restart) applies");
  }

  @Test
  void theCitizensReplyThreadsBackIntoTheCaseWaitingOnThem() {
    Case c = act(escalated("leak"), "staff-water", new CaseAction.Ask("Which floor?"));
    var replies = new CaseReplies(new MessageIntake(messaging, intake, Language.KOREAN), cases, desk);
    clock.advance(Duration.ofMinutes(3));
    replies.receive(new ReceiveMessageCommand(Channel.SMS, new CitizenIdentity.Phone(PHONE), PHONE, "Third floor",
        null, "SM-reply-1", null));
    Case after = cases.find(c.id()).orElseThrow();
    assertEquals(CaseStatus.IN_PROGRESS, after.status());
    assertEquals(CaseEntryKind.CITIZEN_REPLY, after.last().kind());
    assertEquals("Third floor", after.last().note());
    assertEquals("citizen", after.last().author());
  }

  @Test
  void aCitizenWhoSentStopIsNotMessagedButTheCaseMovesOn() {
    Case c = escalated("leak");
    var citizen = citizens.find(c.citizen()).orElseThrow();
    citizens.save(citizen.withConsent(citizen.consent().withSmsOptOut(true)));
    int sent = gateway.sent().size();
    Case resolved = act(act(c, "staff-water", new CaseAction.Accept(null)), "staff-water",
        new CaseAction.Resolve("Fixed.", null));
    assertEquals(CaseStatus.RESOLVED, resolved.status());
    assertEquals(sent, gateway.sent().size());
  }

  @Test
  void theCitizenMayReopenOnlyWithinTheReopenWindow() {
    Case resolved = act(escalated("leak"), "staff-water", new CaseAction.Resolve("Fixed.", null));
    Case reopened = act(resolved, "citizen", new CaseAction.Reopen("still leaking"));
    assertEquals(CaseStatus.REOPENED, reopened.status());
    assertEquals(rules.dueAt(TestData.department("water"), "leak", clock.instant()), reopened.dueAt());
    Case again = act(reopened, "staff-water", new CaseAction.Resolve("Fixed for real.", null));
    clock.advance(Duration.ofDays(15));
    assertThrows(IllegalTransitionException.class, () -> act(again, "citizen", new CaseAction.Reopen("no")));
  }

  @Test
  void aDuplicateMergesIntoTheSurvivingCaseWhichTakesItsContacts() {
    Case first = escalated("leak");
    Case duplicate = escalated("leak");
    Case merged = act(duplicate, "staff-water", new CaseAction.Merge(first.id(), "same leak"));
    assertEquals(CaseStatus.MERGED, merged.status());
    assertEquals(first.id().value(), merged.last().detail());
    Case survivor = cases.find(first.id()).orElseThrow();
    assertEquals(CaseEntryKind.ABSORBED, survivor.last().kind());
    assertTrue(survivor.contacts().containsAll(duplicate.contacts()));
    assertThrows(InvalidInputException.class, () -> act(survivor, "staff-water",
        new CaseAction.Merge(survivor.id(), "self")));
  }

  @Test
  void closedIsFinalAndMovesOffTheGraphAreRefused() {
    Case c = escalated("leak");
    assertThrows(IllegalTransitionException.class, () -> act(c, "staff-water",
        new CaseAction.Move(CaseStatus.CLOSED, null, null)));
    Case closed = act(act(c, "staff-water", new CaseAction.Move(CaseStatus.REJECTED, null, "Not a city matter.")),
        "staff-water", new CaseAction.Move(CaseStatus.CLOSED, null, null));
    assertThrows(IllegalTransitionException.class, () -> act(closed, "staff-water", new CaseAction.Accept(null)));
  }

  @Test
  void theResolutionAsksForARatingAndTheCitizensSmsScoreRatesTheAnswerOnce() {
    Case c = act(escalated("leak"), "staff-water", new CaseAction.Resolve("The pipe was replaced.", null));
    assertTrue(lastSms().endsWith(CaseTexts.ratingQuestion(Language.ENGLISH)), lastSms());
    var replies = new CaseReplies(new MessageIntake(messaging, intake, Language.KOREAN), cases, desk);
    clock.advance(Duration.ofHours(2));
    replies.receive(new ReceiveMessageCommand(Channel.SMS, new CitizenIdentity.Phone(PHONE), PHONE,
        "2 - it took a week", null, "SM-rate-1", null));
    Case rated = cases.find(c.id()).orElseThrow();
    assertEquals(CaseEntryKind.RATED, rated.last().kind());
    assertEquals("2", rated.last().detail());
    assertEquals("it took a week", rated.last().note());
    assertEquals(CaseStatus.RESOLVED, rated.status());
    assertEquals(List.of(rated), cases.inbox(rated.department(), CaseInbox.FOLLOW_UP, null, clock.instant(),
        clock.instant(), 10), "a low score is the supervisor's follow-up");
    replies.receive(new ReceiveMessageCommand(Channel.SMS, new CitizenIdentity.Phone(PHONE), PHONE, "5", null,
        "SM-rate-2", null));
    assertEquals(rated.version(), cases.find(c.id()).orElseThrow().version(), "one rating per answer");
    act(rated, "supervisor-water", new CaseAction.Note("called the citizen back", null));
    assertEquals(List.of(), cases.inbox(rated.department(), CaseInbox.FOLLOW_UP, null, clock.instant(),
        clock.instant(), 10), "a staff note follows it up");
  }

  @Test
  void aRatingNeedsAResolvedAnswerAScoreFromOneToFiveAndTheReopenWindow() {
    Case open = escalated("leak");
    assertThrows(IllegalTransitionException.class, () -> act(open, "citizen", new CaseAction.Rate(4, null)));
    assertThrows(InvalidInputException.class, () -> new CaseAction.Rate(6, null));
    assertThrows(InvalidInputException.class, () -> new CaseAction.Rate(0, null));
    assertThrows(InvalidInputException.class, () -> new CaseAction.Rate(3, "x".repeat(1_001)));
    Case resolved = act(open, "staff-water", new CaseAction.Resolve("Fixed.", null));
    clock.advance(Duration.ofDays(13));
    Case rated = act(resolved, "citizen", new CaseAction.Rate(5, null));
    assertEquals(5, CaseSatisfaction.latest(rated).orElseThrow());
    clock.advance(Duration.ofDays(2));
    assertThrows(IllegalTransitionException.class, () -> act(rated, "citizen", new CaseAction.Reopen("no")),
        "the reopen window counts from the answer, not from the rating");
  }

  @Test
  void anAnswerGivenAgainAfterAReopenMayBeRatedAgain() {
    Case resolved = act(escalated("leak"), "staff-water", new CaseAction.Resolve("Fixed.", null));
    Case rated = act(resolved, "citizen", new CaseAction.Rate(1, "still leaking"));
    assertThrows(IllegalTransitionException.class, () -> act(rated, "citizen", new CaseAction.Rate(2, null)));
    Case again = act(act(rated, "citizen", new CaseAction.Reopen("still leaking")), "staff-water",
        new CaseAction.Resolve("Replaced the valve.", null));
    assertTrue(CaseSatisfaction.awaitsRating(again, clock.instant(), rules.reopenWithin()));
    assertEquals(4, CaseSatisfaction.latest(act(again, "citizen", new CaseAction.Rate(4, null))).orElseThrow());
  }

  @Test
  void aBareScoreRatesTheCaseWhoseRatingQuestionIsPendingNotTheLatestChangedOne() {
    Case pending = act(escalated("leak"), "staff-water", new CaseAction.Resolve("The pipe was replaced.", null));
    Case other = act(act(escalated("leak"), "staff-water", new CaseAction.Resolve("Valve closed.", null)),
        "citizen", new CaseAction.Rate(5, null));
    act(other, "staff-water", new CaseAction.Note("thanked the citizen", null)); // the latest change of all
    var replies = new CaseReplies(new MessageIntake(messaging, intake, Language.KOREAN), cases, desk);
    clock.advance(Duration.ofHours(1));
    replies.receive(new ReceiveMessageCommand(Channel.SMS, new CitizenIdentity.Phone(PHONE), PHONE, "4", null,
        "SM-pending-1", null));
    assertEquals(4, CaseSatisfaction.latest(cases.find(pending.id()).orElseThrow()).orElseThrow(),
        "the answer still awaiting its rating");
    assertEquals(5, CaseSatisfaction.latest(cases.find(other.id()).orElseThrow()).orElseThrow());
  }

  @Test
  void aBareScoreWithNoRatingQuestionPendingIsANormalMessage() {
    Case rated = act(act(escalated("leak"), "staff-water", new CaseAction.Resolve("Fixed.", null)), "citizen",
        new CaseAction.Rate(5, null));
    Case open = escalated("leak");
    var replies = new CaseReplies(new MessageIntake(messaging, intake, Language.KOREAN), cases, desk);
    clock.advance(Duration.ofHours(1));
    var outcome = replies.receive(new ReceiveMessageCommand(Channel.SMS, new CitizenIdentity.Phone(PHONE), PHONE,
        "3", null, "SM-no-question-1", null));
    assertEquals("3", outcome.message().body(), "kept as the citizen's message");
    assertEquals(rated.version(), cases.find(rated.id()).orElseThrow().version(), "no second rating");
    assertEquals(open.version(), cases.find(open.id()).orElseThrow().version(), "an open case is not rated");
    assertTrue(cases.byCitizen(rated.citizen()).stream().flatMap(c -> c.history().stream())
        .filter(r -> r.kind() == CaseEntryKind.RATED).count() == 1);
  }
}
