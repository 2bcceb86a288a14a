package org.onenumber.core.messaging;

import java.util.Optional;
import org.onenumber.core.Ids;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.citizen.Consent;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.event.CitizenConsentChanged;
import org.onenumber.core.event.CitizenRegistered;
import org.onenumber.core.event.MessageReceived;
import org.onenumber.core.messaging.CitizenTexts.Text;
import org.onenumber.core.port.in.ReceiveMessage.KeywordHandled;
import org.onenumber.core.port.in.ReceiveMessageCommand;

/**
 * Honours STOP, START and HELP. The cases:
 *
 * <ol>
 *   <li>The sender is unknown: they are registered as a citizen (a STOP must be remembered even
 *       from a stranger).
 *   <li>STOP: {@code smsOptOut} is set, the confirmation is sent (the one message allowed after STOP).
 *   <li>START: {@code smsOptOut} is cleared, the confirmation is sent.
 *   <li>HELP: the help text is sent, unless the citizen opted out (then nothing is sent).
 * </ol>
 *
 * The keyword message is stored in the citizen's open conversation on the channel, if any, else
 * outside any conversation. Thread-safe when its ports are.
 */
final class KeywordHandling {

  private final MessageContext context;

  KeywordHandling(MessageContext context) {
    this.context = context;
  }

  KeywordHandled handle(ReceiveMessageCommand command, Keyword keyword) {
    var now = context.clock().instant();
    Citizen citizen = citizen(command.identity()).orElseGet(() -> register(command));
    Citizen updated = switch (keyword) {
      case STOP -> citizen.withConsent(citizen.consent().withSmsOptOut(true));
      case START -> citizen.withConsent(citizen.consent().withSmsOptOut(false));
      case HELP -> citizen;
    };
    if (!updated.equals(citizen)) {
      context.citizens().save(updated);
      context.publish(new CitizenConsentChanged(updated.id(), updated.consent(), now));
    }
    ContactId contact = MessageIntake.openContactOf(context.journal(), updated, command.channel())
        .map(c -> c.id()).orElse(null);
    Message message = new Message(new MessageId(Ids.timeOrdered(now, context.random())), contact,
        command.channel(), Direction.IN, command.peer(), null, command.body(), command.media(),
        command.providerId(), DeliveryStatus.RECEIVED, null, now);
    context.store().save(message);
    context.publish(new MessageReceived(message.id(), contact, message.channel(), now));
    Message reply = null;
    if (keyword != Keyword.HELP || !updated.consent().smsOptOut()) {
      Text text = switch (keyword) {
        case STOP -> Text.STOPPED;
        case START -> Text.STARTED;
        case HELP -> Text.HELP;
      };
      reply = context.dispatch().send(contact, command.channel(), command.peer(), "system",
          CitizenTexts.of(text, updated.preferredLanguage(), null), null);
    }
    return new KeywordHandled(message, keyword, reply);
  }

  Optional<Citizen> citizen(CitizenIdentity identity) {
    return context.citizens().findByIdentity(identity);
  }

  private Citizen register(ReceiveMessageCommand command) {
    var now = context.clock().instant();
    Language language = command.language() != null ? command.language() : Language.KOREAN;
    Citizen fresh = new Citizen(new CitizenId(Ids.timeOrdered(now, context.random())), null,
        java.util.Set.of(command.identity()), language, Consent.DEFAULT);
    context.citizens().save(fresh);
    context.publish(new CitizenRegistered(fresh.id(), command.identity().kind(), now));
    return fresh;
  }
}
