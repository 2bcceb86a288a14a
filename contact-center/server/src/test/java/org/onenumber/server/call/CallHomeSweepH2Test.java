package org.onenumber.server.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.ContactId;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.persistence.Jdbc;

/**
 * The sweep of {@code call_home} rows on H2 and PostgreSQL (issue 11, sessions 22 and 23): the rows of ended calls
 * (closed, abandoned, in wrap-up, erased) go at once; a row older than the bound goes only when no node holds its call
 * (a hand-written answer stands for this node's calls and the bus's ping); live calls' rows stay, and a young row is
 * not asked about. A call whose home is gone (no heartbeat in {@code routing_node}) longer than the grace period and
 * that no node holds is ended (a hand-written end stands for routing's abandon).
 */
class CallHomeSweepH2Test {

  /** The database the sweep runs on (PostgreSQL in {@link CallHomeSweepPostgresIT}). */
  javax.sql.DataSource dataSource() {
    return TestDatabases.h2();
  }

  private static final Instant NOW = Instant.parse("2026-12-05T22:00:00Z");

  private final Jdbc jdbc = new Jdbc(dataSource());
  private static final Duration GRACE = Duration.ofSeconds(30);
  private final InstantSource clock = InstantSource.fixed(NOW);

  private void contact(String id, String state) {
    jdbc.update("insert into contact (id, channel, citizen_id, language, required_skills, priority, topic, state,"
        + " created_at, updated_at) values (?, 'VIDEO', 'sweep-citizen', 'en', '', 1, 'sign call', ?, ?, ?)", id,
        state, NOW, NOW);
  }

  private void claimed(String contact, Duration ago) {
    claimed(contact, "node-a", ago);
  }

  private void claimed(String contact, String node, Duration ago) {
    jdbc.update("insert into call_home (contact_id, claim, node, claimed_at) values (?, ?, ?, ?)", contact,
        "claim-" + contact, node, NOW.minus(ago));
  }

  /** {@code node} beat last with this time to live: alive until {@code NOW + untilFromNow}. */
  private void seen(String node, Duration untilFromNow) {
    jdbc.update("insert into routing_node (node, seen_until) values (?, ?)", node, NOW.plus(untilFromNow));
  }

  private void citizen() {
    jdbc.update("insert into citizen (id, name, preferred_language, store_history, record_calls, sms_opt_out)"
        + " values ('sweep-citizen', 'Sweep', 'en', true, true, false)");
  }

  /**
   * The sweep of node {@code node}, started {@code ago}, with a grace of 30 s; {@code held} answers whether a node
   * holds a call, its negation whether none does for sure; its ends go to {@code ended}.
   */
  private CallHomeSweep sweep(Predicate<ContactId> held, String node, Duration ago, List<ContactId> ended) {
    return new CallHomeSweep(jdbc, clock, held, Duration.ofHours(12), true, new CallHomeSweep.Orphans(node,
        GRACE, NOW.minus(ago), held.negate(), contact -> {
          ended.add(contact);
          return CompletableFuture.completedFuture(null);
        }));
  }

  @Test
  void rowsOfEndedCallsAndOfOldCallsNobodyHoldsGoLiveOnesStay() {
    citizen();
    seen("node-a", Duration.ofSeconds(3)); // the home of these calls is alive
    for (String[] c : new String[][] {{"closed", "CLOSED"}, {"abandoned", "ABANDONED"}, {"wrapping", "WRAP_UP"},
        {"live", "CONNECTED"}, {"waiting", "QUEUED"}, {"old-orphan", "CONNECTED"}, {"old-live", "CONNECTED"}}) {
      contact(c[0], c[1]);
    }
    for (String young : List.of("closed", "abandoned", "wrapping", "live", "waiting", "erased")) {
      claimed(young, Duration.ofMinutes(5));
    }
    claimed("old-orphan", Duration.ofHours(13)); // its home died and nobody resumed the call
    claimed("old-live", Duration.ofHours(13)); // a home answers for it
    List<ContactId> asked = new java.util.ArrayList<>();
    List<ContactId> ended = new java.util.ArrayList<>();
    CallHomeSweep sweep = sweep(contact -> {
      asked.add(contact);
      return contact.value().equals("old-live");
    }, "node-b", Duration.ofHours(1), ended);

    assertEquals(5, sweep.sweep());

    assertEquals(Set.of("live", "waiting", "old-live"), Set.copyOf(jdbc.query("select contact_id from call_home",
        row -> row.getString(1))));
    assertEquals(Set.of(new ContactId("old-orphan"), new ContactId("old-live")), Set.copyOf(asked),
        "only rows past the bound are asked about");
    assertEquals(0, sweep.sweep(), "a second round finds nothing more");
    assertEquals(List.of(), ended, "no call ended: their home is alive");
  }

  /**
   * Session 23: a home killed with its calls' sockets took their grace timers with it. A call whose home has not
   * beaten for longer than the grace period, or whose home is the sweeping node restarted that long ago (the row
   * older than the process), and that no node holds, is ended as a citizen who did not come back; its row goes in
   * the next round. A home gone for less than the grace, a call a node holds (rebuilt by a resume), a restart
   * within the grace and a row claimed since the restart are left alone.
   */
  @Test
  void callsWhoseHomeIsGoneLongerThanTheGraceAndThatNobodyHoldsAreEndedAndTheirRowsSweptNext() {
    citizen();
    seen("node-dead", Duration.ofMinutes(-1));
    seen("node-recent", Duration.ofSeconds(-10));
    seen("node-a", Duration.ofSeconds(3));
    for (String c : List.of("dead-home", "dead-held", "dead-waiting", "recently-dead", "before-restart",
        "after-restart")) {
      contact(c, c.equals("dead-waiting") ? "QUEUED" : "CONNECTED");
    }
    claimed("dead-home", "node-dead", Duration.ofMinutes(5));
    claimed("dead-held", "node-dead", Duration.ofMinutes(5)); // a node answers for it
    claimed("dead-waiting", "node-never-seen", Duration.ofMinutes(5));
    claimed("recently-dead", "node-recent", Duration.ofMinutes(5));
    claimed("before-restart", "node-a", Duration.ofMinutes(5)); // node-a restarted a minute ago
    claimed("after-restart", "node-a", Duration.ofSeconds(20));
    Predicate<ContactId> held = contact -> contact.value().equals("dead-held");

    List<ContactId> withinGrace = new java.util.ArrayList<>();
    assertEquals(2, sweep(held, "node-a", Duration.ofSeconds(10), withinGrace).sweep());
    assertEquals(Set.of(new ContactId("dead-home"), new ContactId("dead-waiting")), Set.copyOf(withinGrace),
        "node-a restarted 10 s ago: its citizens may still resume");

    List<ContactId> ended = new java.util.ArrayList<>();
    CallHomeSweep sweep = sweep(held, "node-a", Duration.ofMinutes(1), ended);
    assertEquals(3, sweep.sweep());
    assertEquals(Set.of(new ContactId("dead-home"), new ContactId("dead-waiting"), new ContactId("before-restart")),
        Set.copyOf(ended));
    assertEquals(6, jdbc.query("select contact_id from call_home", row -> row.getString(1)).size(),
        "rows stay until their contact has ended");
    for (String c : List.of("dead-home", "dead-waiting", "before-restart")) {
      jdbc.update("update contact set state = ? where id = ?", c.equals("dead-waiting") ? "ABANDONED" : "CLOSED", c);
    }
    assertEquals(3, sweep.sweep(), "the ended calls' rows");
    assertEquals(Set.of("dead-held", "recently-dead", "after-restart"), Set.copyOf(jdbc.query(
        "select contact_id from call_home", row -> row.getString(1))));
  }
}
