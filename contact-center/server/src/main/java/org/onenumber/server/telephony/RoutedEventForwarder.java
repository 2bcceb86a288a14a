package org.onenumber.server.telephony;

import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.event.ContactCreated;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.routing.Decisions;
import org.onenumber.server.config.ServerTime;
import org.onenumber.server.events.VertxEventPublisher;
import org.onenumber.telephony.asterisk.AsteriskCalls;
import org.onenumber.telephony.asterisk.CallSignal;
import org.onenumber.telephony.asterisk.OrphanOffers;

/**
 * Hands every domain event about a call this node carries on Asterisk to that call's FastAGI
 * session, as {@link CallSignal.Routed} in its mailbox. Runs on the event bus consumer's event loop
 * and never blocks (a mailbox offer). A voice contact's first events can be published before its
 * session has registered the call (intake publishes while the session is still returning from
 * {@code OpenContact}); they are kept in order and retried every {@value #RETRY_MS} ms for up to
 * {@value #RETRIES} tries, then dropped (a voice contact of another carrier). An offer for a call
 * whose session has ended here is answered at once ({@link OrphanOffers}: abandoned, the operator
 * free) instead of waiting for the offer's timeout. Each signal carries how long after routing's
 * decision it reached the mailbox (the event's stamp is server time: converted to wall time by
 * the simulated clock's speed-up), the first stage of the ring path.
 */
final class RoutedEventForwarder {

  static final long RETRY_MS = 20;
  static final int RETRIES = 100;

  private final Vertx vertx;
  private final AsteriskCalls calls;
  private final OrphanOffers orphans;
  private final ServerTime time;
  /** Events of voice contacts whose session has not registered yet; touched on the consumer's event loop only. */
  private final Map<ContactId, Deque<DomainEvent>> unclaimed = new HashMap<>();

  RoutedEventForwarder(Vertx vertx, VertxEventPublisher events, AsteriskCalls calls, OrphanOffers orphans,
      ServerTime time) {
    this.vertx = vertx;
    this.calls = calls;
    this.orphans = orphans;
    this.time = time;
    events.subscribe(this::forward);
  }

  private void forward(DomainEvent event) {
    ContactId contact = Decisions.contactOf(event);
    if (contact == null) {
      return;
    }
    Deque<DomainEvent> early = unclaimed.get(contact);
    if (early != null) {
      early.add(event);
    } else if (!calls.signal(contact, routed(event)) && !orphans.answer(event) && isVoice(event)) {
      early = new ArrayDeque<>();
      early.add(event);
      unclaimed.put(contact, early);
      retry(contact, 1);
    }
  }

  private void retry(ContactId contact, int attempt) {
    vertx.setTimer(RETRY_MS, id -> {
      if (calls.byContact(contact).isPresent()) {
        unclaimed.remove(contact).forEach(e -> calls.signal(contact, routed(e)));
      } else if (attempt >= RETRIES) {
        unclaimed.remove(contact);
      } else {
        retry(contact, attempt + 1);
      }
    });
  }

  /** {@code event} as a signal, stamped now and with the wall time since routing decided it. */
  private CallSignal.Routed routed(DomainEvent event) {
    long sinceDecided = 0;
    if (event instanceof ContactStateChanged changed && changed.at() != null) {
      long serverNanos = java.time.Duration.between(changed.at(), time.clock().instant()).toNanos();
      sinceDecided = Math.max(1, Math.round(serverNanos / time.speedup()));
    }
    return new CallSignal.Routed(event, System.nanoTime(), sinceDecided);
  }

  private static boolean isVoice(DomainEvent event) {
    return switch (event) {
      case ContactStateChanged c -> c.channel() == Channel.VOICE;
      case ContactCreated c -> c.channel() == Channel.VOICE;
      default -> false;
    };
  }
}
