package org.onenumber.core.routing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
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
import org.onenumber.testkit.ManualClock;

/**
 * Seeded simulation: random arrivals, abandons, accepts, declines, ring-outs, wrap-ups,
 * holds and resumes, transfers, callbacks, agent state flips and capacity changes, with {@link RoutingInvariants}
 * checked after every command. {@code -Dtests.seed=N} replays one run; {@code -Dtests.iterations=N}
 * sets how many runs (default 12, of 2,500 commands each).
 */
class RoutingSimulationTest {

  private static final int STEPS = 2_500;
  private static final List<Language> LANGUAGES = List.of(Language.KOREAN, Language.ENGLISH, Language.KOREAN_SIGN);
  private static final List<String> SKILLS = List.of("general", "tax", "transport");
  private static final List<Channel> CHANNELS = List.of(Channel.VOICE, Channel.VIDEO, Channel.CHAT, Channel.SMS);

  @Test
  void keepsEveryInvariantUnderRandomTraffic() {
    String fixed = System.getProperty("tests.seed");
    int iterations = Integer.getInteger("tests.iterations", 12);
    long master = fixed != null ? Long.parseLong(fixed) : System.nanoTime();
    SplittableRandom seeds = new SplittableRandom(master);
    for (int i = 0; i < (fixed != null ? 1 : iterations); i++) {
      long seed = fixed != null ? master : seeds.nextLong();
      try {
        new Run(seed).go();
      } catch (AssertionError | RuntimeException e) {
        System.err.println("RoutingSimulationTest failed; replay with -Dtests.seed=" + seed);
        throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
      }
    }
  }

  /** One seeded run. */
  private static final class Run {
    private final SplittableRandom random;
    private final ManualClock clock = new ManualClock();
    private final RoutingEngine engine;
    private final RoutingInvariants invariants;
    private final List<Agent> agents = new ArrayList<>();
    private final List<QueueConfig> queues = new ArrayList<>();
    private final Set<String> seen = new java.util.HashSet<>();
    private int contacts;

    Run(long seed) {
      random = new SplittableRandom(seed);
      engine = new RoutingEngine(clock, new SplittableRandom(seed + 1), Duration.ofSeconds(10), Duration.ofSeconds(90));
      invariants = new RoutingInvariants(engine);
    }

    void go() {
      for (int q = 0; q < 4; q++) {
        QueueConfig config = queueConfig(q);
        queues.add(config);
        command(new RoutingCommand.Configure(config));
      }
      for (int a = 0; a < 14; a++) {
        agents.add(agent(a));
      }
      for (int step = 0; step < STEPS; step++) {
        try {
          step();
        } catch (AssertionError | RuntimeException e) {
          throw new AssertionError("step " + step + " at " + clock.instant() + ": " + e.getMessage(), e);
        }
      }
      requireCoverage();
    }

    private QueueConfig queueConfig(int index) {
      String skill = SKILLS.get(index % SKILLS.size());
      Queue queue = new Queue(new QueueId("q" + index), "queue " + index, Set.copyOf(LANGUAGES), Set.copyOf(CHANNELS),
          List.of(SkillLevel.of(skill, 1 + random.nextInt(3))), 0, Duration.ofSeconds(15));
      AgentSelection selection = AgentSelection.values()[random.nextInt(AgentSelection.values().length)];
      List<QueueStep> steps = List.of(QueueStep.lowerSkill(Duration.ofSeconds(40), 1),
          QueueStep.addQueues(Duration.ofSeconds(90), new QueueId("q" + ((index + 1) % 4))),
          QueueStep.fallback(Duration.ofSeconds(900), "sms-self-service"));
      return new QueueConfig(queue, selection, 1 + random.nextInt(2), Duration.ofSeconds(20), Duration.ofSeconds(random.nextInt(3) * 10 + (index == 0 ? 5 : 0)),
          Duration.ofSeconds(15), random.nextBoolean(), random.nextBoolean(),
          new CallbackPolicy(2, Duration.ofSeconds(30)), steps, BusinessCalendar.ALWAYS_OPEN, List.of());
    }

    private Agent agent(int index) {
      Set<Language> languages = random.nextInt(4) == 0 ? Set.of(Language.KOREAN, LANGUAGES.get(1 + random.nextInt(2)))
          : Set.of(LANGUAGES.get(random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0));
      Set<SkillLevel> skills = Set.of(SkillLevel.of("general", 1 + random.nextInt(5)),
          SkillLevel.of(SKILLS.get(1 + random.nextInt(2)), 1 + random.nextInt(5)));
      Set<QueueId> serves = java.util.stream.Stream.of(random.nextInt(4), random.nextInt(4))
          .map(q -> new QueueId("q" + q)).collect(java.util.stream.Collectors.toSet());
      return new Agent(new AgentId("a" + index), "agent " + index, skills, languages,
          new ChannelCapacity(1 + random.nextInt(3)), serves, AgentState.OFFLINE, null);
    }

    private void step() {
      int dice = random.nextInt(100);
      if (dice < 22) {
        arrive();
      } else if (dice < 34) {
        clock.advance(Duration.ofSeconds(1 + random.nextInt(12)));
        command(new RoutingCommand.Tick());
      } else if (dice < 50) {
        answerOffer();
      } else if (dice < 60) {
        finishContact();
      } else if (dice < 64) {
        holdOrResume();
      } else if (dice < 69) {
        pick(e -> e.place == Place.WAITING || e.place == Place.OFFERED || e.place == Place.CONNECTED
            || e.place == Place.HELD)
            .ifPresent(e -> command(new RoutingCommand.Abandon(e.contact.id())));
      } else if (dice < 74) {
        transfer();
      } else if (dice < 78) {
        pick(e -> e.place == Place.WAITING && !e.callback)
            .ifPresent(e -> command(new RoutingCommand.RequestCallback(e.contact.id())));
      } else {
        flipAgent();
      }
    }

    private void arrive() {
      if (engine.entries().size() > 120) {
        return;
      }
      int n = ++contacts;
      QueueConfig queue = queues.get(random.nextInt(queues.size()));
      Language language = random.nextInt(5) == 0 ? LANGUAGES.get(1 + random.nextInt(2)) : Language.KOREAN;
      Contact contact = Contact.create(new ContactId("c" + n), CHANNELS.get(random.nextInt(CHANNELS.size())),
          new CitizenId("citizen" + random.nextInt(40)), language, Set.copyOf(queue.queue().requiredSkills()),
          random.nextInt(6) == 0 ? 1 : 0, "topic", clock.instant())
          .moveTo(new ContactStep(ContactState.QUEUED, clock.instant(), null, queue.id(), "intake"));
      command(new RoutingCommand.Arrive(contact));
    }

    private void answerOffer() {
      pick(e -> e.place == Place.OFFERED).ifPresent(e -> {
        AgentId agent = e.seat.agent.id();
        if (e.callback) {
          command(new RoutingCommand.CallbackResult(e.contact.id(), random.nextInt(3) > 0));
        } else if (random.nextInt(5) == 0) {
          command(new RoutingCommand.Decline(agent, e.contact.id(), "busy"));
        } else {
          command(new RoutingCommand.Accept(agent, e.contact.id()));
        }
      });
    }

    /** Holds a connected call or resumes a held one; now and then tries one that must be refused. */
    private void holdOrResume() {
      pick(e -> e.place == Place.HELD || (e.place == Place.CONNECTED && e.kind == Kind.EXCLUSIVE)).ifPresent(e -> {
        boolean wrong = random.nextInt(10) == 0;
        boolean held = e.place == Place.HELD;
        RoutingCommand command = held != wrong ? new RoutingCommand.Resume(e.contact.id())
            : new RoutingCommand.Hold(e.contact.id());
        if (!wrong) {
          command(command);
          return;
        }
        Place before = e.place;
        try {
          engine.handle(command);
          throw new AssertionError("the engine accepted " + command + " in " + before);
        } catch (org.onenumber.core.error.IllegalTransitionException expected) {
          if (e.place != before) {
            throw new AssertionError("a refused " + command + " changed the contact's place", expected);
          }
        }
      });
    }

    private void finishContact() {
      pick(e -> e.place == Place.CONNECTED || e.place == Place.HELD || e.place == Place.WRAP_UP).ifPresent(e -> {
        var outcome = RoutingCommand.Outcome.values()[random.nextInt(3)];
        if (e.place != Place.WRAP_UP && random.nextBoolean()) {
          command(new RoutingCommand.WrapUp(e.contact.id(), outcome));
        } else {
          command(new RoutingCommand.Close(e.contact.id(), outcome));
        }
      });
    }

    private void transfer() {
      pick(e -> e.place == Place.CONNECTED || e.place == Place.HELD).ifPresent(e -> {
        int kind = random.nextInt(5);
        if (kind == 0) {
          command(new RoutingCommand.Transfer(e.contact.id(), null, agents.get(random.nextInt(agents.size())).id(), null, true));
        } else if (kind == 1 && e.kind == Kind.EXCLUSIVE && e.place == Place.CONNECTED) {
          command(new RoutingCommand.Conference(e.contact.id(), "+8221200999"));
        } else {
          command(new RoutingCommand.Transfer(e.contact.id(), queues.get(random.nextInt(queues.size())).id(), null, null,
              random.nextInt(5) > 0));
        }
      });
    }

    private void flipAgent() {
      Agent agent = agents.get(random.nextInt(agents.size()));
      Seat seat = engine.seats().get(agent.id());
      if (seat == null) {
        command(new RoutingCommand.LogIn(agent, Set.of(), random.nextInt(4) == 0 ? "meeting" : null));
        return;
      }
      switch (random.nextInt(6)) {
        case 0 -> command(new RoutingCommand.LogOut(agent.id(), random.nextBoolean()));
        case 1 -> command(new RoutingCommand.TakeBreak(agent.id(), "lunch"));
        case 2 -> command(new RoutingCommand.ChangeCapacity(agent.id(), Math.max(seat.messaging, random.nextInt(4))));
        default -> command(new RoutingCommand.MakeAvailable(agent.id()));
      }
    }

    private java.util.Optional<Entry> pick(Predicate<Entry> which) {
      List<Entry> candidates = engine.entries().values().stream().filter(which)
          .sorted(java.util.Comparator.comparingLong(e -> e.seq)).toList();
      return candidates.isEmpty() ? java.util.Optional.empty()
          : java.util.Optional.of(candidates.get(random.nextInt(candidates.size())));
    }

    private void command(RoutingCommand command) {
      Decisions decisions = engine.handle(command);
      invariants.check(decisions);
      decisions.events().forEach(e -> seen.add(e instanceof org.onenumber.core.event.ContactStateChanged c
          ? "contact:" + c.to() : e.type()));
    }

    /** A run that never exercised these would prove little. */
    private void requireCoverage() {
      for (String what : List.of("contact:OFFERED", "contact:CONNECTED", "contact:WRAP_UP", "contact:TRANSFERRED",
          "contact:ABANDONED", "contact:CALLBACK_REQUESTED", "contact:HELD", "routing.offer-timed-out", "routing.callback-placed",
          "routing.step-applied", "routing.queue-position", "agent.state-changed")) {
        if (!seen.contains(what)) {
          throw new AssertionError("the run never produced " + what);
        }
      }
    }
  }

  @Test
  void invariantsCatchAnAgentHoldingTwoOffers() {
    Routing r = new Routing();
    r.configure("general", Language.KOREAN);
    r.login("a", "general", Language.KOREAN);
    r.arrive("general");
    ContactId second = r.arrive("general");
    Seat seat = r.engine.seats().get(Routing.id("a"));
    Entry other = r.engine.entries().get(second);
    other.place = Place.OFFERED;
    other.seat = seat;
    try {
      new RoutingInvariants(r.engine).check(new Decisions(List.of(), List.of(), null));
    } catch (AssertionError expected) {
      return;
    }
    fail("the invariants did not notice a contact offered without an offer slot");
  }
}
