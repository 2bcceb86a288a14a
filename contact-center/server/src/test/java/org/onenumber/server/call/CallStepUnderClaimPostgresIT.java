package org.onenumber.server.call;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.onenumber.channels.call.CallSignalling;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.server.TestDatabases;

/** {@link CallStepUnderClaimTestBase} on a fresh database of the real PostgreSQL server ({@code for share}). */
@MicronautTest
class CallStepUnderClaimPostgresIT extends CallStepUnderClaimTestBase implements TestPropertyProvider {

  @Inject
  DataSource dataSource;

  @Override
  public Map<String, String> getProperties() {
    return TestDatabases.postgresProperties("fence23_call_step_claim");
  }

  /**
   * The claim is held from routing's check to its commit: routing, past the check, waits in the step's write
   * (the test holds the contact's row); node-b's claim waits behind it and lands only after the commit. So the
   * step is written under a claim that held at its commit, never one taken meanwhile.
   */
  @Test
  void anotherNodesClaimWaitsForTheStepWrittenUnderTheClaimBeforeIt() throws Exception {
    CallSignalling nodeA = node("node-a");
    Peer citizen = new Peer("citizen-c");
    ContactId contact = started(nodeA, citizen);
    CompletableFuture<String> claimB;
    try (Connection held = dataSource.getConnection()) {
      held.setAutoCommit(false);
      try (PreparedStatement lock = held.prepareStatement("select id from contact where id = ? for update")) {
        lock.setString(1, contact.value());
        lock.executeQuery().close();
      }
      nodeA.handle(Map.of("type", "hangup", "contactId", contact.value()), citizen, Optional.empty());
      await().atMost(Duration.ofSeconds(15)).until(() -> waitingOnALock() >= 1); // routing, in the step's write

      claimB = CompletableFuture.supplyAsync(() -> new JdbcCallClaims(jdbc, clock, "node-b").claim(contact));
      await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> !claimB.isDone());
      held.commit();
    }

    await().atMost(Duration.ofSeconds(15)).until(() -> citizen.has("ended") && claimB.isDone());
    assertEquals(ContactState.ABANDONED, journal.find(contact).orElseThrow().state(), "written under node-a's claim");
    assertEquals(List.of("node-b"), jdbc.query("select node from call_home where contact_id = ?", row -> row.getString(1),
        contact.value()), "node-b's claim landed after the commit (node-a's release deleted only its own)");
  }

  private int waitingOnALock() {
    return jdbc.queryOne("select count(*) from pg_stat_activity where datname = current_database()"
        + " and wait_event_type = 'Lock'", row -> row.getInt(1)).orElse(0);
  }
}
