package org.onenumber.server.analytics;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.onenumber.core.analytics.BatchSurveillance;
import org.onenumber.core.analytics.EmergingIssue;
import org.onenumber.core.analytics.LiveSurveillance;
import org.onenumber.core.analytics.Observation;
import org.onenumber.core.analytics.SurveillanceSettings;
import org.onenumber.core.event.ContactCategorized;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.server.events.ContactPlaced;
import org.onenumber.server.events.VertxEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's emerging-issue fold. It subscribes to the event bus at start-up and counts every
 * contact's category at intake (the intake's {@link ContactCategorized}: no I/O per event; in the
 * cluster profile those of every node, so an analyst on any node sees the whole center); the
 * contacts of the last {@code onenumber.analytics.window-days} (28) days are replayed in the
 * background (a Vert.x worker) into a fold of its own, so the server answers at once and the event
 * loop never waits for the replay: until it ends the events received are held and {@link #warm()}
 * is false; then the held events created from the cut-off on are folded after the history and the
 * warmed fold replaces the empty one. A raised alert is logged
 * ({@code WARN emerging issue ...}) and pushed to supervisors' screens ({@link IssueAlertHub});
 * {@link #batch} recomputes the alerts from the stored contacts and dispositions since the same
 * start, which must equal {@link #live}. Alerts count the category at intake (an alarm does not
 * wait for wrap-up); the operator's disposition ({@link ContactCategorized} with the contact's
 * creation) moves the contact to its category while the contact's period is open (later it is
 * late, as in batch). A contact's place comes from its Open311 request ({@link ContactPlaced}):
 * it moves the contact into its hotspot cell and its category's area the same way. Thread-safe
 * (one lock around the fold).
 */
@Context
public final class EmergingIssues {

  private static final Logger LOG = LoggerFactory.getLogger(EmergingIssues.class);
  /** Where a node tells the others of a contact's place (cluster profile). */
  static final String PLACES_ADDRESS = "onenumber.analytics.placed";
  private static final String FROM = "from";
  private final SurveillanceSettings settings;
  private final ContactCategories categories;
  private final JdbcContactPlaces places;
  private final VertxEventPublisher events;
  private final IssueAlertHub alerts;
  private final Vertx vertx;
  private final InstantSource clock;
  private final Instant since;
  private final Object lock = new Object();
  private LiveSurveillance live;
  private final List<Arrival> held = new ArrayList<>();
  private boolean warm;

  EmergingIssues(SurveillanceSettings settings, ContactCategories categories, JdbcContactPlaces places,
      VertxEventPublisher events, IssueAlertHub alerts, Vertx vertx, InstantSource clock,
      @Value("${onenumber.analytics.window-days:28}") int days) {
    this.settings = settings;
    this.categories = categories;
    this.places = places;
    this.events = events;
    this.alerts = alerts;
    this.vertx = vertx;
    this.clock = clock;
    this.since = settings.periodStart(settings.periodOf(clock.instant().minus(Duration.ofDays(days))));
    this.live = new LiveSurveillance(settings);
  }

  @PostConstruct
  void start() {
    Instant cutoff = clock.instant();
    events.subscribeCenterWide(this::onEvent); // a cluster node folds every node's contacts: the whole center
    if (vertx.isClustered()) {
      vertx.eventBus().<JsonObject>consumer(PLACES_ADDRESS, message -> {
        if (!events.node().equals(message.headers().get(FROM))) {
          placedElsewhere(message.body());
        }
      });
    }
    vertx.executeBlocking(() -> warmUp(cutoff), false).onFailure(e -> {
      LOG.error("emerging issues could not warm up; live alerts start from the events since start-up", e);
      swapIn(new LiveSurveillance(settings), Instant.MIN);
    });
  }

  /** An observation and when it arrived (a disposition arrives after its contact was created). */
  private record Arrival(Instant at, Observation observation) {}

  /** Folds history into a fold of its own (no lock held), then the held events, then swaps it in. */
  private int warmUp(Instant cutoff) {
    List<Observation> history = observations(since, cutoff);
    LiveSurveillance warmed = new LiveSurveillance(settings);
    history.forEach(warmed::accept);
    swapIn(warmed, cutoff);
    LOG.info("emerging issues warmed from {} contacts since {}", history.size(), since);
    return history.size();
  }

  /** Folds the held events from {@code cutoff} on into {@code warmed}, which becomes the live fold. */
  private void swapIn(LiveSurveillance warmed, Instant cutoff) {
    List<EmergingIssue> raised = new ArrayList<>();
    synchronized (lock) {
      held.stream().filter(a -> !a.at().isBefore(cutoff)).forEach(a -> raised.addAll(warmed.accept(a.observation())));
      held.clear();
      live = warmed;
      warm = true;
    }
    raised.forEach(this::raise);
  }

  private void onEvent(DomainEvent event) {
    if (event instanceof ContactCategorized c) {
      Observation o = observation(c.contact().value(), c.contactCreatedAt(), c.category());
      if (o != null) {
        accept(c.at(), o);
      }
    }
  }

  /**
   * An Open311 request's place: the contact moves into its cell and area while its day is open. In
   * the cluster profile the place also goes to the other nodes' folds ({@value #PLACES_ADDRESS}: it
   * is an application event of this node, not a domain event on the bus).
   */
  @EventListener
  void onPlaced(ContactPlaced p) {
    fold(p);
    if (vertx.isClustered()) {
      vertx.eventBus().publish(PLACES_ADDRESS, new JsonObject().put("contact", p.contact())
          .put("contactCreatedAt", p.contactCreatedAt().toString()).put("latitude", p.latitude())
          .put("longitude", p.longitude()).put("at", p.at().toString()), new DeliveryOptions().addHeader(FROM, events.node()));
    }
  }

  private void placedElsewhere(JsonObject p) {
    try {
      fold(new ContactPlaced(p.getString("contact"), Instant.parse(p.getString("contactCreatedAt")),
          p.getDouble("latitude"), p.getDouble("longitude"), Instant.parse(p.getString("at"))));
    } catch (RuntimeException e) {
      LOG.warn("a contact's place from another node was not readable: {}", e.toString());
    }
  }

  private void fold(ContactPlaced p) {
    Observation o = placed(p.contact(), p.contactCreatedAt(), p.latitude(), p.longitude());
    if (o != null) {
      accept(p.at(), o);
    }
  }

  /** Folds one observation arrived at its own time. */
  public void accept(Observation o) {
    accept(o.at(), o);
  }

  /** Folds one observation arrived at {@code at} (held until the warm-up ends); logs and pushes what it raised. */
  public void accept(Instant at, Observation o) {
    List<EmergingIssue> raised;
    synchronized (lock) {
      if (!warm) {
        held.add(new Arrival(at, o));
        return;
      }
      raised = live.accept(o);
    }
    raised.forEach(this::raise);
  }

  private void raise(EmergingIssue i) {
    LOG.warn("emerging issue {} {} count {} baseline {} p {}", i.kind(), i.key(), i.count(),
        String.format("%.2f", i.baseline()), String.format("%.2g", i.pValue()));
    alerts.publish(i);
  }

  /** Whether the start-up replay of history has ended (before that, {@link #live} is incomplete). */
  public boolean warm() {
    synchronized (lock) {
      return warm;
    }
  }

  /** The alerts raised live since the window's start. */
  public List<EmergingIssue> live() {
    synchronized (lock) {
      return live.alerts();
    }
  }

  /** The live fold's count of a key ({@code <type>@city}, a cell) in its open period (today). */
  public int openCount(String key) {
    synchronized (lock) {
      return live.openCount(key);
    }
  }

  /** A category's count in today's period of the live fold. */
  public record CategoryCount(String category, int count) {}

  /**
   * The {@code top} categories with most contacts today (the live fold's open period: the category
   * at intake, moved by the operator's disposition), most first, ties by code; empty before the
   * first contact of the day.
   */
  public List<CategoryCount> topCategoriesToday(int top) {
    Map<String, Integer> counts;
    synchronized (lock) {
      counts = live.openCounts(settings.periodOf(clock.instant()), CITY);
    }
    return counts.entrySet().stream()
        .map(e -> new CategoryCount(e.getKey().substring(0, e.getKey().length() - CITY.length()), e.getValue()))
        .sorted(Comparator.comparingInt(CategoryCount::count).reversed()
            .thenComparing(CategoryCount::category))
        .limit(top).toList();
  }

  private static final String CITY = "@city";

  /** The alerts recomputed from the stored contacts since the window's start. */
  public List<EmergingIssue> batch(Instant now) {
    return BatchSurveillance.recompute(settings, observations(since, now.plusSeconds(1)));
  }

  public Instant since() {
    return since;
  }

  /**
   * Stored contacts created in [from, to) as observations of their category at intake, and their
   * dispositions, in arrival order (a contact at its creation, a disposition when it was chosen).
   */
  private List<Observation> observations(Instant from, Instant to) {
    List<Arrival> arrivals = new ArrayList<>();
    categories.contactsAtIntake(from, to).forEach(c -> {
      Observation o = observation(c.id().value(), c.createdAt(), c.topic());
      if (o != null) {
        arrivals.add(new Arrival(c.createdAt(), o));
      }
    });
    categories.disposedInOrder(from, to).stream().filter(d -> d.chosenAt().isBefore(to)).forEach(d -> {
      Observation o = observation(d.contactId(), d.contactCreatedAt(), d.type());
      if (o != null) {
        arrivals.add(new Arrival(d.chosenAt(), o));
      }
    });
    places.placedInOrder(from, to).stream().filter(p -> p.at().isBefore(to)).forEach(p -> {
      Observation o = placed(p.contact(), p.contactCreatedAt(), p.latitude(), p.longitude());
      if (o != null) {
        arrivals.add(new Arrival(p.at(), o));
      }
    });
    arrivals.sort(java.util.Comparator.comparing(Arrival::at)); // stable: a contact before its place or disposition
    return arrivals.stream().map(Arrival::observation).toList();
  }

  /** A place of a contact of the window, as a correction without a category; null when outside. */
  private Observation placed(String contact, Instant createdAt, double latitude, double longitude) {
    if (createdAt.isBefore(since) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
      return null;
    }
    return new Observation(createdAt, null, latitude, longitude, contact);
  }

  /**
   * Only categories of the tree are counted: a contact without one is no observation (null), nor is
   * one created before the window (its disposition would arrive long after its period closed).
   */
  private Observation observation(String contact, Instant createdAt, String category) {
    if (category == null || createdAt.isBefore(since)) {
      return null;
    }
    return categories.type(category).map(t -> Observation.of(contact, createdAt, t.code())).orElse(null);
  }
}
