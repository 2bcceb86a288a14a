package org.onenumber.server.telephony;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.onenumber.telephony.asterisk.RingTimings;

/**
 * The ring path of an offered call (routing's offer → the caller's session → {@code Dial} → the
 * operator's answered leg → routing's {@code Accept}) as Micrometer meters, in wall time: the timer
 * {@value #NAME} (Prometheus {@code onenumber_call_ring_seconds}) with tag {@code stage} = {@code
 * routed}, {@code mailbox}, {@code dial}, {@code answer}, {@code accept}, {@code total} (see {@link
 * RingTimings.Stage}), and the counter {@value #SKIPPED} ({@code onenumber_call_ring_skipped_total})
 * with tag {@code reason} = {@code stale} or {@code no-session}. Thread-safe.
 */
final class RingMeters implements RingTimings {

  static final String NAME = "onenumber.call.ring";
  static final String SKIPPED = "onenumber.call.ring.skipped";
  private final Map<Stage, Timer> timers = new EnumMap<>(Stage.class);
  private final Map<Skipped, Counter> skipped = new EnumMap<>(Skipped.class);

  RingMeters(MeterRegistry registry) {
    for (Stage stage : Stage.values()) {
      timers.put(stage, Timer.builder(NAME).tag("stage", stage.tag()).publishPercentiles(0.5, 0.99)
          .publishPercentileHistogram().description("an offered call's ring path, by stage (wall time)")
          .register(registry));
    }
    for (Skipped reason : Skipped.values()) {
      skipped.put(reason, Counter.builder(SKIPPED).tag("reason", reason.tag())
          .description("offers of calls not dialled: withdrawn while waiting, or the call's session had ended")
          .register(registry));
    }
  }

  @Override
  public void record(Stage stage, long nanos) {
    timers.get(stage).record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
  }

  @Override
  public void skipped(Skipped reason) {
    skipped.get(reason).increment();
  }
}
