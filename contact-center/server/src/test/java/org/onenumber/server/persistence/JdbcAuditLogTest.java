package org.onenumber.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onenumber.core.audit.AuditEntry;
import org.onenumber.core.port.out.AuditLog;
import org.onenumber.server.TestDatabases;

/** The audit trail on H2: filters, and a hash chain that shows a changed or removed row. */
class JdbcAuditLogTest {

  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00.123456789Z");
  private final Jdbc jdbc = new Jdbc(TestDatabases.h2());
  private final JdbcAuditLog audit = new JdbcAuditLog(jdbc);

  private static AuditEntry view(String actor, String citizen, int second) {
    return new AuditEntry(actor, "SUPERVISOR", "view", "contact", "c-" + second, citizen, "supervision", "127.0.0.1",
        T0.plusSeconds(second));
  }

  @Test
  void findsEntriesByCitizenActorAndTimeOldestFirst() {
    audit.append(view("sv-01", "citizen-1", 0));
    audit.append(view("sv-02", "citizen-2", 10));
    audit.append(view("sv-01", "citizen-2", 20));
    assertEquals(List.of("c-10", "c-20"),
        audit.find("citizen-2", null, null, null, 10).stream().map(AuditEntry::recordId).toList());
    assertEquals(List.of("c-0", "c-20"),
        audit.find(null, "sv-01", null, null, 10).stream().map(AuditEntry::recordId).toList());
    assertEquals(List.of("c-10"),
        audit.find(null, null, T0.plusSeconds(5), T0.plusSeconds(15), 10).stream().map(AuditEntry::recordId).toList());
  }

  @Test
  void theChainIsIntactUntilARowIsChangedOrRemoved() {
    for (int i = 0; i < 4; i++) {
      audit.append(view("sv-01", "citizen-1", i));
    }
    assertEquals(new AuditLog.Verification(4, -1), audit.verify());
    jdbc.update("update audit_log set reason = 'nothing to see' where record_id = 'c-2'");
    assertEquals(2, audit.verify().firstBroken(), "the changed row");
    jdbc.update("update audit_log set reason = 'supervision' where record_id = 'c-2'");
    assertTrue(audit.verify().intact());
    jdbc.update("delete from audit_log where record_id = 'c-1'");
    assertEquals(1, audit.verify().firstBroken(), "the row after the removed one");
  }

  @Test
  void concurrentAppendsAreAllCommittedOnOneIntactChain() throws Exception {
    int threads = 8;
    int each = 40;
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String actor = "sv-" + t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            audit.append(view(actor, "citizen-1", i));
          }
        }));
      }
      for (var d : done) {
        d.get();
      }
    }
    assertEquals(new AuditLog.Verification(threads * each, -1), audit.verify());
    assertEquals(each, audit.find(null, "sv-3", null, null, 1_000).size());
  }

  @Test
  void anAppendInsideATransactionCommitsOrRollsBackWithIt() {
    assertThrows(IllegalStateException.class, () -> jdbc.inTransaction(() -> {
      audit.append(view("sv-01", "citizen-1", 1));
      throw new IllegalStateException("the caller's work failed");
    }));
    audit.append(view("sv-01", "citizen-1", 2));
    assertEquals(List.of("c-2"), audit.find(null, "sv-01", null, null, 10).stream().map(AuditEntry::recordId).toList());
    assertTrue(audit.verify().intact());
  }

  @Test
  void aWriterHoldsTheLastHashAndReadsItOnlyOnce() {
    audit.append(view("sv-01", "citizen-1", 0)); // reads the last hash: none yet
    long before = jdbc.statements();
    for (int i = 1; i <= 5; i++) {
      audit.append(view("sv-01", "citizen-1", i));
    }
    assertEquals(5 * 2, jdbc.statements() - before, "an insert and its commit per append, no read of the last row");
    assertEquals(new AuditLog.Verification(6, -1), audit.verify());
  }

  @Test
  void twoWritersOnOneDatabaseKeepOneLinearChain() {
    JdbcAuditLog otherNode = new JdbcAuditLog(jdbc); // another cluster node: its own idea of the last hash
    for (int i = 0; i < 6; i++) { // each writer's held hash is stale on every turn but its first
      (i % 2 == 0 ? audit : otherNode).append(view(i % 2 == 0 ? "sv-01" : "sv-02", "citizen-1", i));
    }
    assertEquals(new AuditLog.Verification(6, -1), audit.verify()); // at once: JdbcAuditLogPostgresIT
  }

  @Test
  void anAppendInAnotherTransactionIsChainedToNotForked() {
    audit.append(view("sv-01", "citizen-1", 0));
    jdbc.inTransaction(() -> {
      audit.append(view("sv-01", "citizen-1", 1)); // commits with the caller's transaction, after the lock
      return null;
    });
    audit.append(view("sv-01", "citizen-1", 2));
    assertEquals(new AuditLog.Verification(3, -1), audit.verify());
  }
}
