package org.onenumber.core.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onenumber.core.port.in.ReceiveMessage.Opened;
import org.onenumber.core.port.in.SendReplyCommand;
import org.onenumber.core.port.out.MessageOutbox.Entry;
import org.onenumber.testkit.FakeMessageOutbox;

class OutboundRetriesTest {

  private static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(60),
      Duration.ofSeconds(30));

  private final MessagingWorld world = new MessagingWorld();
  private final FakeMessageOutbox outbox = new FakeMessageOutbox();
  private final MessageContext context = new MessageContext(world.citizens, world.journal, world.store, world.gateway,
      world.events, world.clock, world.random, outbox, POLICY);
  private final MessageReplies replies = new MessageReplies(context);
  private final OutboundRetries retries = new OutboundRetries(context);

  private Opened opened;
  private int sentBefore;

  /** Opens the conversation (which may send an automatic reply) and counts what was sent so far. */
  private void open() {
    opened = (Opened) world.sms("SM1", "hello");
    sentBefore = world.gateway.sent().size();
  }

  private Message reply() {
    return replies.send(new SendReplyCommand(opened.contact().id(), "op-001", "Hi", null));
  }

  private int sent() {
    return world.gateway.sent().size() - sentBefore;
  }

  @Test
  void aRetriableFailureStaysQueuedAndIsRetriedWithBackoffUntilSentOnce() {
    open();
    world.gateway.failNext(2);
    Instant failedAt = world.clock.instant();
    Message reply = reply();
    assertEquals(DeliveryStatus.QUEUED, reply.status());
    Entry first = outbox.entry(reply.id()).orElseThrow();
    assertEquals(1, first.attempts());
    assertTrue(!first.nextAttemptAt().isBefore(failedAt.plusSeconds(1)) && !first.nextAttemptAt().isAfter(failedAt.plusSeconds(2)),
        "after attempt 1: between half and all of the 2 s base delay, " + first.nextAttemptAt());

    assertTrue(retries.retryDue().idle(), "nothing is due before its time");
    world.clock.advance(Duration.between(world.clock.instant(), first.nextAttemptAt()));
    assertEquals(new OutboundRetries.Round(0, 1, 0, 0), retries.retryDue());
    Entry second = outbox.entry(reply.id()).orElseThrow();
    assertEquals(2, second.attempts());
    assertTrue(Duration.between(world.clock.instant(), second.nextAttemptAt()).compareTo(Duration.ofSeconds(2)) >= 0,
        "after attempt 2: between 2 and 4 s");

    world.clock.advance(Duration.ofSeconds(4));
    assertEquals(new OutboundRetries.Round(1, 0, 0, 0), retries.retryDue());
    assertEquals(1, sent(), "sent exactly once");
    Message sent = world.store.find(reply.id()).orElseThrow();
    assertNotNull(sent.providerId());
    assertTrue(outbox.entry(reply.id()).isEmpty());
    world.clock.advance(Duration.ofMinutes(10));
    assertTrue(retries.retryDue().idle());
    assertEquals(1, sent(), "never sent again");
  }

  @Test
  void afterTheLastAttemptTheMessageFailsAndIsDeadLetteredForSupervisors() {
    open();
    world.gateway.failNext(10);
    Message reply = reply();
    world.clock.advance(Duration.ofMinutes(1));
    retries.retryDue();
    world.clock.advance(Duration.ofMinutes(1));
    assertEquals(new OutboundRetries.Round(0, 0, 1, 0), retries.retryDue());
    Message dead = world.store.find(reply.id()).orElseThrow();
    assertEquals(DeliveryStatus.FAILED, dead.status());
    assertTrue(dead.error().startsWith("dead-lettered after 3 attempts: unavailable"), dead.error());
    assertEquals(1, outbox.deadLetters(10).size());
    assertEquals(3, outbox.deadLetters(10).get(0).attempts());
    world.clock.advance(Duration.ofHours(1));
    assertTrue(retries.retryDue().idle(), "a dead letter is not tried again");
    assertEquals(0, sent());
  }

  @Test
  void aPermanentRefusalFailsAtOnceWithoutRetry() {
    open();
    world.gateway.refuseNext();
    Message reply = reply();
    assertEquals(DeliveryStatus.FAILED, reply.status());
    assertTrue(reply.error().startsWith("twilio_21610"), reply.error());
    assertTrue(outbox.entry(reply.id()).isEmpty());
    assertTrue(outbox.deadLetters(10).isEmpty());
  }

  @Test
  void anEntryForAMessageAlreadySentIsDroppedWithoutSendingAgain() {
    open();
    Message reply = reply();
    assertEquals(1, sent());
    outbox.save(new Entry(reply.id(), 1, world.clock.instant(), "crashed before the entry was removed", null));
    assertEquals(new OutboundRetries.Round(0, 0, 0, 0), retries.retryDue());
    assertEquals(1, sent());
    assertTrue(outbox.entry(reply.id()).isEmpty());
  }

  @Test
  void anAttemptInterruptedByACrashIsTriedAgainOnceItsClaimRunsOut() {
    open();
    world.gateway.failNext(1);
    Message reply = reply();
    // a crash right after the claim of attempt 2: the entry says "claimed until now + 30 s"
    outbox.save(new Entry(reply.id(), 1, world.clock.instant().plus(POLICY.claim()), null, null));
    world.clock.advance(Duration.ofSeconds(29));
    assertTrue(retries.retryDue().idle(), "still claimed");
    world.clock.advance(Duration.ofSeconds(2));
    assertEquals(new OutboundRetries.Round(1, 0, 0, 0), retries.retryDue());
  }

  /** A transaction held open by the test: after-commit work waits for {@link #commit}. */
  private static final class OpenTransaction implements org.onenumber.core.port.out.Transactions {
    final java.util.List<Runnable> afterCommit = new java.util.ArrayList<>();

    @Override
    public <T> T inTransaction(java.util.function.Supplier<T> work) {
      return work.get();
    }

    @Override
    public boolean inTransaction() {
      return true;
    }

    @Override
    public void afterCommit(Runnable action) {
      afterCommit.add(action);
    }

    void commit() {
      afterCommit.forEach(Runnable::run);
    }
  }

  private final OpenTransaction transaction = new OpenTransaction();
  /** What was handed to the senders, not yet run. */
  private final java.util.List<Runnable> senders = new java.util.ArrayList<>();

  /** A reply sent inside {@link #transaction}, its first attempt handed to {@link #senders}. */
  private Message replyInside(String body) {
    MessageContext inside = new MessageContext(world.citizens, world.journal, world.store, world.gateway, world.events,
        world.clock, world.random, outbox, POLICY, transaction, senders::add);
    return new MessageReplies(inside).send(new SendReplyCommand(opened.contact().id(), "op-001", body, null));
  }

  @Test
  void aTextSentInsideATransactionIsQueuedWithAClaimedEntryAndFirstTriedOnTheSendersAfterTheCommit() {
    open();
    Message reply = replyInside("Hi");

    assertEquals(DeliveryStatus.QUEUED, reply.status());
    assertEquals(0, sent(), "nothing goes to the provider while the transaction is open");
    Entry claimed = outbox.entry(reply.id()).orElseThrow();
    assertEquals(0, claimed.attempts());
    assertEquals(world.clock.instant().plus(POLICY.claim()), claimed.nextAttemptAt(), "claimed: the poller waits");
    assertTrue(retries.retryDue().idle());
    assertTrue(senders.isEmpty(), "nothing handed to the senders before the commit");

    transaction.commit();
    assertEquals(0, sent(), "the commit only hands the attempt to the senders");
    assertEquals(1, senders.size());
    senders.get(0).run();
    assertEquals(1, sent());
    assertNotNull(world.store.find(reply.id()).orElseThrow().providerId());
    assertTrue(outbox.entry(reply.id()).isEmpty());
    world.clock.advance(Duration.ofMinutes(10));
    assertTrue(retries.retryDue().idle());
    assertEquals(1, sent(), "sent once");
  }

  @Test
  void aTextSentInsideATransactionThatFailsItsFirstAttemptKeepsTheRetriesAndIsPickedUpAfterACrash() {
    open();
    Message crashed = replyInside("A");
    Message failing = replyInside("B");
    transaction.commit();
    world.gateway.failNext(1);
    senders.get(1).run();
    assertEquals(1, outbox.entry(failing.id()).orElseThrow().attempts(), "a retriable failure: rescheduled");
    // the server stopped before the senders ran the first message's attempt: the poller takes it after the claim
    world.clock.advance(POLICY.claim().plusSeconds(1));
    assertEquals(new OutboundRetries.Round(2, 0, 0, 0), retries.retryDue());
    assertEquals(2, sent());
    assertNotNull(world.store.find(crashed.id()).orElseThrow().providerId());
  }

  @Test
  void theBackoffDoublesUpToItsCapWithAtMostHalfOfItJitter() {
    SplittableRandom random = new SplittableRandom(7);
    for (int attempt = 1; attempt <= 40; attempt++) {
      long cap = Math.min(60_000, 2_000L << Math.min(attempt - 1, 30));
      long delay = POLICY.delayAfter(attempt, random.nextDouble()).toMillis();
      assertTrue(delay >= cap / 2 && delay <= cap, "attempt " + attempt + ": " + delay);
    }
  }
}
