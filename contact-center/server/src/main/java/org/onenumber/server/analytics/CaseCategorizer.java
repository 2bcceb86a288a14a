package org.onenumber.server.analytics;

import io.micronaut.context.annotation.Context;
import io.vertx.core.Vertx;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.onenumber.core.event.CaseOpened;
import org.onenumber.core.port.out.CaseRegistry;
import org.onenumber.server.analytics.JdbcComplaintCategories.Classified;
import org.onenumber.server.analytics.JdbcComplaintCategories.Source;
import org.onenumber.server.events.VertxEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies every case as it opens ({@link CaseOpened} from the event bus, handled on a Vert.x
 * worker, never the event loop), in this order:
 *
 * <ol>
 *   <li>the operator's disposition of the contact it came from ({@code CONTACT});
 *   <li>otherwise the classifier's guess from the citizen's words, the contact's topic
 *       ({@code AUTOMATIC});
 *   <li>otherwise the guess from the case's own category and summary ({@code AUTOMATIC});
 *   <li>otherwise none (department staff can set one).
 * </ol>
 *
 * Cases opened together are classified together (issue #14: filings at hundreds a second): the
 * events queue, and one worker at a time takes up to {@link #BATCH} of them, reads their contacts'
 * dispositions and topics in one statement each and stores their categories in one transaction.
 * A batch that fails is retried case by case, so one bad case stays unclassified alone.
 * A disposition given after the case opened moves it too ({@link Dispositions}); staff's
 * correction ({@code STAFF}) is never overwritten. Failures are logged; the case stays unclassified.
 */
@Context
final class CaseCategorizer {

  /** The most cases one worker classifies in one transaction. */
  static final int BATCH = 256;
  private static final Logger LOG = LoggerFactory.getLogger(CaseCategorizer.class);
  private final JdbcComplaintCategories stored;
  private final ContactCategories categories;
  private final CaseRegistry cases;
  private final InstantSource clock;
  private final Vertx vertx;
  private final ConcurrentLinkedQueue<CaseOpened> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  CaseCategorizer(VertxEventPublisher events, Vertx vertx, JdbcComplaintCategories stored,
      ContactCategories categories, CaseRegistry cases, InstantSource clock) {
    this.stored = stored;
    this.categories = categories;
    this.cases = cases;
    this.clock = clock;
    this.vertx = vertx;
    events.subscribe(event -> {
      if (event instanceof CaseOpened opened) {
        waiting.add(opened);
        drainSoon();
      }
    });
  }

  /** Starts a worker on the waiting cases unless one runs; it starts the next when more came meanwhile. */
  private void drainSoon() {
    if (!draining.compareAndSet(false, true)) {
      return;
    }
    vertx.executeBlocking(() -> {
      List<CaseOpened> batch = new ArrayList<>();
      CaseOpened next;
      while (batch.size() < BATCH && (next = waiting.poll()) != null) {
        batch.add(next);
      }
      classify(batch);
      return null;
    }, false).onComplete(done -> {
      draining.set(false);
      if (!waiting.isEmpty()) {
        drainSoon();
      }
    });
  }

  private void classify(List<CaseOpened> batch) {
    try {
      stored.classifyCases(chosen(batch));
    } catch (RuntimeException e) {
      LOG.warn("classifying {} cases together failed; one by one", batch.size(), e);
      for (CaseOpened opened : batch) {
        try {
          stored.classifyCases(chosen(List.of(opened)));
        } catch (RuntimeException alone) {
          LOG.error("case {} could not be classified", opened.caseId().value(), alone);
        }
      }
    }
  }

  private List<Classified> chosen(List<CaseOpened> batch) {
    List<String> contacts = batch.stream().map(e -> e.contact().value()).distinct().toList();
    Map<String, String> disposed = stored.dispositions(contacts);
    Map<String, String> topics = stored.topics(contacts);
    List<Classified> chosen = new ArrayList<>();
    for (CaseOpened opened : batch) {
      String caseId = opened.caseId().value();
      String disposition = disposed.get(opened.contact().value());
      if (disposition != null) {
        chosen.add(new Classified(caseId, disposition, Source.CONTACT, null, clock.instant()));
        continue;
      }
      Optional.ofNullable(topics.get(opened.contact().value())).flatMap(this::typeOf)
          .or(() -> cases.find(opened.caseId()).flatMap(c -> typeOf(c.category() + " " + c.summary())))
          .ifPresent(type -> chosen.add(new Classified(caseId, type, Source.AUTOMATIC, null, clock.instant())));
    }
    return chosen;
  }

  /** A type of the tree for some words, never a verbatim topic. */
  private Optional<String> typeOf(String words) {
    return categories.categoryOf(words).flatMap(categories::type).map(t -> t.code());
  }
}
