package org.onenumber.server.happycall;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.happycall.HappyCalls;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.server.events.VertxEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on the event bus for contacts closed after wrap-up (resolved by an agent) and schedules
 * their happy-call on a worker thread; the event-loop thread only hands over. Off when
 * {@code onenumber.happy-call.enabled} is false. A failure is logged: that contact gets no survey.
 */
@Context
final class ResolvedContacts {

  private static final Logger LOG = LoggerFactory.getLogger(ResolvedContacts.class);

  private final VertxEventPublisher events;
  private final Vertx vertx;
  private final ContactJournal journal;
  private final HappyCalls happy;
  private final boolean enabled;

  ResolvedContacts(VertxEventPublisher events, Vertx vertx, ContactJournal journal, HappyCalls happy,
      @Value("${onenumber.happy-call.enabled:true}") boolean enabled) {
    this.events = events;
    this.vertx = vertx;
    this.journal = journal;
    this.happy = happy;
    this.enabled = enabled;
  }

  @PostConstruct
  void start() {
    if (enabled) {
      events.subscribe(this::onEvent);
    }
  }

  private void onEvent(DomainEvent event) {
    if (event instanceof ContactStateChanged changed && changed.from() == ContactState.WRAP_UP
        && changed.to() == ContactState.CLOSED) {
      vertx.executeBlocking(() -> journal.find(changed.contact())
              .map(Contact::citizen)
              .map(citizen -> happy.resolved(changed.contact(), citizen, changed.at()))
              .orElse(false))
          .onFailure(e -> LOG.warn("happy-call for {} not scheduled: {}", changed.contact(), e.getMessage()));
    }
  }
}
