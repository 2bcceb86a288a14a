package org.onenumber.server.call;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onenumber.channels.call.CallParty;
import org.onenumber.channels.call.CallPartyJournal;
import org.onenumber.channels.call.CallPeer;
import org.onenumber.channels.call.CallRouting;
import org.onenumber.channels.call.CallSignalling;
import org.onenumber.channels.call.CallTokens;
import org.onenumber.channels.call.CallsElsewhere;
import org.onenumber.channels.call.IceServers;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.port.in.OpenContact;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.core.port.out.Directory;
import org.onenumber.server.casework.DepartmentCallInvites;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.routing.CallInvites;
import org.onenumber.server.routing.RoutingHost;

/**
 * Issue 11, session 23: a call's home checked its claim and froze before routing wrote the step it allowed;
 * another node took the call over meanwhile (claimed it in {@code call_home}). The real routing (intake, the
 * engine, its journal, the claims on the subclass's database) refuses the citizen's hang-up in the transaction
 * that would write it: no ABANDONED step, the call stays queued, and the woken home gives the call up (its
 * socket hears {@code rehomed} with {@code reconnect: true}). The freeze is a hook of our own port: the home's
 * {@link CallRouting} lets "node-b" claim the call just before it hands the hang-up on. The same hang-up under
 * the call's latest claim is journaled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CallStepUnderClaimTestBase {

  private static final AtomicInteger CALLERS = new AtomicInteger();

  @Inject
  OpenContact open;

  @Inject
  RoutingHost routing;

  @Inject
  ContactJournal journal;

  @Inject
  Directory directory;

  @Inject
  CallInvites invites;

  @Inject
  DepartmentCallInvites departments;

  @Inject
  Jdbc jdbc;

  @Inject
  InstantSource clock;

  @Inject
  @Named(TaskExecutors.BLOCKING)
  ExecutorService blocking;

  /** Runs between the home's check of its claim and routing's write of the step it handed. */
  private volatile Runnable frozenHere = () -> { };

  @Test
  void aHangUpWhoseClaimAnotherNodeTookAfterTheHomesCheckIsNotJournaledAndTheCallIsGivenUp() {
    CallSignalling nodeA = node("node-a");
    Peer citizen = new Peer("citizen-a");
    ContactId contact = started(nodeA, citizen);
    frozenHere = () -> new JdbcCallClaims(jdbc, clock, "node-b").claim(contact); // node-b took the call over

    nodeA.handle(Map.of("type", "hangup", "contactId", contact.value()), citizen, Optional.empty());

    await().atMost(Duration.ofSeconds(15)).until(() -> citizen.has("rehomed"));
    assertEquals(true, citizen.last("rehomed").get("reconnect"));
    assertFalse(citizen.has("ended"), "the call did not end: it lives on node-b");
    assertFalse(nodeA.isCall(contact), "given up on node-a");
    assertEquals(ContactState.QUEUED, journal.find(contact).orElseThrow().state(), "no ABANDONED step journaled");
    assertEquals(List.of("node-b"), jdbc.query("select node from call_home where contact_id = ?", row -> row.getString(1),
        contact.value()), "node-b's claim stays");
    assertEquals(ContactState.QUEUED, routing.contact(contact).orElseThrow().state(), "routing holds it still");
  }

  @Test
  void theSameHangUpUnderTheCallsLatestClaimIsJournaled() {
    CallSignalling nodeA = node("node-a");
    Peer citizen = new Peer("citizen-b");
    ContactId contact = started(nodeA, citizen);

    nodeA.handle(Map.of("type", "hangup", "contactId", contact.value()), citizen, Optional.empty());

    await().atMost(Duration.ofSeconds(15)).until(() -> citizen.has("ended"));
    assertEquals(ContactState.ABANDONED, journal.find(contact).orElseThrow().state());
    assertEquals(List.of(), jdbc.query("select node from call_home where contact_id = ?", row -> row.getString(1),
        contact.value()), "the call ended at its home: its claim went");
  }

  /** A waiting voice call started on {@code node}, once routing holds it. */
  ContactId started(CallSignalling node, Peer citizen) {
    node.handle(Map.of("type", "start", "mode", "voice", "language", "ko",
        "caller", "fence23-caller-" + CALLERS.incrementAndGet()), citizen, Optional.empty());
    ContactId contact = new ContactId((String) citizen.last("session").get("contactId"));
    await().atMost(Duration.ofSeconds(15)).until(() -> routing.contact(contact).isPresent());
    return contact;
  }

  /** A node's signalling: its claims in the test's database, its hang-ups to the real routing. */
  CallSignalling node(String name) {
    EngineCallRouting engine = new EngineCallRouting(routing, directory, invites, departments, journal, blocking);
    return new CallSignalling(open, new Freezing(engine), journal, (delay, task) -> () -> { }, (contact, q) -> { },
        new CallPartyJournal() {
          @Override
          public void joined(ContactId contact, CallParty party, String who) {}

          @Override
          public void left(ContactId contact, CallParty party, String who) {}

          @Override
          public Optional<String> stillIn(ContactId contact, CallParty party, Instant since) {
            return Optional.empty();
          }
        }, new CallSignalling.Settings(Duration.ofSeconds(30), IceServers.NONE), clock, new SplittableRandom(23),
        CallsElsewhere.NONE, CallTokens.ofThisProcess(new SplittableRandom(11)), new JdbcCallClaims(jdbc, clock, name));
  }

  /** The home's routing port, freezing ({@link #frozenHere}) after the home's check and before the hand-over. */
  private final class Freezing implements CallRouting {
    private final CallRouting engine;

    Freezing(CallRouting engine) {
      this.engine = engine;
    }

    @Override
    public CompletionStage<Boolean> citizenHungUp(ContactId contact, String claim) {
      frozenHere.run();
      return engine.citizenHungUp(contact, claim);
    }

    @Override
    public CompletionStage<Boolean> operatorHungUp(ContactId contact, AgentId operator, String claim) {
      frozenHere.run();
      return engine.operatorHungUp(contact, operator, claim);
    }

    @Override
    public boolean returnToLine(ContactId contact, QueueId queue, String claim) {
      frozenHere.run();
      return engine.returnToLine(contact, queue, claim);
    }

    @Override
    public boolean invite(AgentId guest, ContactId contact, AgentId host) {
      return engine.invite(guest, contact, host);
    }

    @Override
    public Optional<AgentId> inviteFromQueue(QueueId queue, ContactId contact, AgentId host, Predicate<AgentId> guest) {
      return engine.inviteFromQueue(queue, contact, host, guest);
    }

    @Override
    public boolean inviteDepartment(String department, ContactId contact, AgentId host) {
      return engine.inviteDepartment(department, contact, host);
    }

    @Override
    public void guestJoined(AgentId agent) {
      engine.guestJoined(agent);
    }

    @Override
    public void guestLeft(String guest) {
      engine.guestLeft(guest);
    }

    @Override
    public String agentName(AgentId agent) {
      return engine.agentName(agent);
    }
  }

  /** A citizen's socket: records the frames it hears. */
  record Peer(String id, List<Map<String, Object>> frames) implements CallPeer {
    Peer(String id) {
      this(id, new CopyOnWriteArrayList<>());
    }

    @Override
    public void send(Map<String, Object> frame) {
      frames.add(frame);
    }

    boolean has(String type) {
      return frames.stream().anyMatch(f -> type.equals(f.get("type")));
    }

    Map<String, Object> last(String type) {
      return frames.stream().filter(f -> type.equals(f.get("type"))).reduce((a, b) -> b).orElseThrow();
    }
  }
}
