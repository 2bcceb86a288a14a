package org.onenumber.server.casework;

import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import org.onenumber.core.casework.CaseEntryKind;
import org.onenumber.core.casework.CaseSatisfaction;
import org.onenumber.core.event.CaseUpdated;
import org.onenumber.core.port.out.CaseRegistry;
import org.onenumber.server.events.VertxEventPublisher;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Pushes overdue alerts to every connected page: each {@code OVERDUE} {@link CaseUpdated} from the
 * event bus (written once per due date by {@link org.onenumber.core.casework.CaseDeadlines}) goes
 * to the viewers whose filter admits its department, as it happens (in the cluster profile from every
 * node: {@link VertxEventPublisher#subscribeCenterWide}). A {@code RATED} row whose
 * score is low ({@link CaseSatisfaction#LOW} or less; the case is read on a blocking thread, the
 * event does not carry the score) goes out the same way as a {@code LOW_RATING} alert: the
 * supervisor's follow-up, also listed by the inbox's {@code follow-up} view. Viewers get alerts from the
 * moment they connect; what was overdue before is the inbox's {@code overdue} view and
 * {@code GET /api/v1/overdue-cases}. A viewer more than {@value #VIEWER_BUFFER} alerts behind
 * loses the oldest. Started with the server. Thread-safe.
 */
@Context
public final class CaseAlertHub {

  static final int VIEWER_BUFFER = 64;

  private final Sinks.Many<CaseAlert> sink = Sinks.many().multicast().directBestEffort();

  CaseAlertHub(VertxEventPublisher events, CaseRegistry cases,
      @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
    events.subscribeCenterWide(event -> { // the deadlines may run on another node: a viewer on any node hears them
      if (event instanceof CaseUpdated u && u.kind() == CaseEntryKind.OVERDUE) {
        publish(CaseAlert.of(u));
      } else if (event instanceof CaseUpdated u && u.kind() == CaseEntryKind.RATED) {
        blocking.execute(() -> cases.find(u.caseId())
            .filter(c -> CaseSatisfaction.latest(c).map(s -> s <= CaseSatisfaction.LOW).orElse(false))
            .ifPresent(c -> publish(CaseAlert.lowRating(u))));
      }
    });
  }

  private synchronized void publish(CaseAlert alert) {
    sink.tryEmitNext(alert);
  }

  /** How many viewers hold a subscription now (a vanished client's is released at its stream's next write). */
  public int viewers() {
    return sink.currentSubscriberCount();
  }

  /** The alerts {@code admits} lets through, from now on. */
  public Flux<CaseAlert> stream(Predicate<CaseAlert> admits) {
    return sink.asFlux().filter(admits).onBackpressureBuffer(VIEWER_BUFFER, dropped -> { },
        BufferOverflowStrategy.DROP_OLDEST);
  }
}
