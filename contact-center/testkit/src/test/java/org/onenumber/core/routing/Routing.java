package org.onenumber.core.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.agent.ChannelCapacity;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.Queue;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.directory.SkillLevel;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.testkit.ManualClock;

/** A routing engine on a manual clock with short-hand commands, for the per-case tests. */
final class Routing {

  final ManualClock clock = new ManualClock();
  final RoutingEngine engine = new RoutingEngine(clock, new SplittableRandom(7));
  final List<DomainEvent> events = new ArrayList<>();
  private int contacts;

  Decisions run(RoutingCommand command) {
    Decisions decisions = engine.handle(command);
    events.addAll(decisions.events());
    return decisions;
  }

  static Queue queue(String id, Set<Language> languages, List<SkillLevel> skills) {
    return new Queue(new QueueId(id), id, languages, Set.of(Channel.values()), skills, 0, Duration.ofSeconds(15));
  }

  QueueConfig configure(QueueConfig config) {
    run(new RoutingCommand.Configure(config));
    return config;
  }

  QueueConfig configure(String id, Language... languages) {
    return configure(QueueConfig.defaults(queue(id, Set.of(languages), List.of())));
  }

  static Agent agent(String id, Set<String> queues, Set<Language> languages, SkillLevel... skills) {
    return new Agent(new AgentId(id), id, Set.of(skills), languages, ChannelCapacity.DEFAULT,
        queues.stream().map(QueueId::new).collect(java.util.stream.Collectors.toSet()), AgentState.OFFLINE, null);
  }

  AgentId login(String id, String queue, Language language, SkillLevel... skills) {
    return login(agent(id, Set.of(queue), Set.of(language), skills));
  }

  AgentId login(Agent agent) {
    run(new RoutingCommand.LogIn(agent, Set.of(), null));
    return agent.id();
  }

  Contact contact(String queue, Channel channel, Language language, int priority, SkillLevel... skills) {
    int n = ++contacts;
    return Contact.create(new ContactId("c-" + n), channel, new CitizenId("citizen-" + n), language, Set.of(skills),
        priority, "topic " + n, clock.instant())
        .moveTo(new ContactStep(ContactState.QUEUED, clock.instant(), null, new QueueId(queue), "intake"));
  }

  ContactId arrive(String queue, Channel channel, Language language, int priority, SkillLevel... skills) {
    return arrive(contact(queue, channel, language, priority, skills));
  }

  ContactId arrive(Contact contact) {
    run(new RoutingCommand.Arrive(contact));
    return contact.id();
  }

  ContactId arrive(String queue) {
    return arrive(queue, Channel.VOICE, Language.KOREAN, 0);
  }

  void advance(long seconds) {
    clock.advanceSeconds(seconds);
    run(new RoutingCommand.Tick());
  }

  ContactState state(ContactId contact) {
    return engine.contact(contact).map(Contact::state).orElse(null);
  }

  /** The agent the contact is offered or connected to, or null. */
  AgentId agentOf(ContactId contact) {
    return engine.contact(contact).map(Contact::agent).orElse(null);
  }

  AgentState state(AgentId agent) {
    return engine.agent(agent).map(AgentStatus::state).orElse(AgentState.OFFLINE);
  }

  void accept(AgentId agent, ContactId contact) {
    run(new RoutingCommand.Accept(agent, contact));
  }

  <T> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  static AgentId id(String agent) {
    return new AgentId(agent);
  }
}
