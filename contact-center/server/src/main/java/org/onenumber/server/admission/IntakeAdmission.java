package org.onenumber.server.admission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Admission control for intake (issue #17): at most {@code onenumber.admission.<kind>} requests of
 * each {@link IntakeKind} in flight; one more is refused at once ({@link IntakeShedException}: 503
 * with {@code Retry-After}, {@code onenumber.admission.retry-after-seconds}) instead of parking a
 * virtual thread behind the database. Nothing of a shed request has run, so nothing of it is
 * stored; Twilio, the simulator and browsers retry. A limit of 0 means unbounded.
 *
 * <p>Metrics: counter {@code onenumber.admission.shed} and gauges {@code onenumber.admission.in.flight}
 * and {@code onenumber.admission.limit}, each tagged {@code kind}.
 */
@Singleton
public final class IntakeAdmission {

  private final Map<IntakeKind, Lane> lanes = new EnumMap<>(IntakeKind.class);
  private final int retryAfterSeconds;

  IntakeAdmission(MeterRegistry registry,
      @Value("${onenumber.admission.webhooks:32}") int webhooks,
      @Value("${onenumber.admission.chat:32}") int chat,
      @Value("${onenumber.admission.reports:64}") int reports,
      @Value("${onenumber.admission.contacts:16}") int contacts,
      @Value("${onenumber.admission.calls:32}") int calls,
      @Value("${onenumber.admission.retry-after-seconds:1}") int retryAfterSeconds) {
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    lanes.put(IntakeKind.WEBHOOK, new Lane(registry, IntakeKind.WEBHOOK, webhooks));
    lanes.put(IntakeKind.CHAT, new Lane(registry, IntakeKind.CHAT, chat));
    lanes.put(IntakeKind.REPORT, new Lane(registry, IntakeKind.REPORT, reports));
    lanes.put(IntakeKind.CONTACT, new Lane(registry, IntakeKind.CONTACT, contacts));
    lanes.put(IntakeKind.CALL, new Lane(registry, IntakeKind.CALL, calls));
  }

  /** A place in {@code kind}'s lane, to be closed when the work is done; refused at once when the lane is full. */
  public Permit enter(IntakeKind kind) {
    Permit permit = tryEnter(kind);
    if (permit == null) {
      throw new IntakeShedException(kind, retryAfterSeconds);
    }
    return permit;
  }

  /** The refusal {@link #enter} throws when {@code kind}'s lane is full (for a controller that answers it itself). */
  public IntakeShedException refusal(IntakeKind kind) {
    return new IntakeShedException(kind, retryAfterSeconds);
  }

  /** As {@link #enter}, null (counted as shed) instead of the exception. */
  public Permit tryEnter(IntakeKind kind) {
    Lane lane = lanes.get(kind);
    if (lane.permits != null && !lane.permits.tryAcquire()) {
      lane.shed.increment();
      return null;
    }
    return new Permit(lane);
  }

  /** Seconds a shed sender should wait before retrying, at least 1. */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Shed requests of {@code kind} since the start. */
  public long shed(IntakeKind kind) {
    return (long) lanes.get(kind).shed.count();
  }

  /** A place taken in one lane; {@link #close} gives it back once, however often it is called. */
  public static final class Permit implements AutoCloseable {
    private final Lane lane;
    private final AtomicBoolean open = new AtomicBoolean(true);

    private Permit(Lane lane) {
      this.lane = lane;
    }

    @Override
    public void close() {
      if (open.compareAndSet(true, false) && lane.permits != null) {
        lane.permits.release();
      }
    }
  }

  private static final class Lane {
    final Semaphore permits;
    final Counter shed;

    Lane(MeterRegistry registry, IntakeKind kind, int limit) {
      this.permits = limit <= 0 ? null : new Semaphore(limit);
      this.shed = Counter.builder("onenumber.admission.shed").tag("kind", kind.key())
          .description("intake requests refused at once because the kind's in-flight limit was reached")
          .register(registry);
      Gauge.builder("onenumber.admission.in.flight", this, l -> l.permits == null ? 0 : limit - l.permits.availablePermits())
          .tag("kind", kind.key()).description("intake requests of this kind in flight").register(registry);
      Gauge.builder("onenumber.admission.limit", () -> limit).tag("kind", kind.key())
          .description("the kind's in-flight limit (0: unbounded)").register(registry);
    }
  }
}
