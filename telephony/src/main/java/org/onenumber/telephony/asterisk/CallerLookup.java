package org.onenumber.telephony.asterisk;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.directory.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is calling, worked out while the greeting plays: the caller id read as a phone number
 * (libphonenumber) and the language that number chose last time (a database read in the server)
 * run on a small pool ({@code onenumber-agi-lookup-N}, four threads: a burst of calls waits on
 * database reads, not CPU) started before {@code ANSWER},
 * so neither sits between two AGI commands of the session thread. A lookup that is not done
 * {@link #WAIT_MILLIS} after the greeting (the database slow or down) gives the number without a
 * remembered language: the caller hears the language menu rather than silence, and the lookup is
 * cancelled (a pool thread skips it: no read for a call that moved on). A full queue ({@link
 * #QUEUE} lookups) gives the number alone at once. A lookup still queued when the greeting has
 * played is run by the session thread itself, which would otherwise only wait: in a burst of calls
 * the four threads fall behind (FastAgiBench, 500 calls at once: the session's wait for the lookup
 * at the language menu was the command round trip's tail, server-side p99 64 ms against under 5 ms
 * for every other command). It does so only while reads are quick (the last one took under {@link
 * #QUICK_READ_NANOS}) and at most {@link #SESSION_READS} sessions at once: when the database's
 * pool is starved a read that started quick is not (session 11's Seoul day at 100x: ~350 session
 * threads sat in these reads and writes). Remembering a newly chosen language is handed to {@link
 * CallerLanguages#remember}, which only records it (the server writes them coalesced). Thread-safe.
 */
final class CallerLookup {

  /** How long the session waits for the remembered language after the greeting. */
  static final long WAIT_MILLIS = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(CallerLookup.class);
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ThreadPoolExecutor POOL = pool();
  /** How many lookups wait for a pool thread at most. */
  static final int QUEUE = 64;
  /** How many session threads may run their own lookup at once. */
  static final int SESSION_READS = 2;
  private static final Semaphore SESSION_READERS = new Semaphore(SESSION_READS);
  /** A remembered-language read quicker than this may run on the session thread. */
  static final long QUICK_READ_NANOS = 100_000_000;
  /** How long the last remembered-language read took (0: none yet). */
  private static volatile long lastReadNanos;

  /** The caller's number (empty when withheld or unreadable) and their remembered language (null: ask). */
  record Caller(Optional<CitizenIdentity.Phone> phone, Language remembered) {}

  private CallerLookup() {}

  /** Starts reading {@code callerId} and looking up its remembered language. */
  static FutureTask<Caller> start(Ivr ivr, String callerId) {
    FutureTask<Caller> lookup = new FutureTask<>(() -> lookUp(ivr, callerId));
    try {
      POOL.execute(lookup);
    } catch (RejectedExecutionException e) {
      LOG.debug("too many callers' languages are being looked up: the language menu instead");
      FutureTask<Caller> numberOnly = new FutureTask<>(() -> new Caller(ivr.numbers().parse(callerId), null));
      numberOnly.run();
      return numberOnly;
    }
    return lookup;
  }

  /**
   * The caller, once known: a lookup no pool thread has started yet is run here (while reads are
   * quick); after {@link #WAIT_MILLIS} the number alone (read on this thread).
   */
  static Caller await(Ivr ivr, String callerId, FutureTask<Caller> lookup) {
    if (!lookup.isDone() && lastReadNanos < QUICK_READ_NANOS && SESSION_READERS.tryAcquire()) {
      try {
        lookup.run(); // runs it when still queued; returns at once when a pool thread has it or it is done
      } finally {
        SESSION_READERS.release();
      }
    }
    try {
      return lookup.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      lookup.cancel(false); // still queued: no pool thread reads it any more
      LOG.warn("the caller's remembered language was not found in time: {}", e.toString());
      return new Caller(ivr.numbers().parse(callerId), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Caller(ivr.numbers().parse(callerId), null);
    }
  }

  /**
   * Remembers {@code language} for {@code phone}: {@link CallerLanguages#remember} only records it
   * (it must not block), so no thread and no connection is taken per call; a failure is logged.
   */
  static void remember(Ivr ivr, CitizenIdentity.Phone phone, Language language) {
    try {
      ivr.languages().remember(phone, language);
    } catch (RuntimeException e) {
      LOG.warn("the caller's language could not be remembered: {}", e.getMessage());
    }
  }

  private static Caller lookUp(Ivr ivr, String callerId) {
    Optional<CitizenIdentity.Phone> phone = ivr.numbers().parse(callerId);
    long started = System.nanoTime();
    try {
      return new Caller(phone, phone.flatMap(ivr.languages()::remembered).orElse(null));
    } catch (RuntimeException e) {
      LOG.warn("the caller's remembered language could not be read: {}", e.getMessage());
      return new Caller(phone, null);
    } finally {
      lastReadNanos = System.nanoTime() - started;
    }
  }

  private static ThreadPoolExecutor pool() {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
        task -> {
          Thread thread = new Thread(task, "onenumber-agi-lookup-" + THREADS.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
