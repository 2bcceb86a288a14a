package org.onenumber.server.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.ContactId;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.persistence.Jdbc;

/**
 * The sweep of {@code call_home} rows on H2 and PostgreSQL (issue 11, session 22): the rows of ended calls (closed, abandoned, in
 * wrap-up, erased) go at once; a row older than the bound goes only when no node holds its call (a hand-written
 * answer stands for this node's calls and the bus's ping); live calls' rows stay, and a young row is not asked about.
 */
class CallHomeSweepH2Test {

  /** The database the sweep runs on (PostgreSQL in {@link CallHomeSweepPostgresIT}). */
  javax.sql.DataSource dataSource() {
    return TestDatabases.h2();
  }

  private static final Instant NOW = Instant.parse("2026-12-05T22:00:00Z");

  private final Jdbc jdbc = new Jdbc(dataSource());
  private final InstantSource clock = InstantSource.fixed(NOW);

  private void contact(String id, String state) {
    jdbc.update("insert into contact (id, channel, citizen_id, language, required_skills, priority, topic, state,"
        + " created_at, updated_at) values (?, 'VIDEO', 'sweep-citizen', 'en', '', 1, 'sign call', ?, ?, ?)", id,
        state, NOW, NOW);
  }

  private void claimed(String contact, Duration ago) {
    jdbc.update("insert into call_home (contact_id, claim, node, claimed_at) values (?, ?, 'node-a', ?)", contact,
        "claim-" + contact, NOW.minus(ago));
  }

  @Test
  void rowsOfEndedCallsAndOfOldCallsNobodyHoldsGoLiveOnesStay() {
    jdbc.update("insert into citizen (id, name, preferred_language, store_history, record_calls, sms_opt_out)"
        + " values ('sweep-citizen', 'Sweep', 'en', true, true, false)");
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
    CallHomeSweep sweep = new CallHomeSweep(jdbc, clock, contact -> {
      asked.add(contact);
      return contact.value().equals("old-live");
    }, Duration.ofHours(12), true);

    assertEquals(5, sweep.sweep());

    assertEquals(Set.of("live", "waiting", "old-live"), Set.copyOf(jdbc.query("select contact_id from call_home",
        row -> row.getString(1))));
    assertEquals(Set.of(new ContactId("old-orphan"), new ContactId("old-live")), Set.copyOf(asked),
        "only rows past the bound are asked about");
    assertEquals(0, sweep.sweep(), "a second round finds nothing more");
  }
}
