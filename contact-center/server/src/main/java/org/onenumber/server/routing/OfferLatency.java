package org.onenumber.server.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.onenumber.server.config.ServerTime;

/**
 * Where the time goes between a citizen's arrival and the offer frame on an operator's socket,
 * for contacts offered as they arrive: the Micrometer timer {@value #NAME} (Prometheus {@code
 * onenumber_offer_latency_seconds}) with tag {@code stage}, in wall time:
 *
 * <ol>
 *   <li>{@code intake}: from intake's stamp (before its journal commit) until routing's listener
 *       receives the contact's event: the intake transaction and the event's publication;
 *   <li>{@code handover}: from there until the routing context's batch reaches the arrival — the
 *       wait behind the work already queued there (agents' accepts, wrap-ups, logins, timer ticks,
 *       and the batches before, each one journal commit: {@link RoutingQueue});
 *   <li>{@code routing}: reading the contact back, the engine's decision, the rest of its batch,
 *       the batch's one journal commit ({@link JournaledEngine}) and the publication of the
 *       commands before it in the batch;
 *   <li>{@code push}: publishing the decisions and writing the frames to the agents' sockets;
 *   <li>{@code total}: the four together.
 * </ol>
 *
 * The intake stamp is server time, so under a simulated clock the first stage is converted back to
 * wall time by the speed-up (to a few microseconds × speed-up). Used on the routing context only.
 */
final class OfferLatency {

  static final String NAME = "onenumber.offer.latency";
  /** The routing context's turns ({@code onenumber_routing_batch_seconds{stage=apply|commit|publish}}). */
  static final String BATCH = "onenumber.routing.batch";
  private final Timer intake;
  private final Timer handover;
  private final Timer routing;
  private final Timer push;
  private final Timer total;
  private final double speedup;
  private final Timer batchApply;
  private final Timer batchCommit;
  private final Timer batchPublish;
  private final DistributionSummary batchCommands;
  private final Counter handed;
  private final Counter readAhead;
  private final Counter readInTurn;

  OfferLatency(MeterRegistry registry, ServerTime time) {
    this.intake = timer(registry, "intake");
    this.handover = timer(registry, "handover");
    this.routing = timer(registry, "routing");
    this.push = timer(registry, "push");
    this.total = timer(registry, "total");
    this.speedup = time.speedup();
    this.batchApply = batchTimer(registry, "apply");
    this.batchCommit = batchTimer(registry, "commit");
    this.batchPublish = batchTimer(registry, "publish");
    this.batchCommands = DistributionSummary.builder(BATCH + ".commands").publishPercentiles(0.5, 0.99)
        .description("commands written in one turn of the routing context (one journal transaction)").register(registry);
    this.handed = arrivals(registry, "handed");
    this.readAhead = arrivals(registry, "read-ahead");
    this.readInTurn = arrivals(registry, "read-in-turn");
  }

  /**
   * {@value #ARRIVALS} (Prometheus {@code onenumber_routing_arrivals_total}) by {@code contact}: how
   * routing got each arrival's contact — {@code handed} by its writer ({@link HandedContacts}, no
   * read), {@code read-ahead} from the journal before its turn, {@code read-in-turn} by the routing
   * context itself at its turn (a round trip inside the turn, the batch waiting).
   */
  static final String ARRIVALS = "onenumber.routing.arrivals";

  private static Counter arrivals(MeterRegistry registry, String how) {
    return Counter.builder(ARRIVALS).tag("contact", how)
        .description("arrivals routed, by how routing got the contact").register(registry);
  }

  /** An arrival's contact was handed by its writer. */
  void handed() {
    handed.increment();
  }

  /** An arrival's contact was read ahead of its turn ({@code true}) or by the context at its turn. */
  void read(boolean ahead) {
    (ahead ? readAhead : readInTurn).increment();
  }

  private static Timer batchTimer(MeterRegistry registry, String stage) {
    return Timer.builder(BATCH).tag("stage", stage).publishPercentiles(0.5, 0.99).publishPercentileHistogram()
        .description("one turn of the routing context, by stage: apply (arrivals read, engine), commit, publish")
        .register(registry);
  }

  /**
   * One turn of the routing context that wrote {@code commands}: {@code applyNanos} reading the
   * arrivals not read ahead and applying every command, {@code commitNanos} the one journal
   * transaction, {@code publishNanos} publishing, pushing and answering ({@value #BATCH}).
   */
  void batch(int commands, long applyNanos, long commitNanos, long publishNanos) {
    batchCommands.record(commands);
    batchApply.record(applyNanos, TimeUnit.NANOSECONDS);
    batchCommit.record(commitNanos, TimeUnit.NANOSECONDS);
    batchPublish.record(publishNanos, TimeUnit.NANOSECONDS);
  }

  private static Timer timer(MeterRegistry registry, String stage) {
    return Timer.builder(NAME).tag("stage", stage).publishPercentiles(0.5, 0.99).publishPercentileHistogram()
        .description("citizen's arrival to the offer frame on the operator's socket, by stage")
        .register(registry);
  }

  /**
   * One contact offered on arrival: stamped {@code arrivedAt} by intake, its event received by
   * routing at server time {@code receivedAt}, then {@code handoverNanos}, {@code routingNanos} and
   * {@code pushNanos} of wall time.
   */
  void record(Instant arrivedAt, Instant receivedAt, long handoverNanos, long routingNanos, long pushNanos) {
    long intakeNanos = Math.max(0, Math.round(Duration.between(arrivedAt, receivedAt).toNanos() / speedup));
    intake.record(intakeNanos, TimeUnit.NANOSECONDS);
    handover.record(handoverNanos, TimeUnit.NANOSECONDS);
    routing.record(routingNanos, TimeUnit.NANOSECONDS);
    push.record(pushNanos, TimeUnit.NANOSECONDS);
    total.record(intakeNanos + handoverNanos + routingNanos + pushNanos, TimeUnit.NANOSECONDS);
  }
}
