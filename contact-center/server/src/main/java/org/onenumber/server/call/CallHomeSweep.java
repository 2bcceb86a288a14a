package org.onenumber.server.call;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Predicate;
import org.onenumber.channels.call.CallSignalling;
import org.onenumber.core.contact.ContactId;
import org.onenumber.server.persistence.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the {@code call_home} rows ({@link JdbcCallClaims}) that no live call needs (issue 11, session 22). A
 * call's row goes when the call ends at its home; a home that died while nobody resumed or rebuilt its call left
 * the row behind for good. Every node of a cluster sweeps, every {@code onenumber.call.claim-sweep-every} (10 min,
 * the first round one period after the start); a delete is idempotent, so nodes sweeping at once do no harm. A
 * round, in order:
 *
 * <ol>
 *   <li>every row whose contact has ended (CLOSED, ABANDONED), is in wrap-up (its call ended when the operator
 *       hung up) or is gone (erased): one statement;
 *   <li>at most {@value #OLD_PER_ROUND} rows claimed longer ago than {@code onenumber.call.claim-max-age} (12 h,
 *       far beyond any call), oldest first, whose call no node holds now (this node's calls, then a {@code ping}
 *       to the call's home over the bus: {@link CallSignalling#heldAnywhere}, up to 2 s each): each deleted by
 *       its claim, so a claim written meanwhile stays.
 * </ol>
 *
 * A live call's row is never deleted (a home whose claim is gone would give its call up: {@code CallFence}).
 * One node alone writes no rows and does not sweep. Runs on Micronaut's scheduler thread; a failure is logged
 * and the next round tries again.
 */
@Singleton
final class CallHomeSweep {

  static final int OLD_PER_ROUND = 50;
  private static final Logger LOG = LoggerFactory.getLogger(CallHomeSweep.class);

  private final Jdbc jdbc;
  private final InstantSource clock;
  private final Predicate<ContactId> heldAnywhere;
  private final Duration maxAge;
  private final boolean clustered;

  @Inject
  CallHomeSweep(Jdbc jdbc, InstantSource clock, CallSignalling signalling, Vertx vertx,
      @Value("${onenumber.call.claim-max-age:12h}") Duration maxAge) {
    this(jdbc, clock, signalling::heldAnywhere, maxAge, vertx.isClustered());
  }

  CallHomeSweep(Jdbc jdbc, InstantSource clock, Predicate<ContactId> heldAnywhere, Duration maxAge,
      boolean clustered) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.heldAnywhere = heldAnywhere;
    this.maxAge = maxAge;
    this.clustered = clustered;
  }

  @Scheduled(fixedDelay = "${onenumber.call.claim-sweep-every:10m}",
      initialDelay = "${onenumber.call.claim-sweep-every:10m}")
  void scheduled() {
    if (!clustered) {
      return;
    }
    try {
      sweep();
    } catch (RuntimeException e) {
      LOG.warn("call_home sweep failed; the next round tries again", e);
    }
  }

  /** One round (the cases above); returns the rows deleted. */
  int sweep() {
    int ended = jdbc.update("delete from call_home where not exists (select 1 from contact c where c.id ="
        + " call_home.contact_id and upper(c.state) not in ('CLOSED', 'ABANDONED', 'WRAP_UP'))");
    List<String[]> old = jdbc.query("select contact_id, claim from call_home where claimed_at < ?"
            + " order by claimed_at limit " + OLD_PER_ROUND, row -> new String[] {row.getString(1), row.getString(2)},
        clock.instant().minus(maxAge));
    int orphans = 0;
    for (String[] row : old) {
      if (!heldAnywhere.test(new ContactId(row[0]))) {
        orphans += jdbc.update("delete from call_home where contact_id = ? and claim = ?", row[0], row[1]);
      }
    }
    if (ended + orphans > 0) {
      LOG.info("call_home sweep: {} rows of ended calls, {} older than {} that no node holds", ended, orphans, maxAge);
    }
    return ended + orphans;
  }
}
