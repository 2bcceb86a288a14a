package org.onenumber.core.messaging;

import java.util.Comparator;
import java.util.List;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.error.PermanentException;
import org.onenumber.core.port.in.SendReply;
import org.onenumber.core.port.in.SendReplyCommand;

/**
 * Sends operators' replies. The cases, in order:
 *
 * <ol>
 *   <li>The contact does not exist: not found.
 *   <li>The contact is closed or abandoned: refused (a new conversation needs the citizen to write).
 *   <li>SMS or WhatsApp to a citizen who sent STOP: refused, nothing stored or sent.
 *   <li>The address is the one the citizen last wrote from in this conversation; without one, the
 *       citizen's phone number ({@code whatsapp:}-prefixed on WhatsApp) or chat handle.
 *   <li>The message is dispatched ({@link OutboundDispatch}): a provider failure comes back as a
 *       {@code FAILED} message, visible to the operator.
 * </ol>
 *
 * Thread-safe when its ports are.
 */
public final class MessageReplies implements SendReply {

  private final MessageContext context;

  public MessageReplies(MessageContext context) {
    this.context = context;
  }

  @Override
  public Message send(SendReplyCommand command) {
    Contact contact = context.journal().find(command.contact())
        .orElseThrow(() -> new NotFoundException("contact", command.contact()));
    if (contact.state().isTerminal()) {
      throw new PermanentException("refused", "contact " + contact.id() + " is " + contact.state());
    }
    Citizen citizen = context.citizens().find(contact.citizen())
        .orElseThrow(() -> new NotFoundException("citizen", contact.citizen()));
    if (MessageIntake.isTextChannel(contact.channel()) && citizen.consent().smsOptOut()) {
      throw new PermanentException("refused", "the citizen replied STOP: no messages may be sent until START");
    }
    String peer = peerOf(context, contact, citizen);
    return context.dispatch().send(contact.id(), contact.channel(), peer, command.author(), command.body(),
        command.media());
  }

  /** Case 4: where a message to {@code contact}'s citizen goes on the contact's channel. */
  static String peerOf(MessageContext context, Contact contact, Citizen citizen) {
    List<Message> messages = context.store().byContact(contact.id());
    return messages.stream().filter(m -> m.direction() == Direction.IN)
        .max(Comparator.comparing(Message::at).thenComparing(m -> m.id().value()))
        .map(Message::peer)
        .orElseGet(() -> fallbackPeer(contact.channel(), citizen));
  }

  static String fallbackPeer(Channel channel, Citizen citizen) {
    String kind = channel == Channel.CHAT ? "chat" : "phone";
    String address = citizen.identities().stream().filter(i -> i.kind().equals(kind))
        .map(CitizenIdentity::value).sorted().findFirst()
        .orElseThrow(() -> new InvalidInputException("citizen " + citizen.id() + " has no " + kind + " address"));
    return channel == Channel.WHATSAPP ? "whatsapp:" + address : address;
  }
}
