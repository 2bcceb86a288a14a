package org.onenumber.server.call;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.ContactId;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.persistence.Jdbc;

/**
 * Calls' claims on H2 (the update-then-insert path; PostgreSQL's one-statement upsert runs in {@code
 * CallHomeFrozenPostgresIT}): the last claim holds, an earlier one does not, and a released claim holds nothing.
 */
class JdbcCallClaimsH2Test {

  private final Jdbc jdbc = new Jdbc(TestDatabases.h2());
  private final InstantSource clock = InstantSource.fixed(Instant.parse("2026-12-05T12:00:00Z"));
  private final JdbcCallClaims nodeA = new JdbcCallClaims(jdbc, clock, "node-a");
  private final JdbcCallClaims nodeB = new JdbcCallClaims(jdbc, clock, "node-b");
  private final ContactId call = new ContactId("c-1");

  @Test
  void theLastClaimHoldsAndTheOneBeforeItNoLonger() {
    String a = nodeA.claim(call);
    assertTrue(nodeA.holds(call, a));

    String b = nodeB.claim(call); // node-b took the call over while node-a was frozen

    assertNotEquals(a, b);
    assertFalse(nodeA.holds(call, a), "the woken home's claim is void");
    assertTrue(nodeB.holds(call, b));
    assertFalse(nodeA.holds(new ContactId("c-2"), a), "no claim for a call nobody claimed");
  }

  @Test
  void aVoidClaimReleasesNothingAndTheLiveOneEndsWithItsCall() {
    String a = nodeA.claim(call);
    String b = nodeB.claim(call);

    nodeA.release(call, a);
    assertTrue(nodeB.holds(call, b), "the old home's release leaves the live claim");
    nodeB.release(call, b);

    assertFalse(nodeB.holds(call, b));
    assertFalse(nodeA.holds(call, a), "a stale copy holds nothing after the call ended at its home");
  }
}
