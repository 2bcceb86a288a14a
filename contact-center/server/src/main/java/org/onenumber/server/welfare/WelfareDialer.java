package org.onenumber.server.welfare;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.onenumber.core.error.OneNumberException;
import org.onenumber.core.welfare.WelfareProgram;
import org.onenumber.core.welfare.WelfareSettings;
import org.onenumber.server.cluster.RoutingOwnership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialer. It wakes at each due time: the {@link WelfareDueTimer} is armed on the schedule's next
 * due time (after every run, and by {@link TimedWelfareSchedule} whenever an attempt is scheduled), and
 * dials what is due then, up to {@code dial-batch} attempts (a full batch wakes it again at once).
 * The round, every {@code onenumber.welfare.dial-every} (30 s) on the scheduler's thread, is the safety
 * net: the first round after a start runs {@link WelfareProgram#recover} (the timer dials nothing before
 * it); every round plans this week and the next (once each), expires unanswered text check-ins, dials
 * what is due (also what the timer could not claim, e.g. a senior still on a call) and re-arms the timer.
 * Off when {@code onenumber.welfare.dialer} is false. A failure is logged and the next round tries again
 * (the schedule is durable, so nothing is lost). Runs one at a time.
 */
@Singleton
final class WelfareDialer {

  private static final Logger LOG = LoggerFactory.getLogger(WelfareDialer.class);

  private final WelfareProgram program;
  private final WelfareSettings settings;
  private final WelfareConfig config;
  private final TimedWelfareSchedule schedule;
  private final WelfareDueTimer timer;
  private final InstantSource clock;
  private final AtomicBoolean recovered = new AtomicBoolean();
  private final ReentrantLock running = new ReentrantLock();

  WelfareDialer(WelfareProgram program, WelfareSettings settings, WelfareConfig config, TimedWelfareSchedule schedule,
      WelfareDueTimer timer, InstantSource clock) {
    this.program = program;
    this.settings = settings;
    this.config = config;
    this.schedule = schedule;
    this.timer = timer;
    this.clock = clock;
    timer.onDue(this::dueNow);
  }

  @Scheduled(fixedDelay = "${onenumber.welfare.dial-every:30s}", initialDelay = "${onenumber.welfare.dial-every:30s}",
      condition = RoutingOwnership.ONE_NODE_ONLY)
  void round() {
    if (!config.dialer) {
      return;
    }
    running.lock();
    try {
      if (recovered.compareAndSet(false, true)) {
        program.recover();
      }
      LocalDate monday = settings.calendar().day(clock.instant()).with(DayOfWeek.MONDAY);
      program.planWeek(monday);
      program.planWeek(monday.plusWeeks(1));
      program.expire();
      dial();
    } catch (OneNumberException e) {
      LOG.warn("welfare dialer round failed, next round retries: {}", e.getMessage());
    } finally {
      running.unlock();
    }
  }

  /** The timer's wake-up: dials what is due now and re-arms on the next due time. */
  void dueNow() {
    if (!config.dialer || !recovered.get()) {
      return;
    }
    running.lock();
    try {
      dial();
    } catch (OneNumberException e) {
      LOG.warn("welfare dialer wake-up failed, the next round retries: {}", e.getMessage());
    } finally {
      running.unlock();
    }
  }

  private void dial() {
    Instant now = clock.instant();
    if (program.dialDue(config.dialBatch) >= config.dialBatch) {
      timer.arm(now);
    } else {
      schedule.nextDueAfter(now).ifPresent(timer::arm);
    }
  }
}
