package org.onenumber.server.routing;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.RetriableException;

/**
 * One wrap-up or close of a contact at a time on this node (issue 11, session 22): a wrap-up or close sent
 * again while the first try is still in flight (its journal commit not yet done: routing's group commit, a
 * slow database) waits for that try to finish and is then answered from the journal as a repeat
 * ({@link WrapUpRepeat}: 200 with the same outcome) instead of racing it into 409 {@code already_closed}.
 *
 * <p>Threading: called from request threads (blocking executor); no global lock: a map from contact to the
 * future of the try in flight, the entry removed and the future completed when that try ends, however it ends.
 * Bounded: an entry lives only while its request runs, at most {@link #MAX_CONTACTS} contacts are gated at once
 * (beyond, a request runs ungated, as before), and a later try waits at most {@link #WAIT} for the one before
 * (then it runs ungated too: the first is stuck, e.g. routing's owner is changing). Per node: a repeat that a
 * load balancer sends to another node than the first try is not held (it reads what is journaled by then).
 */
@Singleton
final class WrapUpsInFlight {

  /** How long a later try waits for the one in flight before it goes its own way. */
  static final Duration WAIT = Duration.ofSeconds(10);
  /** At most this many contacts gated at once; a request beyond runs ungated. */
  static final int MAX_CONTACTS = 10_000;

  private final ConcurrentHashMap<ContactId, CompletableFuture<Void>> running = new ConcurrentHashMap<>();
  private final AtomicInteger waiting = new AtomicInteger();
  private final Duration wait;

  @jakarta.inject.Inject
  WrapUpsInFlight() {
    this(WAIT);
  }

  /** With another bound on the wait (tests). */
  WrapUpsInFlight(Duration wait) {
    this.wait = wait;
  }

  /** Runs {@code attempt} once no earlier try of {@code contact} is in flight here (or the wait's bound passed). */
  <T> T oneAtATime(ContactId contact, Supplier<T> attempt) {
    CompletableFuture<Void> mine = new CompletableFuture<>();
    long deadline = System.nanoTime() + wait.toNanos();
    while (running.size() < MAX_CONTACTS) {
      CompletableFuture<Void> earlier = running.putIfAbsent(contact, mine);
      if (earlier == null) {
        try {
          return attempt.get();
        } finally {
          running.remove(contact, mine);
          mine.complete(null);
        }
      }
      if (!waitFor(earlier, deadline - System.nanoTime())) {
        break;
      }
    }
    return attempt.get();
  }

  /** Whether a try of {@code contact} is in flight here (for tests). */
  boolean running(ContactId contact) {
    return running.containsKey(contact);
  }

  /** Tries now waiting for an earlier try of their contact (for tests). */
  int waiting() {
    return waiting.get();
  }

  /** Whether {@code earlier} ended within {@code nanos}. */
  private boolean waitFor(CompletableFuture<Void> earlier, long nanos) {
    if (nanos <= 0) {
      return false;
    }
    waiting.incrementAndGet();
    try {
      earlier.get(nanos, TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException never) {
      return true; // completed only normally
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetriableException("interrupted while an earlier wrap-up of the contact was in flight", e);
    } finally {
      waiting.decrementAndGet();
    }
  }
}
