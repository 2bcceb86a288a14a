package org.onenumber.server.call;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.onenumber.channels.call.CallSignalling;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.server.cluster.RoutingOwnership;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.routing.RoutingHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the {@code call_home} rows ({@link JdbcCallClaims}) that no live call needs, and ends the calls whose home
 * died with them (issue 11, sessions 22 and 23). A call's row goes when the call ends at its home; a home that died
 * while nobody resumed or rebuilt its call took the call's grace timer with it, so the contact stayed CONNECTED (or
 * waiting) for good, its operator busy, and its row stayed too. Every node of a cluster sweeps, every {@code
 * onenumber.call.claim-sweep-every} (1 min, the first round one period after the start); deletes and ends are
 * idempotent (routing refuses an end of an ended contact), so nodes sweeping at once do no harm. A round, in order:
 *
 * <ol>
 *   <li>every row whose contact has ended (CLOSED, ABANDONED), is in wrap-up (its call ended when the operator
 *       hung up) or is gone (erased): one statement;
 *   <li>at most {@value #PER_ROUND} rows of open contacts (waiting, offered, connected, held) whose home is gone
 *       since longer than the call's grace period ({@code onenumber.call.reconnect-grace}, within which the citizen
 *       could have resumed on any node, which would have claimed the call): the home has not beaten in {@code
 *       routing_node} for that long (killed, stopped, cut off), or it is this node, restarted that long ago, and the
 *       row is older than this process. Each call no node holds for sure ({@link CallSignalling#heldNowhere}: not
 *       this node, and the bus knows no consumer of its home's address; a frozen home keeps its until Hazelcast drops
 *       it, at {@code onenumber.cluster.heartbeat-limit}, and counts as holding it until then) is ended as
 *       a citizen who did not come back ({@code Abandon}, tried until journaled, as the home's grace timer would
 *       have); the next round deletes its row (case 1);
 *   <li>at most {@value #PER_ROUND} rows claimed longer ago than {@code onenumber.call.claim-max-age} (12 h, far
 *       beyond any call), oldest first, whose call no node holds now (this node's calls, then a {@code ping} to the
 *       call's home over the bus, up to 2 s each): each deleted by its claim, so a claim written meanwhile stays.
 * </ol>
 *
 * A live call's row is never deleted (a home whose claim is gone would give its call up: {@code CallFence}). One
 * node alone writes no rows and does not sweep. Runs on Micronaut's scheduler thread; a failure is logged and the
 * next round tries again.
 */
@Singleton
final class CallHomeSweep {

  static final int PER_ROUND = 50;
  private static final String OPEN = "upper(c.state) not in ('CLOSED', 'ABANDONED', 'WRAP_UP')";
  private static final Logger LOG = LoggerFactory.getLogger(CallHomeSweep.class);

  /**
   * How a node ends the calls whose home died: this node's name ({@code routing_node}, {@code call_home.node}), the
   * citizens' grace period, when this process started, whether no node holds a call for sure ({@link
   * CallSignalling#heldNowhere}), and the end itself (completes once journaled or refused).
   */
  record Orphans(String node, Duration grace, Instant started, Predicate<ContactId> heldNowhere,
      Function<ContactId, CompletionStage<?>> end) {}

  private final Jdbc jdbc;
  private final InstantSource clock;
  private final Predicate<ContactId> heldAnywhere;
  private final Duration maxAge;
  private final boolean clustered;
  private final Orphans orphans;
  /** Calls this node is ending (their abandon not yet journaled): not handed to routing again meanwhile. */
  private final Set<ContactId> ending = ConcurrentHashMap.newKeySet();

  @Inject
  CallHomeSweep(Jdbc jdbc, InstantSource clock, CallSignalling signalling, Vertx vertx, RoutingOwnership ownership,
      CallSignalling.Settings settings, RoutingHost routing,
      @Value("${onenumber.call.claim-max-age:12h}") Duration maxAge) {
    this(jdbc, clock, signalling::heldAnywhere, maxAge, vertx.isClustered(), new Orphans(ownership.node(),
        settings.grace(), clock.instant(), signalling::heldNowhere,
        contact -> routing.routeUntilJournaled(new RoutingCommand.Abandon(contact))));
  }

  CallHomeSweep(Jdbc jdbc, InstantSource clock, Predicate<ContactId> heldAnywhere, Duration maxAge,
      boolean clustered, Orphans orphans) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.heldAnywhere = heldAnywhere;
    this.maxAge = maxAge;
    this.clustered = clustered;
    this.orphans = orphans;
  }

  @Scheduled(fixedDelay = "${onenumber.call.claim-sweep-every:1m}",
      initialDelay = "${onenumber.call.claim-sweep-every:1m}")
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

  /** One round (the cases above); returns the rows deleted and the calls handed to routing to end. */
  int sweep() {
    int ended = jdbc.update("delete from call_home where not exists (select 1 from contact c where c.id ="
        + " call_home.contact_id and " + OPEN + ")");
    int orphaned = endOrphans();
    List<String[]> old = jdbc.query("select contact_id, claim from call_home where claimed_at < ?"
            + " order by claimed_at limit " + PER_ROUND, row -> new String[] {row.getString(1), row.getString(2)},
        clock.instant().minus(maxAge));
    int unheld = 0;
    for (String[] row : old) {
      if (!heldAnywhere.test(new ContactId(row[0]))) {
        unheld += jdbc.update("delete from call_home where contact_id = ? and claim = ?", row[0], row[1]);
      }
    }
    if (ended + orphaned + unheld > 0) {
      LOG.info("call_home sweep: {} rows of ended calls, {} calls whose home is gone ended, {} rows older than {}"
          + " that no node holds", ended, orphaned, unheld, maxAge);
    }
    return ended + orphaned + unheld;
  }

  /** Case 2: the open calls whose home is gone since longer than the grace period, handed to routing to end. */
  private int endOrphans() {
    Instant goneBefore = clock.instant().minus(orphans.grace());
    boolean restartedLongAgo = !orphans.started().isAfter(goneBefore);
    List<String[]> rows = jdbc.query("select h.contact_id, h.node from call_home h join contact c on c.id ="
            + " h.contact_id where " + OPEN + " and (not exists (select 1 from routing_node n where n.node = h.node"
            + " and n.seen_until >= ?)" + (restartedLongAgo ? " or h.node = ? and h.claimed_at < ?" : "")
            + ") order by h.claimed_at limit " + PER_ROUND, row -> new String[] {row.getString(1), row.getString(2)},
        restartedLongAgo ? new Object[] {goneBefore, orphans.node(), orphans.started()} : new Object[] {goneBefore});
    int handed = 0;
    for (String[] row : rows) {
      ContactId contact = new ContactId(row[0]);
      if (ending.contains(contact) || !orphans.heldNowhere().test(contact) || !ending.add(contact)) {
        continue;
      }
      LOG.info("call {}: its home {} is gone since over {} and no node holds the call: ended as a citizen who did"
          + " not come back", row[0], row[1], orphans.grace());
      handed++;
      orphans.end().apply(contact).whenComplete((journaled, refused) -> ending.remove(contact));
    }
    return handed;
  }
}
