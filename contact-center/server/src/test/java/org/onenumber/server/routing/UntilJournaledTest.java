package org.onenumber.server.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.Queue;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.QueueConfig;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.core.routing.RoutingEngine;
import org.onenumber.testkit.ManualClock;

/**
 * A hung-up caller's abandon handed to routing without waiting ({@link UntilJournaled}) over the
 * routing context's batches and an in-memory record that fails on demand: tried again after a
 * failed commit until it is journaled, ended by a refusal, at most {@code limit} in flight. The
 * context and the retry timers are lists of tasks run by hand.
 */
class UntilJournaledTest {

  private final ManualClock clock = new ManualClock();
  private final QueueId queueId = new QueueId("q0");
  private final FlakyRoutingRecord record;
  private final JournaledEngine routing;
  private final java.util.Queue<Runnable> context = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final List<Runnable> timers = new ArrayList<>();
  private final List<Long> waits = new ArrayList<>();
  private final RoutingQueue queue;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  UntilJournaledTest() {
    Queue q = new Queue(queueId, "queue 0", Set.of(Language.KOREAN), Set.of(Channel.values()), List.of(), 0,
        Duration.ofSeconds(15));
    record = new FlakyRoutingRecord(List.of(QueueConfig.defaults(q)), List.of());
    routing = new JournaledEngine(() -> new RoutingEngine(clock, new SplittableRandom(1)), record, (e, d) -> { });
    queue = new RoutingQueue(context::add, routing, new RoutingQueue.Host() {
      @Override
      public void prepare(RoutingCommand command) {
      }

      @Override
      public void publish(Decisions decisions) {
      }

      @Override
      public void recover() {
      }
    });
  }

  private UntilJournaled untilJournaled(int limit) {
    return new UntilJournaled((command, claim) -> attempt(command), (millis, retry) -> {
      waits.add(millis);
      timers.add(retry);
    }, limit, registry);
  }

  private CompletionStage<Decisions> attempt(RoutingCommand command) {
    CompletableFuture<Decisions> result = new CompletableFuture<>();
    queue.add(new RoutingQueue.Answered(command, result));
    return result;
  }

  @Test
  void anAbandonWhoseFirstWritesFailLandsOnceTheRecordRecovers() throws Exception {
    ContactId caller = intake("c0").id();
    routing.engine();
    UntilJournaled later = untilJournaled(UntilJournaled.LIMIT);

    record.failNextWrite();
    CompletableFuture<Decisions> settled = later.hand(new RoutingCommand.Abandon(caller)).toCompletableFuture();
    runContext();
    assertFalse(settled.isDone(), "a failed commit is no answer");
    assertEquals(1, later.pending());
    assertEquals(1, timers.size(), "tried again later");

    record.failNextWrite(); // still down: the rebuild's write fails too
    runTimers();
    runContext();
    assertFalse(settled.isDone());
    assertEquals(List.of(250L, 500L), waits, "backing off");

    runTimers(); // the record is back
    runContext();
    assertTrue(settled.isDone() && !settled.isCompletedExceptionally());
    assertFalse(record.open.containsKey(caller), "journaled: no longer open");
    assertTrue(record.written.stream().anyMatch(e -> e instanceof ContactStateChanged c && c.contact().equals(caller)
        && c.to() == ContactState.ABANDONED));
    assertEquals(2, record.failedWrites);
    assertEquals(0, later.pending());
    assertEquals(2.0, registry.get("onenumber.routing.journaled.later.retries").counter().count());
    assertEquals(0.0, registry.get("onenumber.routing.journaled.later.pending").gauge().value());
  }

  @Test
  void anAbandonOfAContactThatEndedAlreadyIsNotTriedAgain() throws Exception {
    routing.engine();
    UntilJournaled later = untilJournaled(UntilJournaled.LIMIT);
    CompletableFuture<Decisions> settled = later.hand(new RoutingCommand.Abandon(new ContactId("gone")))
        .toCompletableFuture();
    runContext();
    ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, settled::get);
    assertInstanceOf(NotFoundException.class, refused.getCause());
    assertTrue(timers.isEmpty());
    assertEquals(0, later.pending());
  }

  @Test
  void aSenderFindingEveryPlaceTakenWaitsForOne() throws Exception {
    ContactId first = intake("c1").id();
    ContactId second = intake("c2").id();
    routing.engine();
    UntilJournaled later = untilJournaled(1);
    later.hand(new RoutingCommand.Abandon(first));
    CompletableFuture<Void> handed = CompletableFuture.runAsync(() -> later.hand(new RoutingCommand.Abandon(second)));
    assertFalse(waitFor(handed, 200), "no place while the first is in flight");
    runContext();
    assertTrue(waitFor(handed, 5_000), "the first journaled: a place for the second");
    runContext();
    assertFalse(record.open.containsKey(first));
    assertFalse(record.open.containsKey(second));
  }

  private static boolean waitFor(CompletableFuture<Void> handed, long millis) throws Exception {
    try {
      handed.get(millis, TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    }
  }

  private Contact intake(String id) {
    return record.intake(id, queueId, clock.instant());
  }

  private void runContext() {
    for (Runnable task = context.poll(); task != null; task = context.poll()) {
      task.run();
    }
  }

  private void runTimers() {
    List<Runnable> due = new ArrayList<>(timers);
    timers.clear();
    due.forEach(Runnable::run);
  }
}
