package org.onenumber.server.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.agent.ChannelCapacity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.Queue;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.error.PermanentException;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.QueueConfig;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.core.routing.RoutingEngine;
import org.onenumber.testkit.ManualClock;
import org.onenumber.testkit.TestData;

/**
 * The routing context's batches over an in-memory record: commands queued together are written in
 * one transaction and answered only after it; a read waits for the commit; a failed commit fails the
 * whole batch, publishes nothing and leaves an engine that a rebuild makes equal to the record.
 * The context is a list of tasks run by hand.
 */
class RoutingQueueTest {

  private final ManualClock clock = new ManualClock();
  private final QueueId queueId = new QueueId("q0");
  private final List<Agent> agents = new ArrayList<>();
  private final FlakyRoutingRecord record;
  private final JournaledEngine routing;
  private final List<Runnable> context = new ArrayList<>();
  private final List<Decisions> published = new ArrayList<>();
  private final List<Integer> writesAtPublication = new ArrayList<>();
  private int recoveries;
  /** The agent whose commands the host refuses before they are applied, as a cluster standby does. */
  private Agent notRoutedHere;
  private final RoutingQueue queue;

  RoutingQueueTest() {
    Queue q = new Queue(queueId, "queue 0", Set.of(Language.KOREAN), Set.of(Channel.values()), List.of(), 0,
        Duration.ofSeconds(15));
    for (int a = 0; a < 3; a++) {
      Agent base = TestData.agent("a" + a, Set.of(Language.KOREAN), Set.of(), "q0");
      agents.add(new Agent(base.id(), base.name(), base.skills(), base.languages(), new ChannelCapacity(1),
          base.queues(), AgentState.OFFLINE, null));
    }
    record = new FlakyRoutingRecord(List.of(QueueConfig.defaults(q)), agents);
    routing = new JournaledEngine(() -> new RoutingEngine(clock, new SplittableRandom(1)), record, (e, d) -> { });
    queue = new RoutingQueue(context::add, routing, new RoutingQueue.Host() {
      @Override
      public void prepare(RoutingCommand command) {
        if (notRoutedHere != null && command instanceof RoutingCommand.LogIn l && l.agent().equals(notRoutedHere)) {
          throw new RoutingHost.NotRoutingHereException("standby (test)");
        }
      }

      @Override
      public void publish(Decisions decisions) {
        published.add(decisions);
        writesAtPublication.add(record.writes);
      }

      @Override
      public void recover() {
        recoveries++;
      }
    });
    routing.engine();
    record.writes = 0;
  }

  @Test
  void commandsQueuedTogetherShareOneCommitAndAreAnsweredOnlyAfterIt() {
    List<CompletableFuture<Decisions>> answers = new ArrayList<>();
    agents.forEach(a -> answers.add(queued(new RoutingCommand.LogIn(a, Set.of(), null))));
    for (int c = 0; c < 4; c++) {
      answers.add(queued(new RoutingCommand.Arrive(intake("c" + c))));
    }
    assertTrue(answers.stream().noneMatch(CompletableFuture::isDone), "nothing answered before the context ran");
    assertEquals(1, context.size(), "one turn of the context for the whole burst");

    runContext();

    assertEquals(1, record.writes, "seven commands, one commit");
    assertTrue(answers.stream().allMatch(a -> a.isDone() && !a.isCompletedExceptionally()));
    assertEquals(7, published.size(), "each command's decisions published, in order");
    assertTrue(writesAtPublication.stream().allMatch(w -> w == 1), "published only after the commit");
    assertEquals(3, record.sessions.size());
    assertEquals(3, record.open.values().stream().filter(c -> c.state() == ContactState.OFFERED).count());
    assertEquals(ContactState.QUEUED, record.open.get(new ContactId("c3")).state(), "the fourth waits: three agents");
  }

  @Test
  void operatorsCommandsAndTheirReadsGoAheadOfArrivalsWaiting() {
    for (int c = 0; c < 5; c++) {
      queued(new RoutingCommand.Arrive(intake("c" + c)));
    }
    CompletableFuture<Decisions> login = queued(new RoutingCommand.LogIn(agents.get(0), Set.of(), null));
    List<Integer> sessionsSeen = new ArrayList<>();
    queue.readForStaff(() -> sessionsSeen.add(record.sessions.size()));

    runContext();

    assertTrue(login.isDone() && !login.isCompletedExceptionally());
    assertTrue(published.get(0).contacts().isEmpty() && published.get(0).events().stream()
        .allMatch(e -> e instanceof org.onenumber.core.event.AgentStateChanged), "the login ran first: " + published.get(0));
    assertEquals(List.of(1), sessionsSeen, "the staff read ran after the login was written");
    assertEquals(ContactState.OFFERED, record.open.get(new ContactId("c0")).state(),
        "the oldest arrival still goes to the operator first");
    assertEquals(6, published.size());
    assertTrue(RoutingQueue.isOperators(new RoutingCommand.Accept(agents.get(0).id(), new ContactId("c0"))));
    assertFalse(RoutingQueue.isOperators(new RoutingCommand.Abandon(new ContactId("c0"), "hung up")));
  }

  @Test
  void aReadWaitsForTheCommandsBeforeItToBeWritten() {
    queued(new RoutingCommand.LogIn(agents.get(0), Set.of(), null));
    List<Integer> sessionsSeen = new ArrayList<>();
    queue.read(() -> sessionsSeen.add(record.sessions.size()));
    queued(new RoutingCommand.Arrive(intake("c0")));

    runContext();

    assertEquals(List.of(1), sessionsSeen, "the login was written before the read ran");
    assertEquals(1, record.writes, "the read waited for the turn's one commit, it did not split it");
    assertEquals(ContactState.OFFERED, record.open.get(new ContactId("c0")).state());
  }

  /**
   * Issue 17 (New York's record day): reads between the arrivals and abandons (positions, call
   * states, chat pushes) each wrote the batch so far, so a turn of 200 items made ~100 commits.
   * Now they run after the turn's one commit, in queue order; a read with nothing unwritten before
   * it still runs at once.
   */
  @Test
  void readsBetweenCommandsRunAfterTheTurnsOneCommitInQueueOrder() {
    List<String> seen = new ArrayList<>();
    queue.read(() -> seen.add("head:" + record.writes));
    for (int c = 0; c < 50; c++) {
      queued(new RoutingCommand.Arrive(intake("c" + c)));
      int n = c;
      queue.read(() -> seen.add("r" + n + ":" + record.writes + ":" + published.size()));
    }

    runContext();

    assertEquals(1, record.writes, "50 arrivals with 50 reads between them: one commit (was 50)");
    assertEquals(51, seen.size());
    assertEquals("head:0", seen.get(0), "a read with nothing unwritten before it runs at once");
    for (int c = 0; c < 50; c++) {
      assertEquals("r" + c + ":1:50", seen.get(c + 1), "in queue order, after the commit and the publication");
    }
  }

  @Test
  void aRefusedCommandIsAnsweredWithItsRefusalAndTheOthersAreWritten() throws Exception {
    CompletableFuture<Decisions> login = queued(new RoutingCommand.LogIn(agents.get(0), Set.of(), null));
    CompletableFuture<Decisions> unknown = queued(new RoutingCommand.Accept(agents.get(0).id(), new ContactId("nobody")));
    CompletableFuture<Decisions> arrival = queued(new RoutingCommand.Arrive(intake("c0")));

    runContext();

    assertEquals(1, record.writes);
    assertInstanceOf(NotFoundException.class, failure(unknown));
    assertFalse(login.isCompletedExceptionally());
    assertEquals(ContactState.OFFERED, arrival.get().contacts().get(0).state());
  }

  @Test
  void aFailedCommitFailsTheWholeBatchPublishesNothingAndTheRebuiltEngineEqualsTheRecord() throws Exception {
    record.failNextWrite();
    CompletableFuture<Decisions> login = queued(new RoutingCommand.LogIn(agents.get(0), Set.of(), null));
    Contact contact = intake("c0");
    CompletableFuture<Decisions> arrival = queued(new RoutingCommand.Arrive(contact));
    CompletableFuture<Decisions> accept = queued(new RoutingCommand.Accept(agents.get(0).id(), contact.id()));

    runContext();

    for (CompletableFuture<Decisions> answer : List.of(login, arrival, accept)) {
      assertInstanceOf(RetriableException.class, failure(answer));
    }
    assertTrue(published.isEmpty(), "nothing of an unwritten batch is handed on");
    assertEquals(1, recoveries);
    assertTrue(routing.stale());
    RoutingEngine rebuilt = routing.engine();
    assertTrue(rebuilt.agent(agents.get(0).id()).isEmpty(), "the login was never written");
    assertEquals(ContactState.QUEUED, rebuilt.contact(contact.id()).orElseThrow().state(), "as intake journaled it");

    CompletableFuture<Decisions> again = queued(new RoutingCommand.LogIn(agents.get(0), Set.of(), null));
    runContext();
    assertFalse(again.isCompletedExceptionally(), "the retry succeeds");
    assertEquals(ContactState.OFFERED, record.open.get(contact.id()).state(), "and the waiting contact is offered");
  }

  @Test
  void aCommandTheHostRefusesBeforeApplyingItFailsAloneAndTheRestOfTheBatchIsWritten() throws Exception {
    notRoutedHere = agents.get(1);
    CompletableFuture<Decisions> first = queued(new RoutingCommand.LogIn(agents.get(0), Set.of(), null));
    CompletableFuture<Decisions> refused = queued(new RoutingCommand.LogIn(agents.get(1), Set.of(), null));
    CompletableFuture<Decisions> arrival = queued(new RoutingCommand.Arrive(intake("c0")));

    runContext();

    assertInstanceOf(RoutingHost.NotRoutingHereException.class, failure(refused));
    assertFalse(first.isCompletedExceptionally());
    assertEquals(ContactState.OFFERED, arrival.get().contacts().get(0).state());
    assertEquals(1, record.writes, "the batch was written once, without the refused command");
    assertFalse(routing.stale());
    assertEquals(0, recoveries);
  }

  @Test
  void aCommitFencedOffFailsEveryCommandOfTheBatchWithTheFencesFailure() {
    PermanentException fenced = new PermanentException("lease_lost", "fenced off (test)");
    record.failNextWriteWith(fenced);
    List<CompletableFuture<Decisions>> answers = List.of(
        queued(new RoutingCommand.LogIn(agents.get(0), Set.of(), null)),
        queued(new RoutingCommand.Arrive(intake("c0"))));

    runContext();

    for (CompletableFuture<Decisions> answer : answers) {
      assertEquals(fenced, answer.exceptionNow(), "each caller hears the fence's failure");
    }
    assertTrue(published.isEmpty());
    assertTrue(routing.stale());
    assertEquals(1, recoveries);
  }

  /**
   * Issue 11, session 23: a browser call's hang-up handed under its home's claim, which another node took after
   * the home's own check (the home froze between them): refused alone, nothing of it written or published; the
   * commands before and after it in the same turn are written and answered as usual.
   */
  @Test
  void aStepUnderAClaimAnotherNodeTookIsRefusedAloneAndTheRestOfItsBatchIsWritten() throws Exception {
    List<CompletableFuture<Decisions>> answers = aTurnWithAHangUpUnderNodeAsClaim("node-b-claim"); // taken over
    CompletableFuture<Decisions> login = answers.get(0);
    CompletableFuture<Decisions> hangUp = answers.get(1);
    CompletableFuture<Decisions> arrival = answers.get(2);
    ContactId call = new ContactId("call-1");

    assertInstanceOf(CallClaim.LostException.class, failure(hangUp));
    assertFalse(login.isCompletedExceptionally());
    assertFalse(arrival.isCompletedExceptionally());
    assertEquals(ContactState.OFFERED, record.open.get(call).state(), "not abandoned: offered to the agent");
    assertTrue(record.written.stream().noneMatch(e -> e instanceof org.onenumber.core.event.ContactStateChanged c
        && c.to() == ContactState.ABANDONED), "no step of the stale hang-up");
    assertEquals(ContactState.QUEUED, record.open.get(new ContactId("c0")).state(), "the one agent still has the call");
    assertEquals(2, record.writes, "the batch before the refused step, then the one after it; none of its own");
    assertEquals(3, published.size(), "the arrivals' and the login's decisions, none of the refused one");
    assertFalse(routing.stale(), "a refusal: the engine stays in use");
    assertEquals(0, recoveries);
  }

  @Test
  void aStepUnderTheCallsLatestClaimIsWrittenInATransactionOfItsOwnAfterTheBatchBeforeIt() throws Exception {
    List<CompletableFuture<Decisions>> answers = aTurnWithAHangUpUnderNodeAsClaim("node-a-claim");
    CompletableFuture<Decisions> login = answers.get(0);
    CompletableFuture<Decisions> hangUp = answers.get(1);
    CompletableFuture<Decisions> arrival = answers.get(2);

    assertEquals(ContactState.ABANDONED, hangUp.get().contacts().get(0).state());
    assertFalse(record.open.containsKey(new ContactId("call-1")), "abandoned in the record");
    assertFalse(login.isCompletedExceptionally());
    assertEquals(ContactState.OFFERED, arrival.get().contacts().get(0).state(), "to the agent the hang-up freed");
    assertEquals(3, record.writes, "the batch before it, the claimed hang-up alone, then the arrival");
    assertEquals(4, published.size());
  }

  /**
   * One turn of the context: call-1 arrives, an agent logs in, call-1's hang-up comes under node-a's claim while
   * {@code call_home} holds {@code latest}, c0 arrives. Answers: the login's, the hang-up's, c0's.
   */
  private List<CompletableFuture<Decisions>> aTurnWithAHangUpUnderNodeAsClaim(String latest) {
    Contact call = intake("call-1");
    record.claims.put(call.id(), latest);
    queued(new RoutingCommand.Arrive(call));
    List<CompletableFuture<Decisions>> answers = List.of(
        queued(new RoutingCommand.LogIn(agents.get(0), Set.of(), null)),
        queued(new RoutingCommand.Abandon(call.id()), new CallClaim(call.id(), "node-a-claim")),
        queued(new RoutingCommand.Arrive(intake("c0"))));
    runContext();
    return answers;
  }

  private CompletableFuture<Decisions> queued(RoutingCommand command) {
    return queued(command, null);
  }

  private CompletableFuture<Decisions> queued(RoutingCommand command, CallClaim claim) {
    CompletableFuture<Decisions> answer = new CompletableFuture<>();
    queue.add(new RoutingQueue.Answered(command, claim, answer));
    return answer;
  }

  private Contact intake(String id) {
    return record.intake(id, queueId, clock.instant());
  }

  private void runContext() {
    while (!context.isEmpty()) {
      context.remove(0).run();
    }
  }

  private static Throwable failure(CompletableFuture<Decisions> answer) throws InterruptedException {
    try {
      answer.get();
      throw new AssertionError("expected a failure, got an answer");
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }
}
