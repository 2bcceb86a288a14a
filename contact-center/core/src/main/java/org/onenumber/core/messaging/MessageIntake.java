package org.onenumber.core.messaging;

import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import org.onenumber.core.Ids;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.directory.Language;
import org.onenumber.core.event.MessageReceived;
import org.onenumber.core.port.in.OpenContact;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.core.port.in.ReceiveMessage;
import org.onenumber.core.port.in.ReceiveMessageCommand;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.core.port.out.MessageStore;

/**
 * Threads inbound messages into conversations. The cases, in order:
 *
 * <ol>
 *   <li>A message with the same provider id is already stored (the channel retried): {@link Duplicate},
 *       nothing stored.
 *   <li>On SMS or WhatsApp, the whole body is a carrier {@link Keyword}: handled by
 *       {@link KeywordHandling} (consent recorded, automatic reply); no contact is opened.
 *   <li>The citizen has an open contact on this channel: the message joins it ({@link Threaded}).
 *   <li>Otherwise a contact is opened through {@link OpenContact} with the message as its topic, in
 *       the chosen language, else the citizen's, else the one guessed from the script, else the
 *       default ({@link Opened}).
 * </ol>
 *
 * Run alone, the contact is committed before the message: if storing the message fails the channel
 * retries, and the retry threads into the contact already opened (case 3). The server runs the
 * whole call inside one transaction (its group commit of inbound messages), so contact and message
 * commit or roll back together. Thread-safe: messages from one
 * sender are handled one at a time (striped locks), so a burst does not open two contacts.
 */
public final class MessageIntake implements ReceiveMessage {

  private static final int STRIPES = 64;

  private final ContactJournal journal;
  private final MessageStore store;
  private final OpenContact openContact;
  private final KeywordHandling keywords;
  private final MessageContext context;
  private final InstantSource clock;
  private final RandomGenerator random;
  private final Language defaultLanguage;
  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  public MessageIntake(MessageContext context, OpenContact openContact, Language defaultLanguage) {
    this.journal = context.journal();
    this.store = context.store();
    this.openContact = openContact;
    this.keywords = new KeywordHandling(context);
    this.context = context;
    this.clock = context.clock();
    this.random = context.random();
    this.defaultLanguage = defaultLanguage;
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  @Override
  public Outcome receive(ReceiveMessageCommand command) {
    ReentrantLock lock = locks[Math.floorMod(command.identity().value().hashCode(), STRIPES)];
    lock.lock();
    try {
      return receiveLocked(command);
    } finally {
      lock.unlock();
    }
  }

  private Outcome receiveLocked(ReceiveMessageCommand command) {
    Optional<Message> seen = store.findByProvider(command.providerId());
    if (seen.isPresent()) {
      return new Duplicate(seen.get());
    }
    Optional<Keyword> keyword = isTextChannel(command.channel()) ? Keyword.of(command.body()) : Optional.empty();
    if (keyword.isPresent()) {
      return keywords.handle(command, keyword.get());
    }
    Optional<Citizen> citizen = keywords.citizen(command.identity());
    Optional<Contact> open = citizen.flatMap(known -> openContactOf(journal, known, command.channel()));
    if (open.isPresent()) {
      return new Threaded(store(command, open.get()), open.get());
    }
    Contact contact = openContact.open(new OpenContactCommand(command.channel(), command.identity(), null,
        language(command, citizen), topic(command), null, null, null), citizen);
    return new Opened(store(command, contact), contact, citizen.isEmpty());
  }

  private Message store(ReceiveMessageCommand command, Contact contact) {
    var now = clock.instant();
    Message message = new Message(new MessageId(Ids.timeOrdered(now, random)), contact.id(), command.channel(),
        Direction.IN, command.peer(), null, command.body(), command.media(), command.providerId(),
        DeliveryStatus.RECEIVED, null, now);
    store.save(message);
    context.publish(new MessageReceived(message.id(), contact.id(), message.channel(), now));
    return message;
  }

  private Language language(ReceiveMessageCommand command, Optional<Citizen> citizen) {
    if (command.language() != null) {
      return command.language();
    }
    return citizen.map(Citizen::preferredLanguage)
        .or(() -> ScriptLanguage.guess(command.body())).orElse(defaultLanguage);
  }

  private static String topic(ReceiveMessageCommand command) {
    String body = command.body().isBlank() ? "(media)" : command.body();
    return body.length() > OpenContactCommand.MAX_TOPIC ? body.substring(0, OpenContactCommand.MAX_TOPIC) : body;
  }

  static boolean isTextChannel(Channel channel) {
    return channel == Channel.SMS || channel == Channel.WHATSAPP;
  }

  /** The citizen's newest contact on {@code channel} that is not closed or abandoned. */
  static Optional<Contact> openContactOf(ContactJournal journal, Citizen citizen, Channel channel) {
    return journal.openOf(citizen.id(), channel);
  }
}
