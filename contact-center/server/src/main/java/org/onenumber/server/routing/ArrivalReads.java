package org.onenumber.server.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;

/**
 * Reads queued arrivals back from the journal for routing (issue 17), with a bounded number of
 * reads in flight. An arrival's read starts ahead of its turn only when one of {@code permits}
 * places is free (on routing's own read-ahead connections, {@link RoutingConnections}); otherwise
 * it is left unread, and when an unread arrival's turn comes the routing context reads it
 * together with the others still unread, in one statement of at most {@link #BATCH} contacts.
 * Before this bound, every arrival started a virtual thread of its own on the shared pool: at New
 * York's record day at 100× 2,729 of them held or waited for its 16 connections, starving intake,
 * and each connection given back spun (HikariCP's hand-off to waiters) while the carriers were
 * needed elsewhere. Thread-safe: reads start on any thread; {@link #take} runs on the routing
 * context.
 */
final class ArrivalReads {

  /** At most this many unread contacts are read in one statement. */
  static final int BATCH = RoutingQueue.MAX_BATCH;

  private final Semaphore permits;
  private final Executor readAhead;
  private final Function<ContactId, Optional<Contact>> one;
  private final Function<List<ContactId>, List<Contact>> many;
  private final Queue<Read> unread = new ConcurrentLinkedQueue<>();
  private final Consumer<Boolean> counted;

  /** As the full constructor, counting nothing. */
  ArrivalReads(int permits, Executor readAhead, Function<ContactId, Optional<Contact>> one,
      Function<List<ContactId>, List<Contact>> many) {
    this(permits, readAhead, one, many, ahead -> { });
  }

  /**
   * @param permits reads ahead in flight at most
   * @param readAhead runs a read ahead (on its own thread and connection)
   * @param one reads one contact from the journal
   * @param many reads the contacts of the given ids that the journal holds, in one statement
   * @param counted told at each {@link #take} whether the contact had been read ahead (else read in turn)
   */
  ArrivalReads(int permits, Executor readAhead, Function<ContactId, Optional<Contact>> one,
      Function<List<ContactId>, List<Contact>> many, Consumer<Boolean> counted) {
    this.counted = counted;
    this.permits = new Semaphore(permits);
    this.readAhead = readAhead;
    this.one = one;
    this.many = many;
  }

  /** One arrival's read: started ahead, or left for the routing context's batch read. */
  final class Read {
    private final ContactId id;
    /** The contact read (empty: the journal does not hold it); null while not read. */
    private volatile Optional<Contact> contact;
    /** Its arrival took it: a batch that finds it still in the unread line skips it. */
    private volatile boolean taken;

    private Read(ContactId id) {
      this.id = id;
    }

    private boolean done() {
      return contact != null || taken;
    }
  }

  /** Starts reading {@code id} ahead if a place is free, else leaves it for the context's batch. */
  Read start(ContactId id) {
    Read read = new Read(id);
    if (!permits.tryAcquire()) {
      unread.add(read);
      return read;
    }
    try {
      readAhead.execute(() -> {
        try {
          Optional<Contact> contact = one.apply(id);
          if (!read.taken) {
            read.contact = contact;
          }
        } catch (RuntimeException e) {
          // left to the context, which reads it at the arrival's turn
        } finally {
          permits.release();
        }
      });
    } catch (RuntimeException e) {
      permits.release();
      unread.add(read);
    }
    return read;
  }

  /** A read that was not started ahead: {@link #take} reads it (with the unread ones). */
  Read notAhead(ContactId id) {
    return new Read(id);
  }

  /**
   * On the routing context, at the arrival's turn: its contact, as read ahead, or else read now
   * with the other arrivals still unread (one statement). Consumes the read: a retry reads again.
   * Throws when the journal cannot be read (the arrival is retried).
   */
  Optional<Contact> take(Read read) {
    counted.accept(read.contact != null);
    if (read.contact == null) {
      List<Read> batch = new ArrayList<>(List.of(read));
      for (Read next = unread.poll(); next != null; next = batch.size() < BATCH ? unread.poll() : null) {
        if (next != read && !next.done()) {
          batch.add(next);
        }
      }
      Map<ContactId, Contact> found = many.apply(batch.stream().map(r -> r.id).toList()).stream()
          .collect(Collectors.toMap(Contact::id, c -> c, (a, b) -> a));
      batch.forEach(r -> r.contact = Optional.ofNullable(found.get(r.id)));
    }
    Optional<Contact> contact = read.contact;
    read.contact = null;
    read.taken = true;
    return contact;
  }
}
