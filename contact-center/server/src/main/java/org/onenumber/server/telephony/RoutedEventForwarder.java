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
import org.onenumber.server.events.VertxEventPublisher;
import org.onenumber.telephony.asterisk.AsteriskCalls;
import org.onenumber.telephony.asterisk.CallSignal;

/**
 * Hands every domain event about a call this node carries on Asterisk to that call's FastAGI
 * session, as {@link CallSignal.Routed} in its mailbox. Runs on the event bus consumer's event loop
 * and never blocks (a mailbox offer). A voice contact's first events can be published before its
 * session has registered the call (intake publishes while the session is still returning from
 * {@code OpenContact}); they are kept in order and retried every {@value #RETRY_MS} ms for up to
 * {@value #RETRIES} tries, then dropped (a voice contact of another carrier).
 */
final class RoutedEventForwarder {

  static final long RETRY_MS = 20;
  static final int RETRIES = 100;

  private final Vertx vertx;
  private final AsteriskCalls calls;
  /** Events of voice contacts whose session has not registered yet; touched on the consumer's event loop only. */
  private final Map<ContactId, Deque<DomainEvent>> unclaimed = new HashMap<>();

  RoutedEventForwarder(Vertx vertx, VertxEventPublisher events, AsteriskCalls calls) {
    this.vertx = vertx;
    this.calls = calls;
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
    } else if (!calls.signal(contact, new CallSignal.Routed(event)) && isVoice(event)) {
      early = new ArrayDeque<>();
      early.add(event);
      unclaimed.put(contact, early);
      retry(contact, 1);
    }
  }

  private void retry(ContactId contact, int attempt) {
    vertx.setTimer(RETRY_MS, id -> {
      if (calls.byContact(contact).isPresent()) {
        unclaimed.remove(contact).forEach(e -> calls.signal(contact, new CallSignal.Routed(e)));
      } else if (attempt >= RETRIES) {
        unclaimed.remove(contact);
      } else {
        retry(contact, attempt + 1);
      }
    });
  }

  private static boolean isVoice(DomainEvent event) {
    return switch (event) {
      case ContactStateChanged c -> c.channel() == Channel.VOICE;
      case ContactCreated c -> c.channel() == Channel.VOICE;
      default -> false;
    };
  }
}
