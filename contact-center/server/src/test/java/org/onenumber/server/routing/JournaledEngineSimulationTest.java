package org.onenumber.server.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.Agent;
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
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.routing.AgentStatus;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.QueueConfig;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.core.routing.RoutingEngine;
import org.onenumber.testkit.ManualClock;
import org.onenumber.testkit.TestData;

/**
 * Seeded simulation of routing over a record that fails one write in six: arrivals (journaled by
 * intake first), ticks, accepts, wrap-ups, closes, abandons, logins, breaks, capacity changes and
 * logouts. After every command, failed or not, the engine a caller can reach must agree with the
 * record: the same open contacts in the same states, the same logged-in agents with the same
 * queues, capacity and pause; and nothing published that was not written. The same holds when the
 * commands go through the routing context's batches ({@link RoutingQueue}: a few commands applied
 * together and written in one commit), checked after every batch. {@code -Dtests.seed=N} replays
 * one run.
 */
class JournaledEngineSimulationTest {

  private static final int STEPS = 800;

  @Test
  void theEngineAndTheRecordNeverDisagreeWhateverWriteFails() {
    runs(false);
  }

  @Test
  void batchesOfCommandsKeepTheEngineAndTheRecordInAgreementWhateverCommitFails() {
    runs(true);
  }

  private static void runs(boolean batched) {
    String fixed = System.getProperty("tests.seed");
    long master = fixed != null ? Long.parseLong(fixed) : System.nanoTime();
    SplittableRandom seeds = new SplittableRandom(master);
    for (int i = 0; i < (fixed != null ? 1 : 3); i++) {
      long seed = fixed != null ? master : seeds.nextLong();
      try {
        Run run = new Run(seed);
        if (batched) {
          run.batched();
        }
        run.go();
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("replay with -Dtests.seed=" + seed + ": " + e.getMessage(), e);
      }
    }
  }

  @Test
  void anAcceptWhoseWriteFailsLeavesTheOfferAsJournaledAndIsNotPublished() {
    Run run = new Run(7);
    Agent agent = run.agents.get(0);
    run.command(new RoutingCommand.LogIn(agent, Set.of(), null));
    Contact contact = run.arrive(new QueueId("q0"));
    assertEquals(ContactState.OFFERED, run.record.open.get(contact.id()).state());
    int published = run.published.size();
    run.record.failNextWrite();
    Optional<RuntimeException> failed = run.command(new RoutingCommand.Accept(agent.id(), contact.id()));
    assertTrue(failed.orElseThrow() instanceof RetriableException);
    assertEquals(published, run.published.size(), "nothing of the failed accept was published");
    RoutingEngine rebuilt = run.routing.engine();
    assertEquals(ContactState.OFFERED, rebuilt.contact(contact.id()).orElseThrow().state(), "re-offered after the rebuild");
    assertEquals(ContactState.OFFERED, run.record.open.get(contact.id()).state());
    assertTrue(run.command(new RoutingCommand.Accept(agent.id(), contact.id())).isEmpty(), "the retry succeeds");
    assertEquals(ContactState.CONNECTED, run.record.open.get(contact.id()).state());
  }

  @Test
  void anOfferInFlightAtARebuildIsOfferedAgainToTheSameOperatorNotToOneWhoseSessionComesBackFirst() {
    Run run = new Run(7);
    Agent first = run.agents.get(0);
    Agent ringing = run.agents.get(1);
    run.command(new RoutingCommand.LogIn(first, Set.of(), "lunch"));
    run.command(new RoutingCommand.LogIn(ringing, Set.of(), null));
    Contact contact = run.arrive(new QueueId("q0"));
    assertEquals(ringing.id(), run.record.open.get(contact.id()).agent());
    run.command(new RoutingCommand.MakeAvailable(first.id())); // back from lunch: stored first, restored first
    int offersBefore = offers(run.record.written, contact.id());

    run.routing.distrust(); // as a restart or a takeover does: rebuilt from the record
    RoutingEngine rebuilt = run.routing.engine();
    assertEquals(ContactState.OFFERED, rebuilt.contact(contact.id()).orElseThrow().state());
    assertEquals(ringing.id(), rebuilt.contact(contact.id()).orElseThrow().agent(), "the operator it was ringing for");
    assertEquals(ringing.id(), run.record.open.get(contact.id()).agent(), "the new offer is journaled");
    assertEquals(offersBefore + 1, offers(run.record.written, contact.id()), "offered once more, to one operator");
    assertEquals(AgentState.AVAILABLE, rebuilt.agent(first.id()).orElseThrow().state());
  }

  @Test
  void aCallbackWaitingForItsRetryIsPlacedAtItsTimeByTheRebuiltEngine() {
    Run run = new Run(7);
    Agent agent = run.agents.get(0);
    Contact contact = run.arrive(new QueueId("q0"));
    run.command(new RoutingCommand.RequestCallback(contact.id()));
    run.command(new RoutingCommand.LogIn(agent, Set.of(), null));
    assertEquals(agent.id(), run.record.open.get(contact.id()).agent(), "placed: the agent is reserved");
    run.command(new RoutingCommand.CallbackResult(contact.id(), false)); // retry in 2 minutes (the default policy)
    run.clock.advance(Duration.ofSeconds(30));

    run.routing.distrust(); // as a restart or a takeover does: rebuilt from the record
    assertEquals(null, run.routing.engine().contact(contact.id()).orElseThrow().agent(), "not placed before its time");
    run.clock.advance(Duration.ofSeconds(89));
    run.command(new RoutingCommand.Tick());
    assertEquals(null, run.record.open.get(contact.id()).agent(), "one second before its time");
    run.clock.advance(Duration.ofSeconds(1));
    run.command(new RoutingCommand.Tick());
    assertEquals(agent.id(), run.record.open.get(contact.id()).agent(), "placed at its time");
    List<Integer> attempts = run.record.written.stream().filter(org.onenumber.core.event.CallbackPlaced.class::isInstance)
        .map(e -> ((org.onenumber.core.event.CallbackPlaced) e).attempt()).toList();
    assertEquals(List.of(1, 2), attempts, "the second attempt, not a first one again");
  }

  private static int offers(List<DomainEvent> events, ContactId contact) {
    return (int) events.stream().filter(e -> e instanceof org.onenumber.core.event.ContactStateChanged c
        && c.contact().equals(contact) && c.to() == ContactState.OFFERED).count();
  }

  /** One seeded run over two queues and six agents. */
  private static final class Run {
    final SplittableRandom random;
    final ManualClock clock = new ManualClock();
    final List<QueueConfig> queues = new ArrayList<>();
    final List<Agent> agents = new ArrayList<>();
    final FlakyRoutingRecord record;
    final JournaledEngine routing;
    final Set<DomainEvent> published = Collections.newSetFromMap(new IdentityHashMap<>());
    final List<ContactId> seen = new ArrayList<>();
    int failures;
    int closed;
    /** In batched runs: the routing context's queue, and its tasks, run by hand. */
    RoutingQueue queue;
    final List<Runnable> context = new ArrayList<>();
    int batches;
    int armed;

    Run(long seed) {
      random = new SplittableRandom(seed);
      for (int q = 0; q < 2; q++) {
        Queue queue = new Queue(new QueueId("q" + q), "queue " + q, Set.of(Language.KOREAN), Set.of(Channel.values()),
            List.of(), 0, Duration.ofSeconds(15));
        queues.add(QueueConfig.defaults(queue));
      }
      for (int a = 0; a < 6; a++) {
        Agent base = TestData.agent("a" + a, Set.of(Language.KOREAN), Set.of(), "q" + (a % 2), "q" + ((a + 1) % 2));
        agents.add(new Agent(base.id(), base.name(), base.skills(), base.languages(), new ChannelCapacity(1 + a % 3),
            base.queues(), AgentState.OFFLINE, null));
      }
      record = new FlakyRoutingRecord(queues, agents);
      routing = new JournaledEngine(() -> new RoutingEngine(clock, new SplittableRandom(seed + 1)), record,
          (engine, decisions) -> published.addAll(decisions.events()));
    }

    /** From now on commands queue for the context, which runs after one to six of them. */
    void batched() {
      queue = new RoutingQueue(context::add, routing, new RoutingQueue.Host() {
        @Override
        public void prepare(RoutingCommand command) {
        }

        @Override
        public void publish(Decisions decisions) {
          published.addAll(decisions.events());
          closed += (int) decisions.contacts().stream().filter(c -> c.state() == ContactState.CLOSED).count();
        }

        @Override
        public void recover() {
        }
      });
    }

    void go() {
      // batched, a command is built from the engine before its batch: contacts move on more slowly
      int steps = queue == null ? STEPS : 2 * STEPS;
      for (int step = 0; step < steps; step++) {
        if (queue == null && random.nextInt(6) == 0) {
          record.failNextWrite();
        }
        step();
        if (queue != null) {
          if (random.nextInt(6) != 0 && step < steps - 1) {
            continue;
          }
          batches++;
          if (random.nextInt(6) == 0 && !record.failureArmed()) { // a batch with nothing to write leaves it armed
            record.failNextWrite();
            armed++;
          }
          while (!context.isEmpty()) {
            context.remove(0).run();
          }
        }
        try {
          assertAgrees(routing.engine());
        } catch (RetriableException rebuildFailed) {
          failures++;
        } catch (AssertionError e) {
          throw new AssertionError("step " + step + ": " + e.getMessage(), e);
        }
      }
      if (queue == null) {
        assertTrue(record.failedWrites > STEPS / 10, "writes failed: " + record.failedWrites);
      } else {
        assertTrue(record.failedWrites >= armed - 1 && record.failedWrites > 10,
            "writes failed: " + record.failedWrites + " of " + armed + " armed in " + batches + " batches");
      }
      assertTrue(queue == null || record.writes < steps / 2, "batches shared commits: " + record.writes);
      assertTrue(closed > 20, "contacts went all the way: " + closed);
    }

    private void step() {
      int dice = random.nextInt(100);
      if (dice < 25) {
        arrive(queues.get(random.nextInt(queues.size())).id());
      } else if (dice < 40) {
        clock.advance(Duration.ofSeconds(1 + random.nextInt(15)));
        command(new RoutingCommand.Tick());
      } else if (dice < 55) {
        withAgent(s -> s.offer() != null, s -> new RoutingCommand.Accept(s.agent(), s.offer().id()));
      } else if (dice < 70) {
        withAgent(s -> !s.held().isEmpty(), s -> {
          Contact held = s.held().get(0);
          return held.state() == ContactState.WRAP_UP || random.nextBoolean()
              ? new RoutingCommand.Close(held.id(), RoutingCommand.Outcome.RESOLVED)
              : new RoutingCommand.WrapUp(held.id(), RoutingCommand.Outcome.RESOLVED);
        });
      } else if (dice < 75) {
        record.open.values().stream().filter(c -> c.state() == ContactState.QUEUED).findFirst()
            .ifPresent(c -> command(new RoutingCommand.Abandon(c.id())));
      } else {
        flipAgent(agents.get(random.nextInt(agents.size())));
      }
    }

    Contact arrive(QueueId queue) {
      ContactId id = new ContactId("c" + seen.size());
      seen.add(id);
      Contact contact = Contact.create(id, Channel.values()[random.nextInt(2)], new CitizenId("citizen-" + id.value()),
          Language.KOREAN, Set.of(), 0, "topic", clock.instant())
          .moveTo(new ContactStep(ContactState.QUEUED, clock.instant(), null, queue, "intake"));
      record.intake(contact);
      command(new RoutingCommand.Arrive(contact));
      return contact;
    }

    private void flipAgent(Agent agent) {
      Optional<AgentStatus> status = engineOrEmpty().flatMap(e -> e.agent(agent.id()));
      if (status.isEmpty()) {
        command(new RoutingCommand.LogIn(agent, Set.of(), random.nextInt(4) == 0 ? "lunch" : null));
        return;
      }
      command(switch (random.nextInt(4)) {
        case 0 -> new RoutingCommand.MakeAvailable(agent.id());
        case 1 -> new RoutingCommand.TakeBreak(agent.id(), "coffee");
        case 2 -> new RoutingCommand.ChangeCapacity(agent.id(), 1 + random.nextInt(3));
        default -> new RoutingCommand.LogOut(agent.id(), true);
      });
    }

    private void withAgent(java.util.function.Predicate<AgentStatus> which,
        java.util.function.Function<AgentStatus, RoutingCommand> command) {
      engineOrEmpty().flatMap(e -> agents.stream().map(a -> e.agent(a.id())).flatMap(Optional::stream)
          .filter(which).findFirst()).ifPresent(s -> command(command.apply(s)));
    }

    private Optional<RoutingEngine> engineOrEmpty() {
      try {
        return Optional.of(routing.engine());
      } catch (RetriableException e) {
        return Optional.empty();
      }
    }

    /** Runs a command as the host does (or queues it, batched); returns the failure, if any. */
    Optional<RuntimeException> command(RoutingCommand command) {
      if (queue != null) {
        queue.add(new RoutingQueue.Answered(command, new java.util.concurrent.CompletableFuture<>()));
        return Optional.empty();
      }
      try {
        Decisions decisions = routing.handle(command);
        published.addAll(decisions.events());
        closed += (int) decisions.contacts().stream().filter(c -> c.state() == ContactState.CLOSED).count();
        return Optional.empty();
      } catch (RetriableException | NotFoundException | IllegalTransitionException e) {
        return Optional.of(e);
      }
    }

    private void assertAgrees(RoutingEngine engine) {
      for (ContactId id : seen) {
        Contact journaled = record.open.get(id);
        Optional<Contact> routed = engine.contact(id);
        assertEquals(Optional.ofNullable(journaled).map(Contact::state), routed.map(Contact::state), "state of " + id);
        if (journaled != null) {
          assertEquals(journaled.agent(), routed.orElseThrow().agent(), "agent of " + id);
        }
      }
      for (Agent agent : agents) {
        Optional<AgentStatus> session = Optional.ofNullable(record.sessions.get(agent.id()));
        Optional<AgentStatus> live = engine.agent(agent.id());
        assertEquals(session.isPresent(), live.isPresent(), "logged in: " + agent.id());
        if (live.isPresent()) {
          assertEquals(session.get().queues(), live.get().queues(), "queues of " + agent.id());
          assertEquals(session.get().maxMessaging(), live.get().maxMessaging(), "capacity of " + agent.id());
          assertEquals(paused(session.get()), paused(live.get()), "pause of " + agent.id());
        }
      }
      Set<DomainEvent> written = Collections.newSetFromMap(new IdentityHashMap<>());
      written.addAll(record.written);
      assertTrue(written.containsAll(published), "published only what was written");
    }

    private static boolean paused(AgentStatus status) {
      return status.state() == AgentState.BREAK || status.state() == AgentState.NOT_RESPONDING;
    }
  }
}
