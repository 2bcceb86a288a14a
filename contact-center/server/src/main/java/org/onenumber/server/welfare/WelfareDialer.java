package org.onenumber.server.welfare;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.DayOfWeek;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicBoolean;
import org.onenumber.core.error.OneNumberException;
import org.onenumber.core.welfare.WelfareProgram;
import org.onenumber.core.welfare.WelfareSettings;
import org.onenumber.server.cluster.RoutingOwnership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialer loop, every {@code onenumber.welfare.dial-every} (30 s) on the scheduler's thread:
 * the first round after a start runs {@link WelfareProgram#recover}; every round plans this week
 * and the next (once each), expires unanswered text check-ins and dials what is due, up to
 * {@code dial-batch} attempts. Off when {@code onenumber.welfare.dialer} is false. A failure is
 * logged and the next round tries again (the schedule is durable, so nothing is lost).
 */
@Singleton
final class WelfareDialer {

  private static final Logger LOG = LoggerFactory.getLogger(WelfareDialer.class);

  private final WelfareProgram program;
  private final WelfareSettings settings;
  private final WelfareConfig config;
  private final InstantSource clock;
  private final AtomicBoolean recovered = new AtomicBoolean();

  WelfareDialer(WelfareProgram program, WelfareSettings settings, WelfareConfig config, InstantSource clock) {
    this.program = program;
    this.settings = settings;
    this.config = config;
    this.clock = clock;
  }

  @Scheduled(fixedDelay = "${onenumber.welfare.dial-every:30s}", initialDelay = "${onenumber.welfare.dial-every:30s}",
      condition = RoutingOwnership.ONE_NODE_ONLY)
  void round() {
    if (!config.dialer) {
      return;
    }
    try {
      if (recovered.compareAndSet(false, true)) {
        program.recover();
      }
      LocalDate monday = settings.calendar().day(clock.instant()).with(DayOfWeek.MONDAY);
      program.planWeek(monday);
      program.planWeek(monday.plusWeeks(1));
      program.expire();
      program.dialDue(config.dialBatch);
    } catch (OneNumberException e) {
      LOG.warn("welfare dialer round failed, next round retries: {}", e.getMessage());
    }
  }
}
