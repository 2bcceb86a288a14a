package org.onenumber.core.intake;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.onenumber.core.Ids;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.citizen.Consent;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.Queue;
import org.onenumber.core.directory.SkillLevel;
import org.onenumber.core.event.CitizenRegistered;
import org.onenumber.core.event.ContactCategorized;
import org.onenumber.core.event.ContactCreated;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.port.in.OpenContact;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.core.port.out.CitizenRegistry;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.core.port.out.Directory;
import org.onenumber.core.port.out.EventPublisher;
import org.onenumber.core.port.out.TopicCategories;
import org.onenumber.core.port.out.Transactions;

/**
 * Opens a contact: finds or registers the citizen by the identity they came with, chooses the
 * queue ({@link QueueSelection}), and journals the contact as created and queued in one
 * transaction. Its category ({@link TopicCategories}) travels as a {@link ContactCategorized} event
 * when the topic names one: journaled with the contact, chosen before the transaction opens; or,
 * with a {@code classifier} executor, chosen there after the commit and only published (the
 * classifier is a Korean tokenizer: kept out of the commit lanes that hold the webhooks' answers).
 * The category is a function of the journaled topic, so every reader that starts from the journal
 * (the live folds' replay at start, the batch reports) recomputes it: a contact whose classification
 * a stop interrupted is classified at the next start. Events are published only after the commit, so listeners never see a contact that
 * could still roll back (inside a caller's larger transaction: after that one commits,
 * {@link Transactions#afterCommit}). Thread-safe: holds no mutable state; the random generator must be
 * thread-safe if callers are concurrent.
 */
public final class ContactIntake implements OpenContact {

  private final Transactions transactions;
  private final CitizenRegistry citizens;
  private final ContactJournal journal;
  private final Directory directory;
  private final EventPublisher events;
  private final InstantSource clock;
  private final RandomGenerator random;
  private final TopicCategories categories;
  /** Where a new contact's topic is classified after the commit; null: before, journaled with it. */
  private final Executor classifier;

  public ContactIntake(Transactions transactions, CitizenRegistry citizens, ContactJournal journal,
      Directory directory, EventPublisher events, InstantSource clock, RandomGenerator random) {
    this(transactions, citizens, journal, directory, events, clock, random, TopicCategories.NONE);
  }

  public ContactIntake(Transactions transactions, CitizenRegistry citizens, ContactJournal journal,
      Directory directory, EventPublisher events, InstantSource clock, RandomGenerator random,
      TopicCategories categories) {
    this(transactions, citizens, journal, directory, events, clock, random, categories, null);
  }

  /**
   * With {@code classifier} (null: in the intake's own transaction), where a new contact's topic is
   * classified once its transaction committed; its {@link ContactCategorized} is published from there.
   */
  public ContactIntake(Transactions transactions, CitizenRegistry citizens, ContactJournal journal,
      Directory directory, EventPublisher events, InstantSource clock, RandomGenerator random,
      TopicCategories categories, Executor classifier) {
    this.classifier = classifier;
    this.categories = categories;
    this.transactions = transactions;
    this.citizens = citizens;
    this.journal = journal;
    this.directory = directory;
    this.events = events;
    this.clock = clock;
    this.random = random;
  }

  /** What one intake transaction produced: the queued contact and the events to publish. */
  private record Opened(Contact contact, List<DomainEvent> events) {}

  @Override
  public Contact open(OpenContactCommand command) {
    return open(command, contact -> { });
  }

  /**
   * As {@link #open(OpenContactCommand)}, and runs {@code alsoInTransaction} with the queued
   * contact inside the transaction that stores it: what it writes commits or rolls back with the
   * contact (the intake's idempotency key). An exception it throws rolls the contact back.
   */
  public Contact open(OpenContactCommand command, Consumer<Contact> alsoInTransaction) {
    return open(command, alsoInTransaction, () -> citizens.findByIdentity(command.identity()));
  }

  /** As {@link #open(OpenContactCommand)}, with the citizen the caller found for the identity in this transaction. */
  @Override
  public Contact open(OpenContactCommand command, Optional<Citizen> lookedUp) {
    return open(command, contact -> { }, () -> lookedUp);
  }

  private Contact open(OpenContactCommand command, Consumer<Contact> alsoInTransaction,
      Supplier<Optional<Citizen>> known) {
    Queue queue = QueueSelection.choose(directory.queues(), command.queue(), command.channel(), command.language());
    boolean topic = command.topic() != null && !command.topic().isBlank();
    var category = !topic || classifier != null ? Optional.<String>empty() : categories.categoryOf(command.topic());
    Opened opened = transactions.inTransaction(() -> {
      List<DomainEvent> emitted = new ArrayList<>();
      var now = clock.instant();
      Citizen citizen = citizenFor(command, known.get(), emitted, now);
      Set<SkillLevel> skills = command.requiredSkills().isEmpty()
          ? Set.copyOf(queue.requiredSkills()) : command.requiredSkills();
      int priority = command.priority() != null ? command.priority() : queue.priority();
      Contact created = Contact.create(new ContactId(Ids.timeOrdered(now, random)), command.channel(),
          citizen.id(), command.language(), skills, priority, command.topic(), now);
      Contact queued = created.moveTo(new ContactStep(ContactState.QUEUED, now, null, queue.id(), "intake"));
      emitted.add(new ContactCreated(created.id(), created.channel(), citizen.id(), created.language(), priority, now));
      emitted.add(new ContactStateChanged(queued.id(), queued.channel(), queued.language(),
          ContactState.CREATED, ContactState.QUEUED, queue.id(), null, "intake", now));
      category.ifPresent(c -> emitted.add(new ContactCategorized(created.id(), c, now)));
      journal.create(queued, emitted);
      alsoInTransaction.accept(queued);
      return new Opened(queued, List.copyOf(emitted));
    });
    transactions.afterCommit(() -> {
      opened.events().forEach(events::publish);
      if (topic && classifier != null) {
        Contact contact = opened.contact();
        classifier.execute(() -> categories.categoryOf(contact.topic())
            .ifPresent(c -> events.publish(new ContactCategorized(contact.id(), c, contact.createdAt()))));
      }
    });
    return opened.contact();
  }

  /**
   * Journals a contact that ended without entering a queue (a caller served by the IVR alone):
   * CREATED at {@code since} (no later than now), CLOSED now with {@code reason}, in one
   * transaction; events published after the commit. It is never offered to routing.
   */
  public Contact openClosed(OpenContactCommand command, java.time.Instant since, String reason) {
    Opened opened = transactions.inTransaction(() -> {
      List<DomainEvent> emitted = new ArrayList<>();
      var now = clock.instant();
      var from = since == null || since.isAfter(now) ? now : since;
      Citizen citizen = citizenFor(command, citizens.findByIdentity(command.identity()), emitted, from);
      int priority = command.priority() != null ? command.priority() : 0;
      Contact created = Contact.create(new ContactId(Ids.timeOrdered(from, random)), command.channel(),
          citizen.id(), command.language(), command.requiredSkills(), priority, command.topic(), from);
      Contact closed = created.moveTo(new ContactStep(ContactState.CLOSED, now, null, null, reason));
      emitted.add(new ContactCreated(created.id(), created.channel(), citizen.id(), created.language(), priority, from));
      emitted.add(new ContactStateChanged(closed.id(), closed.channel(), closed.language(),
          ContactState.CREATED, ContactState.CLOSED, null, null, reason, now));
      journal.append(closed, emitted);
      return new Opened(closed, List.copyOf(emitted));
    });
    opened.events().forEach(events::publish);
    return opened.contact();
  }

  /**
   * The citizen this contact belongs to. A verified identity finds or registers its citizen. An
   * unverified one that already belongs to someone gets a citizen of its own without that identity,
   * so nobody can attach contacts to another citizen's history by typing their phone number.
   */
  private Citizen citizenFor(OpenContactCommand command, Optional<Citizen> known, List<DomainEvent> emitted,
      java.time.Instant now) {
    if (known.isPresent() && command.identityVerified()) {
      return known.get();
    }
    Set<CitizenIdentity> identities = known.isPresent() ? Set.of() : Set.of(command.identity());
    Citizen fresh = new Citizen(new CitizenId(Ids.timeOrdered(now, random)), command.citizenName(),
        identities, command.language(), Consent.DEFAULT);
    citizens.create(fresh);
    emitted.add(new CitizenRegistered(fresh.id(), command.identity().kind(), now));
    return fresh;
  }
}
