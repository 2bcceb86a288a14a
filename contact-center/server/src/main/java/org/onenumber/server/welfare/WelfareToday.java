package org.onenumber.server.welfare;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.annotation.Serdeable;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import org.onenumber.core.welfare.Attempt;
import org.onenumber.core.welfare.CallOutcome;
import org.onenumber.core.welfare.WelfareSettings;
import org.onenumber.server.persistence.JdbcWelfareSchedule;
import org.onenumber.server.persistence.JdbcSeniorRegistry;

/**
 * Today's welfare figures, computed from the schedule on request and every 30 s for the Prometheus
 * gauges {@code onenumber_welfare_<figure>} (planned, attempts, reached, not_reached, waiting,
 * escalated, reached_ratio, enrolled). Thread-safe.
 */
@Context
final class WelfareToday {

  /** The figures of one day in the program's zone. */
  @Serdeable
  record Figures(LocalDate day, int enrolled, int planned, int attempts, int done, int reached, int notReached,
      int waiting, int escalated, double reachedPercent) {}

  private final JdbcWelfareSchedule schedule;
  private final JdbcSeniorRegistry seniors;
  private final WelfareSettings settings;
  private final InstantSource clock;
  private final AtomicReference<Figures> last = new AtomicReference<>();

  WelfareToday(JdbcWelfareSchedule schedule, JdbcSeniorRegistry seniors, WelfareSettings settings,
      InstantSource clock, MeterRegistry registry) {
    this.schedule = schedule;
    this.seniors = seniors;
    this.settings = settings;
    this.clock = clock;
    gauge(registry, "enrolled", Figures::enrolled);
    gauge(registry, "planned", Figures::planned);
    gauge(registry, "attempts", Figures::attempts);
    gauge(registry, "reached", Figures::reached);
    gauge(registry, "not.reached", Figures::notReached);
    gauge(registry, "waiting", Figures::waiting);
    gauge(registry, "escalated", Figures::escalated);
    gauge(registry, "reached.ratio", f -> f.done() == 0 ? 0 : (double) f.reached() / f.done());
  }

  private void gauge(MeterRegistry registry, String name, ToDoubleFunction<Figures> figure) {
    Gauge.builder("onenumber.welfare." + name, last, l -> l.get() == null ? 0 : figure.applyAsDouble(l.get()))
        .description("welfare program today: " + name.replace('.', ' ')).register(registry);
  }

  @Scheduled(fixedDelay = "30s", initialDelay = "5s")
  void refresh() {
    try {
      now();
    } catch (RuntimeException e) {
      // the gauges keep the last figures; the next round tries again
    }
  }

  /** Computes today's figures now (and keeps them for the gauges). */
  Figures now() {
    LocalDate day = settings.calendar().day(clock.instant());
    List<Attempt> attempts = schedule.between(day, day);
    int planned = 0;
    int done = 0;
    int reached = 0;
    int waiting = 0;
    for (Attempt a : attempts) {
      planned += a.number() == 1 ? 1 : 0;
      if (a.outcome() == null) {
        waiting++;
      } else if (a.outcome() != CallOutcome.WITHDRAWN) {
        done++;
        reached += a.outcome().reached() ? 1 : 0;
      }
    }
    double percent = done == 0 ? 0 : Math.round(1000.0 * reached / done) / 10.0;
    Figures figures = new Figures(day, seniors.enrolledOn(day), planned, attempts.size(), done, reached,
        done - reached, waiting, schedule.casesBetween(day, day).size(), percent);
    last.set(figures);
    return figures;
  }
}
