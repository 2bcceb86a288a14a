package org.onenumber.core.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.citizen.Consent;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.Queue;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.directory.SkillLevel;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.event.CitizenRegistered;
import org.onenumber.core.event.ContactCreated;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.testkit.DirectTransactions;
import org.onenumber.testkit.FakeCitizenRegistry;
import org.onenumber.testkit.FakeContactJournal;
import org.onenumber.testkit.FakeDirectory;
import org.onenumber.testkit.ManualClock;
import org.onenumber.testkit.RecordingEventPublisher;

class ContactIntakeTest {

  private static final Instant START = Instant.parse("2026-11-23T00:00:00Z");
  private static final CitizenIdentity.Phone PHONE = new CitizenIdentity.Phone("+821012345678");
  private static final Queue VOICE_KO = new Queue(new QueueId("voice-ko"), "Voice KO", Set.of(Language.KOREAN),
      Set.of(Channel.VOICE), List.of(SkillLevel.of("general", 1)), 7, Duration.ofSeconds(15));

  private final ManualClock clock = new ManualClock(START);
  private final DirectTransactions transactions = new DirectTransactions();
  private final FakeCitizenRegistry citizens = new FakeCitizenRegistry();
  private final FakeContactJournal journal = new FakeContactJournal();
  private final FakeDirectory directory = new FakeDirectory().add(VOICE_KO);
  private final RecordingEventPublisher events = new RecordingEventPublisher();
  private final ContactIntake intake = new ContactIntake(transactions, citizens, journal, directory, events, clock,
      new SplittableRandom(2026));

  private static OpenContactCommand voiceCall(QueueId queue, Integer priority, Set<SkillLevel> skills) {
    return new OpenContactCommand(Channel.VOICE, PHONE, "Kim", Language.KOREAN, "bus stop broken", queue,
        priority, skills);
  }

  private static OpenContactCommand voiceCall() {
    return voiceCall(null, null, Set.of());
  }

  @Test
  void registersACitizenForANewPhoneIdentity() {
    Contact contact = intake.open(voiceCall());
    assertEquals(1, citizens.size());
    Citizen citizen = citizens.findByIdentity(PHONE).orElseThrow();
    assertEquals(contact.citizen(), citizen.id());
    assertEquals("Kim", citizen.name());
    assertEquals(Language.KOREAN, citizen.preferredLanguage());
    assertEquals(Consent.DEFAULT, citizen.consent());
    assertEquals(List.of(new CitizenRegistered(citizen.id(), "phone", START)), events.ofType(CitizenRegistered.class));
  }

  @Test
  void neverJoinsAnUnverifiedIdentityToTheCitizenWhoOwnsIt() {
    Contact owner = intake.open(voiceCall());
    OpenContactCommand typed = new OpenContactCommand(Channel.WEB_FORM, PHONE, "Someone", Language.KOREAN,
        "what did Kim report?", null, null, Set.of(), false);
    directory.add(new Queue(new QueueId("web-ko"), "Web KO", Set.of(Language.KOREAN), Set.of(Channel.WEB_FORM),
        List.of(), 5, Duration.ofSeconds(60)));

    Contact claimed = intake.open(typed);

    assertNotEquals(owner.citizen(), claimed.citizen());
    assertEquals(owner.citizen(), citizens.findByIdentity(PHONE).orElseThrow().id(), "the number stays the owner's");
    assertTrue(citizens.find(claimed.citizen()).orElseThrow().identities().isEmpty());
  }

  @Test
  void letsAnUnverifiedIdentityRegisterWhenNobodyOwnsIt() {
    Contact first = intake.open(new OpenContactCommand(Channel.VOICE, PHONE, null, Language.KOREAN, null, null, null,
        Set.of(), false));
    assertEquals(first.citizen(), citizens.findByIdentity(PHONE).orElseThrow().id());
  }

  @Test
  void reusesTheCitizenAlreadyKnownByTheIdentity() {
    Citizen known = new Citizen(new CitizenId("z-known"), "Lee", Set.of(PHONE), Language.ENGLISH, Consent.DEFAULT);
    citizens.save(known);
    Contact contact = intake.open(voiceCall());
    assertEquals(known.id(), contact.citizen());
    assertEquals(1, citizens.size());
    assertTrue(events.ofType(CitizenRegistered.class).isEmpty());
  }

  @Test
  void reusesTheCitizenItRegisteredOnTheFirstContact() {
    Contact first = intake.open(voiceCall());
    clock.advanceSeconds(60);
    Contact second = intake.open(voiceCall());
    assertEquals(first.citizen(), second.citizen());
    assertEquals(1, events.ofType(CitizenRegistered.class).size());
    assertNotEquals(first.id(), second.id());
  }

  @Test
  void journalsTheContactAsCreatedThenQueuedInOneTransaction() {
    Contact contact = intake.open(voiceCall());
    assertEquals(1, transactions.count());
    assertEquals(List.of(ContactState.CREATED, ContactState.QUEUED),
        contact.steps().stream().map(ContactStep::state).toList());
    assertEquals(contact, journal.find(contact.id()).orElseThrow());
    assertEquals(VOICE_KO.id(), contact.queue());
    assertNull(contact.agent());
    assertEquals("intake", contact.steps().get(1).reason());
    assertEquals(List.of(contact), journal.open());
  }

  @Test
  void publishesTheJournaledEventsInOrder() {
    Contact contact = intake.open(voiceCall());
    List<DomainEvent> published = events.events();
    assertEquals(journal.events(), published);
    assertEquals(3, published.size());
    CitizenRegistered registered = assertInstanceOf(CitizenRegistered.class, published.get(0));
    ContactCreated created = assertInstanceOf(ContactCreated.class, published.get(1));
    ContactStateChanged queued = assertInstanceOf(ContactStateChanged.class, published.get(2));
    assertEquals(new ContactCreated(contact.id(), Channel.VOICE, registered.citizen(), Language.KOREAN, 7, START),
        created);
    assertEquals(new ContactStateChanged(contact.id(), Channel.VOICE, Language.KOREAN, ContactState.CREATED,
        ContactState.QUEUED, VOICE_KO.id(), null, "intake", START), queued);
  }

  @Test
  void theTopicsCategoryTravelsInTheJournaledEventsSoListenersReadNothing() {
    ContactIntake categorizing = new ContactIntake(transactions, citizens, journal, directory, events, clock,
        new SplittableRandom(2026), topic -> topic.contains("bus") ? java.util.Optional.of("transport.bus.service")
            : java.util.Optional.empty());
    Contact contact = categorizing.open(voiceCall());
    assertEquals(journal.events(), events.events());
    assertEquals(new org.onenumber.core.event.ContactCategorized(contact.id(), "transport.bus.service", START),
        events.events().get(3));
    categorizing.open(new OpenContactCommand(Channel.VOICE, PHONE, "Kim", Language.KOREAN, "thanks", null, null,
        Set.of()));
    assertEquals(1, events.events().stream().filter(e -> e instanceof org.onenumber.core.event.ContactCategorized)
        .count(), "a topic of no category gives no event");
  }

  /**
   * Issue 17 (webhooks): with a classifier executor the Korean-tokenizing classifier runs there,
   * after the commit, not inside the intake's transaction (a commit lane's); its category is
   * published from there, with the contact's creation as its time (a category at intake).
   */
  @Test
  void withAClassifierTheTopicIsClassifiedAfterTheCommitAndItsCategoryPublishedFromThere() {
    java.util.List<Runnable> classifier = new java.util.ArrayList<>();
    java.util.List<Boolean> insideTransaction = new java.util.ArrayList<>();
    TrackingTransactions tracking = new TrackingTransactions();
    ContactIntake later = new ContactIntake(tracking, citizens, journal, directory, events, clock,
        new SplittableRandom(2026), topic -> {
          insideTransaction.add(tracking.inside);
          return topic.contains("bus") ? java.util.Optional.of("transport.bus.service") : java.util.Optional.empty();
        }, classifier::add);
    Contact contact = later.open(voiceCall());
    assertTrue(insideTransaction.isEmpty(), "not classified before the answer");
    assertTrue(journal.events().stream().noneMatch(e -> e instanceof org.onenumber.core.event.ContactCategorized));
    assertEquals(journal.events(), events.events(), "the contact's own events published after its commit");
    assertEquals(1, classifier.size());

    clock.advance(Duration.ofSeconds(3));
    classifier.forEach(Runnable::run);
    assertEquals(java.util.List.of(false), insideTransaction);
    assertEquals(new org.onenumber.core.event.ContactCategorized(contact.id(), "transport.bus.service", START),
        events.events().getLast());
  }

  @Test
  void publishesOnlyAfterTheTransactionHasJournaledTheContact() {
    TrackingTransactions tracking = new TrackingTransactions();
    OrderCheckingPublisher publisher = new OrderCheckingPublisher(tracking, journal);
    ContactIntake checked = new ContactIntake(tracking, citizens, journal, directory, publisher, clock,
        new SplittableRandom(1));
    checked.open(voiceCall());
    assertEquals(3, publisher.published);
    assertEquals(1, tracking.count);
  }

  @Test
  void takesItsTimestampsAndIdsFromTheInjectedClockAndRandom() {
    clock.advance(Duration.ofMinutes(90));
    Instant now = START.plus(Duration.ofMinutes(90));
    Contact contact = intake.open(voiceCall());
    assertEquals(now, contact.createdAt());
    assertEquals(now, contact.updatedAt());
    assertTrue(events.events().stream().allMatch(e -> e.at().equals(now)));
    ContactIntake replay = new ContactIntake(new DirectTransactions(), new FakeCitizenRegistry(),
        new FakeContactJournal(), directory, new RecordingEventPublisher(), clock, new SplittableRandom(2026));
    assertEquals(contact.id(), replay.open(voiceCall()).id());
  }

  @Test
  void usesTheQueuePriorityAndSkillsWhenTheCommandGivesNone() {
    Contact contact = intake.open(voiceCall());
    assertEquals(7, contact.priority());
    assertEquals(Set.of(SkillLevel.of("general", 1)), contact.requiredSkills());
    assertEquals("bus stop broken", contact.topic());
  }

  @Test
  void letsTheCommandOverrideTheQueuePriorityAndSkills() {
    Contact contact = intake.open(voiceCall(null, 90, Set.of(SkillLevel.of("transport", 3))));
    assertEquals(90, contact.priority());
    assertEquals(Set.of(SkillLevel.of("transport", 3)), contact.requiredSkills());
    assertEquals(90, events.ofType(ContactCreated.class).get(0).priority());
  }

  @Test
  void letsTheCommandSetPriorityZero() {
    assertEquals(0, intake.open(voiceCall(null, 0, Set.of())).priority());
  }

  @Test
  void entersTheQueueTheCommandNames() {
    Queue chatEn = new Queue(new QueueId("chat-en"), "Chat EN", Set.of(Language.ENGLISH), Set.of(Channel.CHAT),
        List.of(), 1, Duration.ofSeconds(60));
    directory.add(chatEn);
    Contact contact = intake.open(voiceCall(chatEn.id(), null, Set.of()));
    assertEquals(chatEn.id(), contact.queue());
    assertEquals(1, contact.priority());
    assertEquals(Set.of(), contact.requiredSkills());
  }

  @Test
  void refusesAnUnknownNamedQueueWithoutWritingAnything() {
    assertThrows(NotFoundException.class, () -> intake.open(voiceCall(new QueueId("nowhere"), null, Set.of())));
    assertEquals(0, journal.size());
    assertEquals(0, citizens.size());
    assertTrue(events.events().isEmpty());
  }

  @Test
  void refusesAContactNoQueueServesWithoutWritingAnything() {
    OpenContactCommand sms = new OpenContactCommand(Channel.SMS, PHONE, null, Language.MONGOLIAN, "hi", null, null,
        null);
    assertThrows(InvalidInputException.class, () -> intake.open(sms));
    assertEquals(0, journal.size());
    assertEquals(0, transactions.count());
    assertTrue(events.events().isEmpty());
  }

  @Test
  void writesWithTheContactInItsTransactionAndPublishesNothingWhenThatWriteFails() {
    int[] seenInTransaction = new int[1];
    Contact contact = intake.open(voiceCall(), queued -> {
      assertEquals(ContactState.QUEUED, queued.state());
      assertTrue(events.events().isEmpty(), "events wait for the commit");
      seenInTransaction[0] = transactions.count();
    });
    assertEquals(1, seenInTransaction[0]);
    assertEquals(1, transactions.count(), "one transaction for the contact and the caller's write");
    assertEquals(contact.id(), journal.find(contact.id()).orElseThrow().id());

    events.clear();
    assertThrows(IllegalStateException.class, () -> intake.open(voiceCall(), queued -> {
      throw new IllegalStateException("the key is taken");
    }));
    assertTrue(events.events().isEmpty(), "a rolled-back contact is never announced");
  }
}
