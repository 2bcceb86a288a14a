package org.onenumber.ops.bench;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.routing.AgentSelection;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.QueueConfig;
import org.onenumber.core.routing.QueueStep;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.core.routing.RoutingEngine;

/**
 * A routing engine loaded with a city: agents serving three queues each, queues with widening
 * steps, and a line of waiting contacts kept at its size by steady traffic. {@link #next()} yields
 * the next command of that traffic: arrivals and completions in balance, accepts of the offers the
 * engine made, agents going on break and coming back. Single-threaded; deterministic per seed.
 */
public final class RoutingScenario {

  /** The scenario's dimensions. */
  public record Size(int agents, int queues, int skills, int languages, int waiting) {
    public static final Size LARGE = new Size(2_000, 50, 10, 6, 20_000);
    public static final Size SMALL = new Size(200, 50, 10, 6, 2_000);
  }

  private static final List<Language> LANGUAGES = List.of(Language.KOREAN, Language.ENGLISH, Language.CHINESE,
      Language.JAPANESE, Language.VIETNAMESE, Language.KOREAN_SIGN);
  private static final Duration TICK = Duration.ofMillis(5);

  private final Size size;
  private final SplittableRandom random;
  private final BenchClock clock = new BenchClock();
  private final RoutingEngine engine;
  private final List<QueueConfig> queues = new ArrayList<>();
  private final List<Agent> agents = new ArrayList<>();
  private final Set<AgentId> onBreak = new HashSet<>();
  private final List<ContactId> connected = new ArrayList<>();
  private final ArrayDeque<RoutingCommand> pending = new ArrayDeque<>();
  private int waiting;
  private long contacts;
  private long offers;

  public RoutingScenario(Size size, long seed) {
    this.size = size;
    this.random = new SplittableRandom(seed);
    this.engine = new RoutingEngine(clock, new SplittableRandom(seed + 1), Duration.ofSeconds(10), Duration.ofMinutes(3));
    for (int q = 0; q < size.queues(); q++) {
      queues.add(queue(q));
      apply(new RoutingCommand.Configure(queues.get(q)));
    }
    for (int a = 0; a < size.agents(); a++) {
      agents.add(agent(a));
      apply(new RoutingCommand.LogIn(agents.get(a), Set.of(), null));
    }
    while (waiting < size.waiting()) {
      apply(pending.isEmpty() ? arrival() : pending.poll());
    }
  }

  private QueueConfig queue(int index) {
    Set<Language> languages = new HashSet<>();
    languages.add(LANGUAGES.get(index % size.languages()));
    if (random.nextInt(3) == 0) {
      languages.add(LANGUAGES.get(random.nextInt(size.languages())));
    }
    Queue queue = new Queue(new QueueId("q" + index), "queue " + index, languages, Set.of(Channel.VOICE, Channel.CHAT),
        List.of(SkillLevel.of("skill" + index % size.skills(), 1 + random.nextInt(3))), 0, Duration.ofSeconds(20));
    AgentSelection selection = index % 5 == 0 ? AgentSelection.FEWEST_CONTACTS
        : index % 7 == 0 ? AgentSelection.BEST_SKILL : AgentSelection.LONGEST_IDLE;
    return QueueConfig.defaults(queue).withSelection(selection).withTimes(Duration.ZERO, Duration.ofSeconds(20))
        .withSteps(List.of(QueueStep.lowerSkill(Duration.ofSeconds(60), 1),
            QueueStep.addQueues(Duration.ofSeconds(120), new QueueId("q" + (index + 1) % size.queues()))));
  }

  private Agent agent(int index) {
    Set<QueueId> serves = new HashSet<>();
    Set<Language> languages = new HashSet<>();
    Set<SkillLevel> skills = new HashSet<>();
    Set<String> skillNames = new HashSet<>();
    while (serves.size() < 3) {
      QueueConfig queue = queues.get(random.nextInt(queues.size()));
      if (serves.add(queue.id())) {
        languages.add(queue.queue().languages().iterator().next());
        String skill = queue.queue().requiredSkills().get(0).skill().code();
        if (skillNames.add(skill)) {
          skills.add(SkillLevel.of(skill, 1 + random.nextInt(5)));
        }
      }
    }
    return new Agent(new AgentId("op-" + index), "agent " + index, skills, languages,
        new ChannelCapacity(1 + random.nextInt(3)), serves, AgentState.OFFLINE, null);
  }

  /** The next command of steady traffic. */
  public RoutingCommand next() {
    clock.advance(TICK);
    if (!pending.isEmpty()) {
      return pending.poll();
    }
    if (random.nextInt(100) < 92 || connected.isEmpty()) {
      return waiting < size.waiting() || connected.isEmpty() ? arrival() : completion();
    }
    Agent agent = agents.get(random.nextInt(agents.size()));
    return onBreak.remove(agent.id()) ? new RoutingCommand.MakeAvailable(agent.id())
        : breakFor(agent.id());
  }

  private RoutingCommand breakFor(AgentId agent) {
    onBreak.add(agent);
    return new RoutingCommand.TakeBreak(agent, "short-break");
  }

  private RoutingCommand arrival() {
    long n = ++contacts;
    QueueConfig queue = queues.get(random.nextInt(queues.size()));
    List<Language> languages = List.copyOf(queue.queue().languages());
    Contact contact = Contact.create(new ContactId("c-" + n), random.nextInt(10) < 6 ? Channel.VOICE : Channel.CHAT,
        new CitizenId("citizen-" + random.nextInt(1_000_000)), languages.get(random.nextInt(languages.size())),
        Set.copyOf(queue.queue().requiredSkills()), random.nextInt(20) == 0 ? 1 : 0, "topic", clock.instant())
        .moveTo(new ContactStep(ContactState.QUEUED, clock.instant(), null, queue.id(), "intake"));
    return new RoutingCommand.Arrive(contact);
  }

  private RoutingCommand completion() {
    int index = random.nextInt(connected.size());
    ContactId contact = connected.get(index);
    connected.set(index, connected.get(connected.size() - 1));
    connected.remove(connected.size() - 1);
    return new RoutingCommand.Close(contact, RoutingCommand.Outcome.RESOLVED);
  }

  /** Runs one command through the engine and learns from its decisions. */
  public Decisions apply(RoutingCommand command) {
    Decisions decisions = engine.handle(command);
    observe(command, decisions);
    return decisions;
  }

  /** Learns from decisions: offers get accepted next, contacts entering and leaving the line are counted. */
  public void observe(RoutingCommand command, Decisions decisions) {
    if (command instanceof RoutingCommand.Arrive) {
      waiting++;
    }
    for (DomainEvent event : decisions.events()) {
      if (event instanceof ContactStateChanged c) {
        count(c);
      }
    }
  }

  private void count(ContactStateChanged c) {
    switch (c.to()) {
      case QUEUED -> waiting += c.from() == ContactState.CREATED ? 0 : 1;
      case OFFERED -> {
        waiting--;
        offers++;
        pending.add(new RoutingCommand.Accept(c.agent(), c.contact()));
      }
      case CONNECTED -> connected.add(c.contact());
      case CLOSED, ABANDONED -> {
        if (c.from() == ContactState.QUEUED || c.from() == ContactState.CALLBACK_REQUESTED) {
          waiting--;
        }
      }
      default -> { }
    }
  }

  public RoutingEngine engine() {
    return engine;
  }

  public long offers() {
    return offers;
  }

  public int waiting() {
    return waiting;
  }

  public Size size() {
    return size;
  }
}
