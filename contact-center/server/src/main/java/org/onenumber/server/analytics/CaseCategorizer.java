package org.onenumber.server.analytics;

import io.micronaut.context.annotation.Context;
import io.vertx.core.Vertx;
import java.time.InstantSource;
import java.util.Optional;
import org.onenumber.core.event.CaseOpened;
import org.onenumber.core.port.out.CaseRegistry;
import org.onenumber.core.port.out.ContactJournal;
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
 * A disposition given after the case opened moves it too ({@link Dispositions}); staff's
 * correction ({@code STAFF}) is never overwritten. Failures are logged; the case stays unclassified.
 */
@Context
final class CaseCategorizer {

  private static final Logger LOG = LoggerFactory.getLogger(CaseCategorizer.class);
  private final JdbcComplaintCategories stored;
  private final ContactCategories categories;
  private final ContactJournal journal;
  private final CaseRegistry cases;
  private final InstantSource clock;

  CaseCategorizer(VertxEventPublisher events, Vertx vertx, JdbcComplaintCategories stored,
      ContactCategories categories, ContactJournal journal, CaseRegistry cases, InstantSource clock) {
    this.stored = stored;
    this.categories = categories;
    this.journal = journal;
    this.cases = cases;
    this.clock = clock;
    events.subscribe(event -> {
      if (event instanceof CaseOpened opened) {
        vertx.executeBlocking(() -> classify(opened), false)
            .onFailure(e -> LOG.error("case {} could not be classified", opened.caseId().value(), e));
      }
    });
  }

  private boolean classify(CaseOpened opened) {
    String caseId = opened.caseId().value();
    Optional<String> disposed = stored.disposition(opened.contact().value());
    if (disposed.isPresent()) {
      stored.classifyCase(caseId, disposed.get(), Source.CONTACT, null, clock.instant());
      return true;
    }
    Optional<String> guessed = journal.find(opened.contact()).flatMap(c -> typeOf(c.topic()))
        .or(() -> cases.find(opened.caseId()).flatMap(c -> typeOf(c.category() + " " + c.summary())));
    guessed.ifPresent(type -> stored.classifyCase(caseId, type, Source.AUTOMATIC, null, clock.instant()));
    return guessed.isPresent();
  }

  /** A type of the tree for some words, never a verbatim topic. */
  private Optional<String> typeOf(String words) {
    return categories.categoryOf(words).flatMap(categories::type).map(t -> t.code());
  }
}
