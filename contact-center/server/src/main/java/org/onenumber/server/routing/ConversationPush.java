package org.onenumber.server.routing;

import io.micronaut.context.annotation.Context;
import java.util.Map;
import java.util.Optional;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.event.MessageReceived;
import org.onenumber.core.event.MessageSent;
import org.onenumber.core.event.MessageStatusChanged;
import org.onenumber.core.routing.RoutingEngine;
import org.onenumber.server.chat.ChatHub;
import org.onenumber.server.events.VertxEventPublisher;

/**
 * Tells the operator holding a contact that its conversation changed, over their console socket
 * ({@code /ws/agents/{agentId}}), so the console fetches it at once instead of polling. Frames
 * carry ids, never message text (the console renders text from the messages endpoint only):
 * <ol>
 *   <li>{@code MessageReceived} with a contact: {@code message}, direction {@code IN};
 *   <li>{@code MessageSent} with a contact: {@code message}, direction {@code OUT};
 *   <li>{@code MessageStatusChanged} with a contact: {@code message.status} with the new status;
 *   <li>a chat citizen typing ({@link ChatHub}): {@code typing};
 *   <li>anything else, or a contact nobody holds (queued, offered, closed, unknown): nothing.
 * </ol>
 * Threading: event-bus and chat callbacks only hand the frame to the routing context, which looks
 * up the holder in the engine's memory (no database read) and sends asynchronously. Failure
 * modes: a frame for a closed socket, or for a contact that changed hands meanwhile, is lost; the
 * console's slow fallback poll catches up. In the cluster the owner also hears the other nodes'
 * message events (a chat socket on a standby), and its frames reach the holder's console on any node
 * ({@link AgentSockets}); a standby's own lookups are skipped ({@link RoutingHost#submit}). A citizen
 * typing on a standby reaches the owner's {@link ChatHub} over the bus, and so this.
 */
@Context
final class ConversationPush {

  private final RoutingHost routing;
  private final AgentSockets sockets;

  ConversationPush(VertxEventPublisher events, ChatHub chat, RoutingHost routing, AgentSockets sockets) {
    this.routing = routing;
    this.sockets = sockets;
    events.subscribe(this::onEvent);
    events.onOtherNodes(this::onEvent); // a citizen's chat on a standby: the owner knows the holder
    chat.whenCitizenTypes(contact -> toHolder(contact, AgentSockets.frame("typing", null, "contactId", contact.value())));
  }

  private void onEvent(DomainEvent event) {
    switch (event) {
      case MessageReceived in when in.contact() != null -> toHolder(in.contact(), AgentSockets.frame("message",
          in.at().toString(), "contactId", in.contact().value(), "messageId", in.message().value(), "direction", "IN"));
      case MessageSent out when out.contact() != null -> toHolder(out.contact(), AgentSockets.frame("message",
          out.at().toString(), "contactId", out.contact().value(), "messageId", out.message().value(), "direction", "OUT"));
      case MessageStatusChanged s when s.contact() != null -> toHolder(s.contact(), AgentSockets.frame("message.status",
          s.at().toString(), "contactId", s.contact().value(), "messageId", s.message().value(), "status", s.to().name()));
      default -> { }
    }
  }

  private void toHolder(ContactId contact, Map<String, Object> frame) {
    routing.submit(engine -> holder(engine, contact).ifPresent(agent -> {
      if (frame.get("at") == null) {
        frame.put("at", engine.now().toString());
      }
      sockets.send(agent.value(), frame);
    }));
  }

  /** The agent a contact is connected to, on hold with, or wrapping up with. */
  static Optional<AgentId> holder(RoutingEngine engine, ContactId contact) {
    return engine.contact(contact)
        .filter(c -> c.state() == ContactState.CONNECTED || c.state() == ContactState.HELD
            || c.state() == ContactState.WRAP_UP)
        .map(Contact::agent);
  }
}
