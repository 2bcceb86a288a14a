package org.onenumber.ops.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.event.AgentStateChanged;
import org.onenumber.core.event.CaseOpened;
import org.onenumber.core.event.ContactCategorized;
import org.onenumber.core.event.ContactCreated;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.event.SurveyAnswered;

/**
 * Random but valid histories: contacts walk the lifecycle with random steps and delays (zero
 * delays included, to exercise ties), agents walk their presence states, some contacts get
 * surveys and cases; a quarter of the contacts get the operator's disposition (another category)
 * some time after intake. Produces both the event stream (in time order) and the stored facts.
 */
final class RandomContactStreams {

  static final Instant START = Instant.parse("2026-11-23T00:00:00Z");
  private static final String[] TOPICS = {"parking", "noise", "tax", "bus"};
  private static final Channel[] CHANNELS = {Channel.VOICE, Channel.CHAT, Channel.SMS};
  private static final Language[] LANGUAGES = {Language.KOREAN, Language.ENGLISH, Language.CHINESE};

  final List<DomainEvent> events = new ArrayList<>();
  final List<Contact> contacts = new ArrayList<>();
  final List<AgentStateChanged> agentChanges = new ArrayList<>();
  final List<SurveyAnswered> surveys = new ArrayList<>();
  final List<CaseOpened> cases = new ArrayList<>();
  private final java.util.Map<ContactId, ContactCategorized> dispositions = new java.util.HashMap<>();
  private final RandomGenerator random;
  private final List<Timed> timed = new ArrayList<>();

  private record Timed(DomainEvent event, long seq) {}

  RandomContactStreams(RandomGenerator random, int contactCount, int agentCount) {
    this.random = random;
    for (int i = 0; i < agentCount; i++) {
      agent(new AgentId("op-" + i));
    }
    for (int i = 0; i < contactCount; i++) {
      contact(i, START.plusMillis(random.nextLong(3 * 3_600_000L)));
    }
    timed.sort(Comparator.comparing((Timed t) -> t.event().at()).thenComparingLong(Timed::seq));
    timed.forEach(t -> events.add(t.event()));
  }

  private void emit(DomainEvent e) {
    timed.add(new Timed(e, timed.size()));
  }

  private Instant later(Instant at) {
    int kind = random.nextInt(10);
    long millis = kind == 0 ? 0 : kind < 6 ? random.nextLong(20_000) : random.nextLong(400_000);
    return at.plusMillis(millis);
  }

  private void agent(AgentId id) {
    AgentState state = AgentState.OFFLINE;
    Instant at = START.plusMillis(random.nextLong(600_000));
    while (at.isBefore(START.plus(Duration.ofHours(4)))) {
      List<AgentState> next = new ArrayList<>(state.successors());
      AgentState to = next.get(random.nextInt(next.size()));
      AgentStateChanged e = new AgentStateChanged(id, state, to, null, at);
      emit(e);
      agentChanges.add(e);
      state = to;
      at = at.plusMillis(random.nextLong(1_200_000));
    }
  }

  private void contact(int n, Instant at) {
    ContactId id = new ContactId("c-" + n);
    CitizenId citizen = new CitizenId("citizen-" + random.nextInt(40));
    String topic = random.nextInt(8) == 0 ? null : TOPICS[random.nextInt(TOPICS.length)];
    Contact contact = Contact.create(id, CHANNELS[random.nextInt(CHANNELS.length)], citizen,
        LANGUAGES[random.nextInt(LANGUAGES.length)], Set.of(), 0, topic, at);
    emit(new ContactCreated(id, contact.channel(), citizen, contact.language(), 0, at));
    if (topic != null) {
      emit(new ContactCategorized(id, topic, at));
    }
    if (random.nextInt(4) == 0) {
      ContactCategorized disposed = new ContactCategorized(id, TOPICS[random.nextInt(TOPICS.length)],
          later(later(at)));
      emit(disposed);
      dispositions.put(id, disposed);
    }
    boolean escalate = random.nextInt(6) == 0;
    boolean escalationEmitted = false;
    while (!contact.state().isTerminal() && contact.steps().size() < 14) {
      contact = step(contact);
      if (escalate && !escalationEmitted && contact.state() == ContactState.CONNECTED && random.nextBoolean()) {
        CaseOpened opened = new CaseOpened(new org.onenumber.core.casework.CaseId("case-" + n),
            new org.onenumber.core.directory.DepartmentId("roads"), topic == null ? "other" : topic, id,
            contact.updatedAt().plus(Duration.ofDays(3)), contact.updatedAt());
        emit(opened);
        cases.add(opened);
        escalationEmitted = true;
      }
    }
    if (contact.state() == ContactState.CLOSED && random.nextInt(3) == 0) {
      SurveyAnswered s = new SurveyAnswered(id, random.nextBoolean(), 1 + random.nextInt(5), later(contact.updatedAt()));
      emit(s);
      surveys.add(s);
    }
    contacts.add(contact);
  }

  private Contact step(Contact contact) {
    List<ContactState> next = new ArrayList<>(contact.state().successors());
    next.sort(Comparator.naturalOrder());
    ContactState to = next.get(random.nextInt(next.size()));
    AgentId agent = to == ContactState.OFFERED || (to == ContactState.CONNECTED && random.nextInt(4) == 0)
        ? new AgentId("op-" + random.nextInt(6)) : null;
    QueueId queue = to == ContactState.QUEUED || to == ContactState.OFFERED && random.nextBoolean()
        ? new QueueId("q-" + random.nextInt(3)) : null;
    String[] closing = {Steps.ESCALATED, Steps.TRANSFERRED, "resolved", null, null};
    String reason = to == ContactState.CLOSED ? closing[random.nextInt(closing.length)] : null;
    Instant at = later(contact.updatedAt());
    Contact moved = contact.moveTo(new ContactStep(to, at, agent, queue, reason));
    emit(new ContactStateChanged(contact.id(), contact.channel(), contact.language(), contact.state(), to,
        queue, agent, reason, at));
    return moved;
  }

  /** The snapshot the journal held at {@code asOf}; null if the contact did not exist yet. */
  Contact asOf(Contact c, Instant asOf) {
    if (c.createdAt().isAfter(asOf)) {
      return null;
    }
    List<ContactStep> steps = c.steps().stream().filter(s -> !s.at().isAfter(asOf)).toList();
    return new Contact(c.id(), c.channel(), c.citizen(), c.language(), c.requiredSkills(), c.priority(), c.queue(),
        c.agent(), topicAsOf(c, asOf), steps);
  }

  /** Every contact with its category as stored at {@code asOf} (the disposition once given), all steps kept. */
  List<Contact> contactsAsOf(Instant asOf) {
    return contacts.stream().map(c -> new Contact(c.id(), c.channel(), c.citizen(), c.language(), c.requiredSkills(),
        c.priority(), c.queue(), c.agent(), topicAsOf(c, asOf), c.steps())).toList();
  }

  private String topicAsOf(Contact c, Instant asOf) {
    ContactCategorized d = dispositions.get(c.id());
    return d != null && !d.at().isAfter(asOf) ? d.category() : c.topic();
  }

  Set<ContactId> escalatedBy(Instant asOf) {
    Set<ContactId> ids = new HashSet<>();
    cases.stream().filter(c -> !c.at().isAfter(asOf)).forEach(c -> ids.add(c.contact()));
    return ids;
  }
}
