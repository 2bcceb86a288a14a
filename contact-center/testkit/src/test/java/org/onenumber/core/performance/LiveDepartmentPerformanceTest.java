package org.onenumber.core.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseAction;
import org.onenumber.core.casework.CaseDesk;
import org.onenumber.core.casework.CaseDueRules;
import org.onenumber.core.casework.CaseEscalation;
import org.onenumber.core.casework.CaseStatus;
import org.onenumber.core.casework.WorkingDays;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.OneNumberException;
import org.onenumber.core.intake.ContactIntake;
import org.onenumber.core.messaging.CaseMessages;
import org.onenumber.core.messaging.MessageContext;
import org.onenumber.core.messaging.MessageReplies;
import org.onenumber.core.port.in.ActOnCaseCommand;
import org.onenumber.core.port.in.EscalateCaseCommand;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.core.port.out.EventPublisher;
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

/**
 * A seeded history of cases worked through the real {@link CaseDesk} on fakes, with every event fed
 * to the live figures: after every step the live figures equal the batch recomputed from the
 * stored cases. The seed is printed on failure; {@code -Dtests.seed=N} replays one.
 */
class LiveDepartmentPerformanceTest {

  private static final List<String> DEPARTMENTS = List.of("water", "roads");

  private final ManualClock clock = new ManualClock();
  private final DirectTransactions tx = new DirectTransactions();
  private final FakeCitizenRegistry citizens = new FakeCitizenRegistry();
  private final FakeContactJournal journal = new FakeContactJournal();
  private final RecordingEventPublisher recorded = new RecordingEventPublisher();
  private final FakeCaseRegistry cases = new FakeCaseRegistry();
  private final LiveDepartmentPerformance live = new LiveDepartmentPerformance(cases);
  private final EventPublisher events = e -> {
    recorded.publish(e);
    live.on(e);
  };
  private final FakeDirectory directory = new FakeDirectory()
      .add(TestData.queue("general-en", Language.ENGLISH, Channel.SMS)).add(TestData.department("water"))
      .add(TestData.department("roads"));
  private final SplittableRandom random = new SplittableRandom(7);
  private final MessageContext messaging = new MessageContext(citizens, journal, new FakeMessageStore(),
      new FakeMessageGateway(), events, clock, random);
  private final CaseDueRules rules = new CaseDueRules(WorkingDays.weekdays(ZoneOffset.UTC, Set.of()),
      Map.of("water/", 3, "pothole", 7), true, Duration.ofHours(24), Duration.ofDays(14));
  private final CaseEscalation escalation = new CaseEscalation(tx, journal, directory, cases,
      new MessageReplies(messaging), events, clock, ZoneOffset.UTC, rules);
  private final CaseDesk desk = new CaseDesk(tx, cases, directory, events, new CaseMessages(messaging), rules, clock);
  private final ContactIntake intake = new ContactIntake(tx, citizens, journal, directory, events, clock, random);

  @Test
  void liveFiguresEqualTheBatchAfterEveryStepOfASeededHistory() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    SplittableRandom dice = new SplittableRandom(seed);
    List<Case> opened = new ArrayList<>();
    try {
      for (int step = 0; step < 400; step++) {
        clock.advance(Duration.ofMinutes(1 + dice.nextInt(600)));
        if (opened.isEmpty() || dice.nextInt(5) == 0) {
          opened.add(escalated(DEPARTMENTS.get(dice.nextInt(2)), dice.nextBoolean() ? "leak" : "pothole", step));
        } else {
          Case c = opened.get(dice.nextInt(opened.size()));
          tryAct(cases.find(c.id()).orElseThrow(), action(dice));
        }
        assertEquals(batch(), live.figures(clock.instant()), "after step " + step);
      }
    } catch (AssertionError e) {
      throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
    }
    List<DepartmentFigures> figures = batch();
    assertTrue(figures.stream().anyMatch(f -> f.replyRate() != null && f.replyRate() > 0), "some case was answered");
    assertTrue(figures.stream().anyMatch(f -> f.resolutionMedianSeconds() != null), "some case was resolved");
    assertTrue(figures.stream().anyMatch(f -> f.rated() > 0), "some answer was rated");
  }

  @Test
  void aResolvedCaseCountsInTheReplyRateAsSoonAsItsEventArrives() {
    Case c = escalated("water", "leak", 1);
    assertEquals(0.0, total("water").replyRate());
    clock.advance(Duration.ofHours(2));
    c = desk.act(new ActOnCaseCommand(c.id(), c.version(), "staff-water", new CaseAction.Accept(null)));
    clock.advance(Duration.ofHours(3));
    desk.act(new ActOnCaseCommand(c.id(), c.version(), "staff-water", new CaseAction.Resolve("Fixed.", null)));
    DepartmentFigures water = total("water");
    assertEquals(1.0, water.replyRate());
    assertEquals(1, water.answeredOnTime());
    assertEquals(7_200L, water.firstResponseMedianSeconds());
    assertEquals(18_000L, water.resolutionMedianSeconds());
  }

  @Test
  void anOpenedCaseCountsFromItsEventWithoutReadingTheCase() {
    LiveDepartmentPerformance alone = new LiveDepartmentPerformance(new FakeCaseRegistry()); // holds no case
    alone.on(new org.onenumber.core.event.CaseOpened(new org.onenumber.core.casework.CaseId("C-1"),
        new DepartmentId("water"), "leak", new org.onenumber.core.contact.ContactId("c-1"),
        clock.instant().plus(Duration.ofDays(3)), clock.instant()));
    DepartmentFigures water = alone.figures(clock.instant()).stream()
        .filter(f -> f.department().equals("water") && f.category().equals(DepartmentFigures.ALL))
        .findFirst().orElseThrow();
    assertEquals(1, water.received());
  }

  private DepartmentFigures total(String department) {
    return live.figures(clock.instant()).stream()
        .filter(f -> f.department().equals(department) && f.category().equals(DepartmentFigures.ALL))
        .findFirst().orElseThrow();
  }

  private List<DepartmentFigures> batch() {
    List<Case> all = new ArrayList<>();
    for (String d : DEPARTMENTS) {
      all.addAll(cases.byDepartment(new DepartmentId(d), Integer.MAX_VALUE));
    }
    return DepartmentPerformance.of(all, clock.instant());
  }

  private Case escalated(String department, String category, int n) {
    Contact contact = intake.open(new OpenContactCommand(Channel.SMS,
        new CitizenIdentity.Phone("+8210555" + String.format("%05d", n)), null, Language.ENGLISH, "help", null, null,
        null));
    return escalation.escalate(new EscalateCaseCommand(contact.id(), new DepartmentId(department), category,
        "Something to fix", null, "op-001"));
  }

  private static CaseAction action(SplittableRandom dice) {
    return switch (dice.nextInt(10)) {
      case 0 -> new CaseAction.Accept(null);
      case 1 -> new CaseAction.Note("internal", dice.nextBoolean() ? "We are on it." : null);
      case 2 -> new CaseAction.Ask("Which street?");
      case 3 -> new CaseAction.Resolve("Done.", null);
      case 4 -> new CaseAction.Move(CaseStatus.RESOLVED, "no public answer", null);
      case 5 -> new CaseAction.Reopen("still broken");
      case 6 -> new CaseAction.Reassign(new DepartmentId(dice.nextBoolean() ? "water" : "roads"), "wrong desk");
      case 7 -> new CaseAction.Move(CaseStatus.CLOSED, null, null);
      case 8 -> new CaseAction.Rate(1 + dice.nextInt(5), dice.nextBoolean() ? "comment" : null);
      default -> new CaseAction.Move(CaseStatus.IN_PROGRESS, null, null);
    };
  }

  private void tryAct(Case c, CaseAction action) {
    try {
      desk.act(new ActOnCaseCommand(c.id(), c.version(), "staff-1", action));
    } catch (OneNumberException refused) {
      // an edge the status does not allow: the history simply does not grow
    }
  }
}
