package org.onenumber.server.ops;

import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.event.CaseOpened;
import org.onenumber.core.event.ContactCategorized;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.ops.sla.ContactReplay;
import org.onenumber.ops.sla.LiveServiceLevels;
import org.onenumber.ops.sla.ServiceLevelPolicy;
import org.onenumber.server.analytics.ContactCategories;
import org.onenumber.server.events.VertxEventPublisher;
import org.onenumber.server.persistence.JdbcServiceLevelFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the live fold. At start-up (in order):
 *
 * <ol>
 *   <li>replays today's stored facts (contacts since local midnight with every step, agent state
 *       changes, surveys, escalations) into the fold, so a restart loses no figure;
 *   <li>subscribes to the event bus: every domain event goes into the fold, then to the wallboard
 *       (in the cluster profile the events of every node, {@link VertxEventPublisher#subscribeCenterWide}).
 *       A contact's category (the category of contact-level FCR) arrives as the intake's
 *       {@link ContactCategorized} event ({@link ContactCategories}), so the fold reads nothing.
 * </ol>
 *
 * Every hour, days before yesterday are forgotten. Events published between steps 1 and 2
 * (milliseconds at start) are not counted. Listener
 * failures are logged by the publisher and skip only that event.
 */
@Context
final class ServiceLevelFeed {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceLevelFeed.class);
  private final LiveServiceLevels live;
  private final VertxEventPublisher events;
  private final JdbcServiceLevelFacts facts;
  private final ContactCategories categories;
  private final WallboardHub hub;
  private final InstantSource clock;
  private final ServiceLevelPolicy policy;

  ServiceLevelFeed(LiveServiceLevels live, VertxEventPublisher events, JdbcServiceLevelFacts facts,
      ContactCategories categories, WallboardHub hub, InstantSource clock, ServiceLevelPolicy policy) {
    this.live = live;
    this.events = events;
    this.facts = facts;
    this.categories = categories;
    this.hub = hub;
    this.clock = clock;
    this.policy = policy;
  }

  @PostConstruct
  void start() {
    Instant now = clock.instant();
    Instant midnight = now.atZone(policy.zone()).toLocalDate().atStartOfDay(policy.zone()).toInstant();
    Instant until = now.plusSeconds(1);
    List<Contact> contacts = categories.contactsCreated(midnight, until);
    ContactReplay.events(contacts, facts.agentChanges(midnight, until), facts.surveys(midnight, until))
        .forEach(live);
    facts.escalated(midnight, until).forEach(id -> live.accept(new CaseOpened(
        new org.onenumber.core.casework.CaseId("replayed"), new org.onenumber.core.directory.DepartmentId("replayed"),
        "replayed", id, now, now)));
    LOG.info("service levels warmed from {} contacts since {}", contacts.size(), midnight);
    events.subscribeCenterWide(this::onEvent); // a cluster node folds every node's events: the whole center
  }

  /** Keeps yesterday and today in memory (plus contacts within the repeat window). */
  @Scheduled(fixedDelay = "1h", initialDelay = "1h")
  void forgetOldDays() {
    Instant now = clock.instant();
    live.forget(now.atZone(policy.zone()).toLocalDate().minusDays(1).atStartOfDay(policy.zone()).toInstant());
  }

  private void onEvent(DomainEvent event) {
    live.accept(event);
    hub.changed(event.at());
  }
}
