package org.onenumber.server.welfare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.scheduling.ScheduledExecutorTaskScheduler;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.directory.Language;
import org.onenumber.core.welfare.Attempt;
import org.onenumber.core.welfare.AttemptId;
import org.onenumber.core.welfare.AttemptState;
import org.onenumber.core.welfare.CallOutcome;
import org.onenumber.core.welfare.CallWindow;
import org.onenumber.core.welfare.CheckInMode;
import org.onenumber.core.welfare.Senior;
import org.onenumber.core.welfare.SeniorId;
import org.onenumber.core.welfare.WelfareConsent;
import org.onenumber.core.welfare.WelfareProgram;
import org.onenumber.core.welfare.WelfareSettings;
import org.onenumber.testkit.FakeCallControl;
import org.onenumber.testkit.FakeCitizenRegistry;
import org.onenumber.testkit.FakeEscalateCase;
import org.onenumber.testkit.FakeMessageGateway;
import org.onenumber.testkit.FakeSeniorRegistry;
import org.onenumber.testkit.FakeWelfareSchedule;

/**
 * The production dialer wakes at each due time, not at its 30-second round: the injected clock starts on
 * a Monday 10:00 in Seoul and runs in real time, the rounds are never run but once at the start.
 */
class WelfareDialerTest {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
  private static final SeniorId SENIOR = new SeniorId("senior-1");

  private final InstantSource clock = InstantSource.offset(InstantSource.system(),
      Duration.between(Instant.now(), MONDAY.atTime(10, 0).atZone(SEOUL).toInstant()));
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
  private final WelfareDueTimer timer = new WelfareDueTimer(new ScheduledExecutorTaskScheduler(executor), clock);
  private final FakeWelfareSchedule stored = new FakeWelfareSchedule();
  private final TimedWelfareSchedule schedule = new TimedWelfareSchedule(stored, timer);
  private final FakeCallControl carrier = new FakeCallControl();
  private final WelfareConfig config = new WelfareConfig();
  private final WelfareProgram program;
  private final WelfareDialer dialer;

  WelfareDialerTest() {
    FakeSeniorRegistry seniors = new FakeSeniorRegistry();
    seniors.saveAll(List.of(new Senior(SENIOR, "Kim", List.of(new CitizenIdentity.Phone("+821012345678")), "",
        "Jongno-gu", Language.KOREAN, new WelfareConsent(true, true, false, false, "self", Instant.EPOCH), List.of(),
        "", null, List.of(new CallWindow(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(18, 0)),
            new CallWindow(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(18, 0))),
        CheckInMode.AUTOMATED, "", MONDAY.minusDays(7), null)));
    WelfareSettings settings = config.settings(SEOUL);
    program = new WelfareProgram(settings, seniors, schedule, carrier, new FakeMessageGateway(),
        new FakeCitizenRegistry(), (contact, senior, channel, at) -> { }, new FakeEscalateCase(clock), clock,
        new SplittableRandom(7));
    dialer = new WelfareDialer(program, settings, config, schedule, timer, clock);
  }

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void aCheckInGoesOutWhenItFallsDueAndTheTimerIsReArmedWhenTheScheduleChanges() {
    Attempt first = Attempt.scheduled(new AttemptId("attempt-1"), SENIOR, MONDAY, 1,
        clock.instant().plusMillis(1500), CheckInMode.AUTOMATED);
    stored.savePlan(MONDAY, List.of(first)); // stored directly: only the dialer's round can find it
    stored.savePlan(MONDAY.plusWeeks(1), List.of());

    dialer.round(); // nothing due yet: the round arms the timer on the next due time
    assertEquals(first.dueAt(), timer.armedFor());
    assertTrue(carrier.originated().isEmpty());

    waitFor(() -> carrier.originated().size() == 1);
    Attempt dialed = stored.find(first.id()).orElseThrow();
    assertEquals(AttemptState.DIALING, dialed.state());
    assertTrue(!dialed.startedAt().isBefore(first.dueAt()), "not before its due time");
    assertTrue(Duration.between(first.dueAt(), dialed.startedAt()).compareTo(Duration.ofSeconds(10)) < 0,
        "dialed at its due time, not at the next 30-s round: " + Duration.between(first.dueAt(), dialed.startedAt()));

    assertTrue(program.record(dialed.contact(), CallOutcome.NO_ANSWER)); // the retry (30 min later) re-arms it
    Attempt retry = stored.due(Instant.MAX, 10).getFirst();
    assertEquals(2, retry.number());
    assertEquals(retry.dueAt(), timer.armedFor());

    schedule.reschedule(retry.id(), clock.instant().plusMillis(500)); // an earlier due time replaces the armed one
    waitFor(() -> carrier.originated().size() == 2);
    assertEquals(AttemptState.DIALING, stored.find(retry.id()).orElseThrow().state());
  }

  private static void waitFor(BooleanSupplier condition) {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < until, "timed out");
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
