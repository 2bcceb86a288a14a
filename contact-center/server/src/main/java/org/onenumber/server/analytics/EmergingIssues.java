package org.onenumber.server.analytics;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.onenumber.core.analytics.BatchSurveillance;
import org.onenumber.core.analytics.EmergingIssue;
import org.onenumber.core.analytics.LiveSurveillance;
import org.onenumber.core.analytics.Observation;
import org.onenumber.core.analytics.SurveillanceSettings;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.event.ContactCreated;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.server.events.VertxEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's emerging-issue fold. At start-up it replays the contacts of the last
 * {@code onenumber.analytics.window-days} (28) days, categorised, then folds every created
 * contact from the event bus (its topic looked up off the event loop). A raised alert is logged
 * for supervisors ({@code WARN emerging issue ...}) and listed by the analytics API;
 * {@link #batch} recomputes the alerts from the stored contacts since the same start, which must
 * equal {@link #live}. Contacts carry no place yet, so only category bursts (city-wide) come from
 * contacts; hotspots need located observations. Thread-safe (one lock around the fold).
 */
@Context
public final class EmergingIssues {

  private static final Logger LOG = LoggerFactory.getLogger(EmergingIssues.class);
  private final SurveillanceSettings settings;
  private final ContactCategories categories;
  private final VertxEventPublisher events;
  private final ContactJournal journal;
  private final Vertx vertx;
  private final InstantSource clock;
  private final Instant since;
  private final LiveSurveillance live;

  EmergingIssues(SurveillanceSettings settings, ContactCategories categories, VertxEventPublisher events,
      ContactJournal journal, Vertx vertx, InstantSource clock, @Value("${onenumber.analytics.window-days:28}") int days) {
    this.settings = settings;
    this.categories = categories;
    this.events = events;
    this.journal = journal;
    this.vertx = vertx;
    this.clock = clock;
    this.since = settings.periodStart(settings.periodOf(clock.instant().minus(Duration.ofDays(days))));
    this.live = new LiveSurveillance(settings);
  }

  @PostConstruct
  void start() {
    List<Contact> history = categories.contactsCreated(since, clock.instant().plusSeconds(1));
    synchronized (live) {
      history.forEach(c -> live.accept(observation(c.createdAt(), c.topic())));
    }
    LOG.info("emerging issues warmed from {} contacts since {}", history.size(), since);
    events.subscribe(this::onEvent);
  }

  private void onEvent(DomainEvent event) {
    if (event instanceof ContactCreated created) {
      vertx.executeBlocking(() -> journal.find(created.contact()).map(c -> categories.categoryOf(c.topic())).orElse(null))
          .onSuccess(category -> accept(observation(created.at(), category)));
    }
  }

  /** Folds one observation; logs what it raised. */
  public void accept(Observation o) {
    List<EmergingIssue> raised;
    synchronized (live) {
      raised = live.accept(o);
    }
    raised.forEach(i -> LOG.warn("emerging issue {} {} count {} baseline {} p {}", i.kind(), i.key(), i.count(),
        String.format("%.2f", i.baseline()), String.format("%.2g", i.pValue())));
  }

  /** The alerts raised live since the window's start. */
  public List<EmergingIssue> live() {
    synchronized (live) {
      return live.alerts();
    }
  }

  /** The alerts recomputed from the stored contacts since the window's start. */
  public List<EmergingIssue> batch(Instant now) {
    List<Observation> history = categories.contactsCreated(since, now.plusSeconds(1)).stream()
        .map(c -> observation(c.createdAt(), c.topic())).toList();
    return BatchSurveillance.recompute(settings, history);
  }

  public Instant since() {
    return since;
  }

  /** Only categories of the tree are counted: a topic the classifier did not know counts as none. */
  private Observation observation(Instant at, String category) {
    return Observation.unlocated(at, category == null ? null : categories.type(category).map(t -> t.code()).orElse(null));
  }
}
