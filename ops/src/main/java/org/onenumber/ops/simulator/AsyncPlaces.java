package org.onenumber.ops.simulator;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A bounded number of places (a {@link ClientLane}'s requests in flight, or its chat sockets) handed
 * out without a thread per waiter: {@link #take} completes at once when a place is free, else it is
 * queued (first come, first served) as a future that the next {@link #release} completes, or that
 * fails with the caller's exception after its wait. A waiter is a few dozen bytes, not a parked
 * thread: on New York's day 15,032 citizens' virtual threads and 4,876 chats waited in a
 * semaphore's queue for a place (session 14). Thread-safe; the lock is held only to count and queue,
 * never while a waiter's continuation runs.
 */
final class AsyncPlaces {

  private final int bound;
  private int free;
  private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();

  AsyncPlaces(int bound) {
    this.bound = bound;
    this.free = bound;
  }

  /**
   * A place, now or once one is released, at most {@code waitMillis} from now; after that the
   * future fails with {@code timedOut}'s exception and the place, when it comes, goes to the next.
   */
  CompletableFuture<Void> take(long waitMillis, Supplier<? extends RuntimeException> timedOut) {
    CompletableFuture<Void> place = new CompletableFuture<>();
    synchronized (this) {
      if (free > 0) {
        free--;
        place.complete(null);
        return place;
      }
      waiting.add(place);
    }
    Waits.within(place, waitMillis).whenComplete((r, e) -> {
      if (e != null) {
        place.completeExceptionally(timedOut.get()); // unless a release completed it first
      }
    });
    return place;
  }

  /** Gives a place back: to the first waiter still waiting, else to the free ones. */
  void release() {
    while (true) {
      CompletableFuture<Void> next;
      synchronized (this) {
        next = waiting.poll();
        if (next == null) {
          free++;
          return;
        }
      }
      if (next.complete(null)) {
        return; // handed over; a waiter whose wait had run out is skipped
      }
    }
  }

  /** Places taken now. */
  synchronized int taken() {
    return bound - free;
  }

  /** Waiters queued now (some may have given up and not been skipped yet). */
  synchronized int queued() {
    return waiting.size();
  }
}
