package org.onenumber.core.welfare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.port.out.CallControl;
import org.onenumber.core.port.out.MessageGateway;
import org.onenumber.core.port.out.OutboundCall;
import org.onenumber.testkit.FakeCallControl;
import org.onenumber.testkit.FakeCitizenRegistry;
import org.onenumber.testkit.FakeEscalateCase;
import org.onenumber.testkit.FakeMessageGateway;
import org.onenumber.testkit.FakeSeniorRegistry;
import org.onenumber.testkit.FakeWelfareSchedule;
import org.onenumber.testkit.ManualClock;

/**
 * Eight weeks of the welfare-call program for 2,000 seniors, minute by minute on a manual clock:
 * automated calls whose outcomes (answered 1 or 2, no answer, busy, machine, failed) come from a
 * seeded distribution, text check-ins answered or not, preview calls taken by operators, carrier
 * outages, and restarts mid-day (some between claiming an attempt and handing it to the carrier).
 * Checked: every senior called 2–3 times a week inside their windows, never twice at once, each
 * attempt dialled exactly once, retries exactly as the policy says, every senior unreached N times
 * in a row escalated within the hour (and only those, once), nothing left pending.
 * {@code -Dtests.seed=N} replays one run.
 */
class WelfareCallSimulationTest {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  private static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 11, 23);
  private static final int WEEKS = 8;
  private static final int SENIORS = 2_000;
  private static final int UNREACHED_LIMIT = 3;

  @Test
  void callsEverySeniorInsideTheirWindowsAndEscalatesEveryUnreachableOne() {
    String fixed = System.getProperty("tests.seed");
    long seed = fixed != null ? Long.parseLong(fixed) : System.nanoTime();
    try {
      new Run(seed).go();
    } catch (AssertionError | RuntimeException e) {
      System.err.println("WelfareCallSimulationTest failed; replay with -Dtests.seed=" + seed);
      throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
    }
  }

  /**
   * The seed CI found on 2026-12-03: a senior whose program ends before their next window was
   * dialled outside their windows (no later opening, so {@code dialDue} dialled at once); now the
   * attempt is withdrawn.
   */
  @Test
  void neverDialsOutsideTheWindowsWhenTheProgramEndsBeforeTheNextOne() {
    new Run(68007074845650L).go();
  }

  /** A carrier crash between the schedule's claim and the carrier: the process dies here. */
  private static final class Crash extends RuntimeException {
    Crash() {
      super("crash before the carrier got the call", null, false, false);
    }
  }

  private record Event(Instant at, long order, Runnable action) {}

  private static final class Run {
    private final SplittableRandom random;
    private final ManualClock clock = new ManualClock(FIRST_MONDAY.atStartOfDay(SEOUL).toInstant());
    private final FakeCallControl carrier = new FakeCallControl();
    private final FakeWelfareSchedule schedule = new FakeWelfareSchedule();
    private final FakeSeniorRegistry seniors = new FakeSeniorRegistry();
    private final FakeMessageGateway texts = new FakeMessageGateway();
    private final FakeEscalateCase cases = new FakeEscalateCase(clock);
    private final PriorityQueue<Event> events = new PriorityQueue<>(
        java.util.Comparator.comparing(Event::at).thenComparingLong(Event::order));
    private final Map<SeniorId, Double> reachability = new HashMap<>();
    private final Map<AttemptId, Integer> dialled = new HashMap<>();
    private final Map<SeniorId, ContactId> onCall = new HashMap<>();
    private final WelfareSettings settings;
    private final int callsPerWeek;
    private WelfareProgram program;
    private long order;
    private int restarts;
    private int crashes;
    private boolean crashNext;

    Run(long seed) {
      random = new SplittableRandom(seed);
      callsPerWeek = random.nextBoolean() ? 2 : 3;
      ProgramCalendar calendar = ProgramCalendar.weekdays(SEOUL)
          .withHolidays(Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)));
      settings = new WelfareSettings(calendar, callsPerWeek, RetryPolicy.standard(),
          new EscalationLadder(UNREACHED_LIMIT), Map.of("Jongno-gu", new DepartmentId("welfare-jongno")),
          new DepartmentId("welfare"), Duration.ofHours(2));
      program = newProgram();
    }

    private WelfareProgram newProgram() {
      CallControl crashing = new CrashingCarrier();
      return new WelfareProgram(settings, seniors, schedule, crashing, texts, new FakeCitizenRegistry(),
          (contact, senior, channel, at) -> { }, cases, clock, new SplittableRandom(random.nextLong()));
    }

    void go() {
      enrol();
      Instant end = FIRST_MONDAY.plusWeeks(WEEKS).atStartOfDay(SEOUL).toInstant();
      while (clock.instant().isBefore(end)) {
        step(true);
        clock.advance(Duration.ofMinutes(1));
      }
      drain();
      new Checks(this).all();
      System.out.printf("WelfareCallSimulationTest: %d attempts, %d escalations, %d restarts (%d mid-dial), %d-a-week%n",
          schedule.all().size(), cases.escalated().size(), restarts, crashes, callsPerWeek);
    }

    private void step(boolean planning) {
      var local = clock.instant().atZone(SEOUL);
      if (planning && local.getDayOfWeek() == DayOfWeek.MONDAY && local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
        program.planWeek(local.toLocalDate());
      }
      while (!events.isEmpty() && !events.peek().at().isAfter(clock.instant())) {
        events.poll().action().run();
      }
      boolean open = settings.calendar().hoursOn(local.toLocalDate()).isPresent();
      if (open && random.nextInt(1_500) == 0) {
        restart();
      }
      if (open && random.nextInt(3_000) == 0) {
        carrier.down(true);
        at(Duration.ofMinutes(5 + random.nextInt(30)), () -> carrier.down(false));
      }
      crashNext = open && random.nextInt(400) == 0;
      try {
        program.expire();
        program.dialDue(200);
      } catch (Crash crash) {
        crashes++;
        restart();
        program.dialDue(200);
      }
      offerPreviews();
    }

    private void restart() {
      restarts++;
      program = newProgram();
      program.recover();
    }

    /**
     * Runs on without planning more weeks until every attempt (retries into the next weeks too) is done: each
     * retry may move to the senior's next open window, up to 14 days on ({@link RetryPolicy}), so a call's last
     * attempt may come three such moves after its day (seed 30533712546486: 2027-01-14's 4th attempt due on
     * 2027-02-04, past the 14 days this waited before, session 17).
     */
    private void drain() {
      Instant until = clock.instant().plus(Duration.ofDays(14L * RetryPolicy.standard().steps().size()));
      while (clock.instant().isBefore(until) && !(schedule.due(Instant.MAX, 1).isEmpty()
          && schedule.dialing().isEmpty() && events.isEmpty())) {
        step(false);
        clock.advance(Duration.ofMinutes(1));
      }
    }

    private void at(Duration after, Runnable action) {
      events.add(new Event(clock.instant().plus(after), order++, action));
    }

    /** Operators of the welfare queue take each preview attempt a few minutes after it is due. */
    private void offerPreviews() {
      for (Attempt preview : program.previews()) {
        if (onCall.containsKey(preview.senior())) {
          continue;
        }
        startCall(preview.senior(), preview.contact(), preview.id());
        boolean reached = random.nextDouble() < reachability.get(preview.senior());
        CallOutcome outcome = reached ? (random.nextInt(50) == 0 ? CallOutcome.CONCERN : CallOutcome.WELL)
            : CallOutcome.NO_ANSWER;
        at(Duration.ofMinutes(2 + random.nextInt(5)), () -> endCall(preview.senior(), preview.contact(), outcome));
      }
    }

    private void startCall(SeniorId senior, ContactId contact, AttemptId attempt) {
      ContactId other = onCall.put(senior, contact);
      assertTrue(other == null, "senior " + senior + " called twice at once");
      dialled.merge(attempt, 1, Integer::sum);
      Attempt a = schedule.find(attempt).orElseThrow();
      Senior s = seniors.find(senior).orElseThrow();
      LocalDate day = settings.calendar().day(clock.instant());
      LocalTime time = settings.calendar().time(clock.instant());
      boolean inside = s.windowsOn(day.getDayOfWeek()).stream()
          .anyMatch(w -> settings.calendar().open(day, w).map(o -> !time.isBefore(o.from())
              && !time.isAfter(o.to())).orElse(false));
      assertTrue(inside || a.mode() == CheckInMode.PREVIEW,
          "attempt " + attempt + " of " + senior + " dialled at " + day + " " + time + " outside the windows");
    }

    private void endCall(SeniorId senior, ContactId contact, CallOutcome outcome) {
      onCall.remove(senior, contact);
      carrier.end(contact);
      program.record(contact, outcome);
    }

    /** The fake carrier, with a crash injected before it on some rounds and outcomes drawn for each call. */
    private final class CrashingCarrier implements CallControl {
      @Override
      public boolean carries(ContactId contact) {
        return carrier.carries(contact);
      }

      @Override
      public void originate(OutboundCall call) {
        if (crashNext) {
          crashNext = false;
          throw new Crash();
        }
        carrier.originate(call);
        Attempt attempt = schedule.byContact(call.contact()).orElseThrow();
        startCall(attempt.senior(), call.contact(), attempt.id());
        boolean reached = random.nextDouble() < reachability.get(attempt.senior());
        CallOutcome outcome;
        Duration length;
        if (reached) {
          outcome = random.nextInt(40) == 0 ? CallOutcome.WANTS_TO_TALK : CallOutcome.WELL;
          length = Duration.ofSeconds(40 + random.nextInt(140));
        } else {
          int r = random.nextInt(100);
          outcome = r < 60 ? CallOutcome.NO_ANSWER : r < 80 ? CallOutcome.BUSY : r < 95 ? CallOutcome.MACHINE
              : CallOutcome.FAILED;
          length = Duration.ofSeconds(outcome == CallOutcome.BUSY ? 5 : 30);
        }
        at(length, () -> endCall(attempt.senior(), call.contact(), outcome));
      }

      @Override
      public void placeCallback(ContactId c, CitizenIdentity.Phone p, org.onenumber.core.agent.AgentId a) {}

      @Override
      public void hold(ContactId c) {}

      @Override
      public void resume(ContactId c) {}

      @Override
      public void requeue(ContactId c) {}

      @Override
      public void transfer(ContactId c, String d) {}

      @Override
      public void conference(ContactId c, String t) {}

      @Override
      public void consult(ContactId c, String d) {}

      @Override
      public void completeConsult(ContactId c) {}

      @Override
      public void cancelConsult(ContactId c) {}

      @Override
      public void hangUp(ContactId c) {}
    }

    /** 2,000 seniors: windows on 3–4 weekdays (some partly outside the program's hours), a few late enrolments and leavers. */
    private void enrol() {
      List<Senior> all = new ArrayList<>();
      Instant consentAt = clock.instant().minus(Duration.ofDays(30));
      for (int i = 0; i < SENIORS; i++) {
        SeniorId id = new SeniorId(String.format("S-%05d", i));
        List<DayOfWeek> days = new ArrayList<>(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));
        int count = 3 + random.nextInt(2);
        List<CallWindow> windows = new ArrayList<>();
        for (int d = 0; d < count; d++) {
          DayOfWeek day = days.remove(random.nextInt(days.size()));
          int start = 8 + random.nextInt(9);
          windows.add(new CallWindow(day, LocalTime.of(start, 0), LocalTime.of(Math.min(start + 1 + random.nextInt(3), 20), 0)));
        }
        if (random.nextInt(10) == 0) {
          windows.add(new CallWindow(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(12, 0)));
        }
        int m = random.nextInt(10);
        CheckInMode mode = m == 0 ? CheckInMode.SMS : m == 1 ? CheckInMode.PREVIEW : CheckInMode.AUTOMATED;
        boolean share = random.nextInt(5) != 0;
        LocalDate enrolled = random.nextInt(20) == 0 ? FIRST_MONDAY.plusDays(3 + random.nextInt(30)) : FIRST_MONDAY.minusDays(10);
        LocalDate ends = random.nextInt(20) == 0 ? FIRST_MONDAY.plusDays(10 + random.nextInt(30)) : null;
        if (ends != null && ends.isBefore(enrolled)) {
          ends = enrolled.plusDays(7);
        }
        Senior s = new Senior(id, "Senior " + i, List.of(new CitizenIdentity.Phone(String.format("+8210%08d", i))),
            "", random.nextBoolean() ? "Jongno-gu" : "Mapo-gu", Language.KOREAN,
            new WelfareConsent(true, true, share, random.nextBoolean(), "self", consentAt),
            List.of(new EmergencyContact("Child " + i, "child", new CitizenIdentity.Phone(String.format("+8211%08d", i)))),
            "Volunteer " + i, new CitizenIdentity.Phone(String.format("+8219%08d", i)), windows, mode,
            random.nextInt(5) == 0 ? "hearing aid: speak slowly" : "", enrolled, ends);
        all.add(s);
        reachability.put(id, random.nextInt(25) == 0 ? 0.1 : 0.85);
      }
      seniors.saveAll(all);
      smsReplies();
    }

    /** Seniors on text check-ins reply "1" some minutes after each text, or never. */
    private void smsReplies() {
      texts.onSend(message -> {
        if (!message.body().startsWith("[120 안부확인]")) {
          return;
        }
        var phone = new CitizenIdentity.Phone(message.to());
        var senior = seniors.findByPhone(phone).orElseThrow();
        Attempt attempt = schedule.byContact(message.contact()).orElseThrow();
        dialled.merge(attempt.id(), 1, Integer::sum);
        if (random.nextDouble() < reachability.get(senior.id())) {
          at(Duration.ofMinutes(1 + random.nextInt(90)), () -> program.reply(phone, "1"));
        }
      });
    }
  }

  /** The invariants, over the whole run. */
  private record Checks(Run run) {

    void all() {
      attemptsDialledOnce();
      weeksPlannedInsideWindows();
      retriesAsConfigured();
      escalations();
    }

    void attemptsDialledOnce() {
      for (Attempt a : run.schedule.all()) {
        assertTrue(a.state() == AttemptState.DONE, "attempt " + a + " left " + a.state());
        if (a.outcome() != CallOutcome.WITHDRAWN) {
          assertEquals(1, run.dialled.getOrDefault(a.id(), 0), "attempt " + a.id() + " dialled");
        }
      }
      assertEquals(List.of(), run.schedule.pendingEscalations());
    }

    void weeksPlannedInsideWindows() {
      ProgramCalendar calendar = run.settings.calendar();
      Map<String, Integer> firsts = new HashMap<>();
      for (Attempt a : run.schedule.all()) {
        if (a.number() == 1) {
          LocalDate monday = a.day().with(DayOfWeek.MONDAY);
          firsts.merge(a.senior() + "/" + monday, 1, Integer::sum);
          Senior s = run.seniors.find(a.senior()).orElseThrow();
          assertTrue(RetryPolicy.inside(a.dueAt(), s, calendar), "planned " + a + " outside the windows");
        }
      }
      for (Senior s : run.seniors.enrolledBetween(FIRST_MONDAY, FIRST_MONDAY.plusWeeks(WEEKS))) {
        for (int w = 0; w < WEEKS; w++) {
          LocalDate monday = FIRST_MONDAY.plusWeeks(w);
          int eligible = 0;
          for (int d = 0; d < 7; d++) {
            LocalDate day = monday.plusDays(d);
            if (s.enrolledOn(day) && s.windowsOn(day.getDayOfWeek()).stream()
                .anyMatch(win -> calendar.open(day, win).isPresent())) {
              eligible++;
            }
          }
          int expected = Math.min(run.callsPerWeek, eligible);
          assertEquals(expected, firsts.getOrDefault(s.id() + "/" + monday, 0),
              "calls planned for " + s.id() + " in the week of " + monday + " (" + eligible + " days possible)");
          if (eligible >= 2) {
            assertTrue(expected >= 2 && expected <= 3);
          }
        }
      }
    }

    void retriesAsConfigured() {
      Set<ContactId> escalatedContacts = new java.util.HashSet<>();
      run.cases.escalated().forEach(e -> escalatedContacts.add(e.command().contact()));
      Map<String, Attempt> byKey = new HashMap<>();
      run.schedule.all().forEach(a -> byKey.put(a.senior() + "/" + a.day() + "/" + a.number(), a));
      for (Attempt a : run.schedule.all()) {
        Attempt next = byKey.get(a.senior() + "/" + a.day() + "/" + (a.number() + 1));
        boolean escalatedHere = escalatedContacts.contains(a.contact());
        boolean retry = !a.outcome().reached() && !escalatedHere && a.number() < RetryPolicy.standard().maxAttempts();
        if (!retry) {
          assertTrue(next == null, "retry after " + a);
          continue;
        }
        Senior s = run.seniors.find(a.senior()).orElseThrow();
        var expected = run.settings.retry().next(a.number(), a.endedAt(), s, run.settings.calendar());
        if (expected.isEmpty()) {
          assertTrue(next == null, "retry after " + a + " though the senior has no window left");
          continue;
        }
        assertTrue(next != null, "no retry after " + a);
        assertTrue(!next.dueAt().isBefore(expected.get()), "retry after " + a + " due " + next.dueAt()
            + ", before " + expected.get());
        assertTrue(next.dueAt().equals(expected.get()) || next.startedAt().isAfter(expected.get()),
            "retry after " + a + " moved though it was not delayed");
      }
    }

    void escalations() {
      Map<SeniorId, List<Attempt>> bySenior = new HashMap<>();
      for (Attempt a : run.schedule.all()) {
        if (a.outcome() != CallOutcome.WITHDRAWN) {
          bySenior.computeIfAbsent(a.senior(), k -> new ArrayList<>()).add(a);
        }
      }
      Map<ContactId, FakeEscalateCase.Escalated> byContact = new HashMap<>();
      for (FakeEscalateCase.Escalated e : run.cases.escalated()) {
        assertTrue(byContact.put(e.command().contact(), e) == null, "escalated twice: " + e.command().contact());
      }
      Map<AttemptId, Integer> order = new HashMap<>();
      List<AttemptId> completed = run.schedule.completed();
      for (int i = 0; i < completed.size(); i++) {
        order.put(completed.get(i), i);
      }
      int expected = 0;
      int unreached = 0;
      for (List<Attempt> attempts : bySenior.values()) {
        attempts.sort(java.util.Comparator.comparing(a -> order.get(a.id())));
        int run = 0;
        for (Attempt a : attempts) {
          run = a.outcome().reached() ? 0 : run + 1;
          boolean should = a.outcome() == CallOutcome.WANTS_TO_TALK || a.outcome() == CallOutcome.CONCERN
              || run >= UNREACHED_LIMIT;
          FakeEscalateCase.Escalated e = byContact.get(a.contact());
          assertEquals(should, e != null, "escalation of " + a + " (unreached run " + run + ")");
          if (should) {
            expected++;
            Instant openedAt = e.opened().openedAt();
            assertTrue(!openedAt.isBefore(a.endedAt()) && openedAt.isBefore(a.endedAt().plus(Duration.ofHours(1))),
                "case for " + a + " opened at " + openedAt);
            if (run >= UNREACHED_LIMIT) {
              unreached++;
              run = 0;
            }
          }
        }
      }
      assertEquals(expected, run.cases.escalated().size());
      assertTrue(unreached > 0, "the run had no unreachable senior to escalate");
      long workerTexts = run.texts.sent().stream().filter(m -> m.body().startsWith("[120 welfare] Please check")).count();
      assertTrue(workerTexts > 0 && workerTexts <= expected, "worker texts " + workerTexts);
    }
  }
}
