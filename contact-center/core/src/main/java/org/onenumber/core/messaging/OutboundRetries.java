package org.onenumber.core.messaging;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import org.onenumber.core.error.PermanentException;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.port.out.MessageGateway;
import org.onenumber.core.port.out.MessageOutbox;
import org.onenumber.core.port.out.MessageOutbox.Entry;
import org.onenumber.core.port.out.MessageStore;
import org.onenumber.core.port.out.Transactions;

/**
 * Hands stored outbound messages to the provider, again and again while it fails retriably. One
 * attempt at a {@code QUEUED} message, the cases:
 *
 * <ol>
 *   <li>The message already has a provider id, or is no longer {@code QUEUED}: it was sent (or
 *       given up) before; its outbox entry is dropped and nothing is sent again.
 *   <li>The provider accepts it: its id and first status are stored, then the entry is dropped.
 *   <li>A permanent refusal (Twilio 4xx other than 429, such as an unsubscribed number):
 *       {@code FAILED} at once with the provider's code; the entry is dropped.
 *   <li>A retriable failure (Twilio unreachable, 429, 5xx) before the last attempt: the message
 *       stays {@code QUEUED} and the entry is saved with one more attempt and the next time from
 *       {@link RetryPolicy#delayAfter} (backoff with jitter).
 *   <li>A retriable failure at the last attempt: {@code FAILED} ("dead-lettered after N attempts")
 *       and the entry is kept, dead-lettered, for supervisors to see.
 * </ol>
 *
 * A message stored inside a transaction gets its entry, claimed, in that transaction ({@link
 * #afterCommit}); its first attempt is handed to the context's senders once the transaction
 * commits, and is the poller's after the claim if the server stops before it.
 *
 * <p>Before each attempt the entry is claimed (its next time moved {@link RetryPolicy#claim} ahead),
 * so a crash during the attempt leads to one more attempt after the claim, never to a lost
 * message. Thread-safe when its collaborators are; {@link #retryDue} is meant for one caller.
 */
public final class OutboundRetries {

  /** What one {@link #retryDue} round did. */
  public record Round(int sent, int rescheduled, int deadLettered, int failed) {
    public boolean idle() {
      return sent + rescheduled + deadLettered + failed == 0;
    }
  }

  private static final int BATCH = 100;

  private final MessageStore store;
  private final MessageGateway gateway;
  private final MessageOutbox outbox;
  private final RetryPolicy policy;
  private final InstantSource clock;
  private final RandomGenerator random;
  private final Transactions transactions;
  private final Executor senders;

  public OutboundRetries(MessageContext context) {
    this.transactions = context.transactions();
    this.senders = context.senders();
    this.store = context.store();
    this.gateway = context.gateway();
    this.outbox = context.outbox();
    this.policy = context.retry();
    this.clock = context.clock();
    this.random = context.random();
  }

  /** Tries every due message once; returns the counts. */
  public Round retryDue() {
    int sent = 0;
    int rescheduled = 0;
    int dead = 0;
    int failed = 0;
    for (Entry entry : outbox.due(clock.instant(), BATCH)) {
      Optional<Message> message = store.find(entry.message());
      if (message.isEmpty() || message.get().status() != DeliveryStatus.QUEUED || message.get().providerId() != null) {
        outbox.remove(entry.message());
        continue;
      }
      switch (attempt(message.get(), entry.attempts()).outcome()) {
        case SENT -> sent++;
        case RESCHEDULED -> rescheduled++;
        case DEAD_LETTERED -> dead++;
        case FAILED -> failed++;
      }
    }
    return new Round(sent, rescheduled, dead, failed);
  }

  private enum Outcome { SENT, RESCHEDULED, DEAD_LETTERED, FAILED }

  private record Attempt(Message message, Outcome outcome) {}

  /**
   * Inside the transaction that stored {@code queued}: writes its entry claimed (so the poller
   * leaves it alone meanwhile) and, once the transaction commits, hands its first attempt to the
   * senders. Returns it {@code QUEUED}.
   */
  Message afterCommit(Message queued) {
    outbox.save(new Entry(queued.id(), 0, clock.instant().plus(policy.claim()), null, null));
    transactions.afterCommit(() -> senders.execute(() -> firstStored(queued.id())));
    return queued;
  }

  /** The first attempt at a committed message, unless something sent or gave it up meanwhile. */
  private void firstStored(MessageId id) {
    Optional<Message> message = store.find(id);
    if (message.isPresent() && message.get().status() == DeliveryStatus.QUEUED && message.get().providerId() == null) {
      attempt(message.get(), 0);
    }
  }

  /** The first attempt at a freshly stored message (from the dispatch); returns it as stored. */
  Message first(Message queued) {
    return attempt(queued, 0).message();
  }

  private Attempt attempt(Message queued, int attemptsBefore) {
    Instant now = clock.instant();
    outbox.save(new Entry(queued.id(), attemptsBefore, now.plus(policy.claim()), null, null));
    int attempt = attemptsBefore + 1;
    Message next;
    try {
      MessageGateway.Receipt receipt = gateway.send(new MessageGateway.Outbound(queued.contact(), queued.channel(),
          queued.peer(), queued.body(), queued.media()));
      next = queued.withProvider(receipt.providerId(), DeliveryStatus.fromProvider(receipt.status()));
    } catch (RetriableException e) {
      String error = e.code() + ": " + e.getMessage();
      if (attempt < policy.maxAttempts()) {
        outbox.save(new Entry(queued.id(), attempt, now.plus(policy.delayAfter(attempt, random.nextDouble())), error,
            null));
        return new Attempt(queued, Outcome.RESCHEDULED);
      }
      Message dead = queued.withStatus(DeliveryStatus.FAILED,
          policy.maxAttempts() == 1 ? error : "dead-lettered after " + attempt + " attempts: " + error);
      store.save(dead);
      outbox.save(new Entry(queued.id(), attempt, now, error, now));
      return new Attempt(dead, Outcome.DEAD_LETTERED);
    } catch (PermanentException e) {
      Message failed = queued.withStatus(DeliveryStatus.FAILED, e.code() + ": " + e.getMessage());
      store.save(failed);
      outbox.remove(queued.id());
      return new Attempt(failed, Outcome.FAILED);
    }
    store.save(next);
    outbox.remove(queued.id());
    return new Attempt(next, Outcome.SENT);
  }
}
