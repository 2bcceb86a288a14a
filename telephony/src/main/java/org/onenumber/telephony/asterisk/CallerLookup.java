package org.onenumber.telephony.asterisk;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
 * so neither sits between two AGI commands of the session thread; remembering a newly chosen
 * language is written there too, after the session has moved on. A lookup that is not done
 * {@link #WAIT_MILLIS} after the greeting (the database slow or down) gives the number without a
 * remembered language: the caller hears the language menu rather than silence. A full queue runs
 * the work on the session thread (as before this class). Thread-safe.
 */
final class CallerLookup {

  /** How long the session waits for the remembered language after the greeting. */
  static final long WAIT_MILLIS = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(CallerLookup.class);
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ThreadPoolExecutor POOL = pool();

  /** The caller's number (empty when withheld or unreadable) and their remembered language (null: ask). */
  record Caller(Optional<CitizenIdentity.Phone> phone, Language remembered) {}

  private CallerLookup() {}

  /** Starts reading {@code callerId} and looking up its remembered language. */
  static CompletableFuture<Caller> start(Ivr ivr, String callerId) {
    return CompletableFuture.supplyAsync(() -> lookUp(ivr, callerId), POOL);
  }

  /** The caller, once known; after {@link #WAIT_MILLIS} the number alone (read on this thread). */
  static Caller await(Ivr ivr, String callerId, CompletableFuture<Caller> lookup) {
    try {
      return lookup.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      LOG.warn("the caller's remembered language was not found in time: {}", e.toString());
      return new Caller(ivr.numbers().parse(callerId), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Caller(ivr.numbers().parse(callerId), null);
    }
  }

  /** Remembers {@code language} for {@code phone} off the session thread; a failure is logged. */
  static void remember(Ivr ivr, CitizenIdentity.Phone phone, Language language) {
    POOL.execute(() -> {
      try {
        ivr.languages().remember(phone, language);
      } catch (RuntimeException e) {
        LOG.warn("the caller's language could not be remembered: {}", e.getMessage());
      }
    });
  }

  private static Caller lookUp(Ivr ivr, String callerId) {
    Optional<CitizenIdentity.Phone> phone = ivr.numbers().parse(callerId);
    try {
      return new Caller(phone, phone.flatMap(ivr.languages()::remembered).orElse(null));
    } catch (RuntimeException e) {
      LOG.warn("the caller's remembered language could not be read: {}", e.getMessage());
      return new Caller(phone, null);
    }
  }

  private static ThreadPoolExecutor pool() {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2_000),
        task -> {
          Thread thread = new Thread(task, "onenumber-agi-lookup-" + THREADS.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
