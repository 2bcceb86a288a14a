package org.onenumber.server.welfare;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Today's per-district welfare figures as Prometheus gauges with a {@code district} label:
 * {@code onenumber_welfare_district_<figure>} for enrolled, attempts, reached, not_reached and
 * escalated (the page's table, today only). Refreshed every 30 s; a district that drops out of the
 * figures drops out of the gauges. Thread-safe (one scheduled refresher).
 */
@Context
final class WelfareDistrictGauges {

  private static final Map<String, ToIntFunction<WelfareReports.DistrictRow>> FIGURES = Map.of(
      "enrolled", WelfareReports.DistrictRow::enrolled, "attempts", WelfareReports.DistrictRow::attempts,
      "reached", WelfareReports.DistrictRow::reached, "not.reached", WelfareReports.DistrictRow::notReached,
      "escalated", WelfareReports.DistrictRow::escalated);

  private final WelfareReports reports;
  private final InstantSource clock;
  private final Map<String, MultiGauge> gauges;

  WelfareDistrictGauges(WelfareReports reports, InstantSource clock, MeterRegistry registry) {
    this.reports = reports;
    this.clock = clock;
    this.gauges = FIGURES.keySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(name -> name,
        name -> MultiGauge.builder("onenumber.welfare.district." + name)
            .description("welfare program today per district: " + name.replace('.', ' ')).register(registry)));
  }

  @Scheduled(fixedDelay = "30s", initialDelay = "7s")
  void refresh() {
    try {
      LocalDate today = reports.today(clock.instant());
      List<WelfareReports.DistrictRow> rows = reports.districts(today, today);
      FIGURES.forEach((name, figure) -> gauges.get(name).register(rows.stream()
          .map(r -> MultiGauge.Row.of(Tags.of("district", r.district()), figure.applyAsInt(r))).toList(), true));
    } catch (RuntimeException e) {
      // the gauges keep the last figures; the next round tries again
    }
  }
}
