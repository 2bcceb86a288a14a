package org.onenumber.server.telephony;

import io.micronaut.context.annotation.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import java.util.Optional;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.event.CallbackPlaced;
import org.onenumber.core.event.ConferenceRequested;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.port.out.CitizenRegistry;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.core.port.out.CallControl;
import org.onenumber.server.events.VertxEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns routing's requests for the telephone network into carrier calls:
 *
 * <ol>
 *   <li>{@link CallbackPlaced}: the citizen's phone number is looked up (off the event loop: JDBC)
 *       and the callback carrier ({@link CallControls#forCallbacks}) places the call, ringing the
 *       reserved operator first; the carrier reports the result to routing as {@code CallbackResult}.
 *       No carrier or no phone number: logged, and the offer times out as a failed attempt (routing
 *       retries up to the queue's maximum).
 *   <li>{@link ConferenceRequested}: the carrier carrying the call brings the third party in; none
 *       carrying it (a video call, telephony down): logged.
 * </ol>
 *
 * Threading: events arrive on a Vert.x event loop; carriers' methods return at once by contract.
 * Failures are logged and skip only that event.
 */
@Context
final class CallRequests {

  private static final Logger LOG = LoggerFactory.getLogger(CallRequests.class);

  private final VertxEventPublisher events;
  private final Vertx vertx;
  private final CallControls carriers;
  private final ContactJournal journal;
  private final CitizenRegistry citizens;

  CallRequests(VertxEventPublisher events, Vertx vertx, CallControls carriers, ContactJournal journal,
      CitizenRegistry citizens) {
    this.events = events;
    this.vertx = vertx;
    this.carriers = carriers;
    this.journal = journal;
    this.citizens = citizens;
  }

  @PostConstruct
  void start() {
    LOG.info("call controls over carriers {}", carriers.names());
    events.subscribe(this::onEvent);
  }

  private void onEvent(DomainEvent event) {
    switch (event) {
      case CallbackPlaced e -> vertx.executeBlocking(() -> phoneOf(e)).onSuccess(phone -> dial(e, phone))
          .onFailure(f -> LOG.warn("callback {} not placed: {}", e.contact(), f.toString()));
      case ConferenceRequested e -> carriers.carrierOf(e.contact()).ifPresentOrElse(
          c -> c.conference(e.contact(), e.thirdParty()),
          () -> LOG.warn("conference for {} not placed: no carrier carries the call", e.contact()));
      default -> { }
    }
  }

  private Optional<CitizenIdentity.Phone> phoneOf(CallbackPlaced e) {
    return journal.find(e.contact()).map(Contact::citizen).flatMap(citizens::find)
        .flatMap(c -> c.identities().stream().filter(CitizenIdentity.Phone.class::isInstance)
            .map(CitizenIdentity.Phone.class::cast).sorted(java.util.Comparator.comparing(CitizenIdentity::value))
            .findFirst());
  }

  private void dial(CallbackPlaced e, Optional<CitizenIdentity.Phone> phone) {
    Optional<CallControl> carrier = carriers.forCallbacks();
    if (carrier.isEmpty() || phone.isEmpty()) {
      LOG.warn("callback {} attempt {} not placed: {}", e.contact(), e.attempt(),
          carrier.isEmpty() ? "no carrier configured" : "the citizen has no phone number");
      return;
    }
    carrier.get().placeCallback(e.contact(), phone.get(), e.agent());
  }
}
