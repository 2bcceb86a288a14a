package org.onenumber.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.onenumber.core.audit.AuditEntry;
import org.onenumber.core.port.out.AuditLog;
import org.onenumber.server.TestDatabases;

/**
 * The audit chain on PostgreSQL with two writers on one database, each with its own connections,
 * as two cluster nodes are: each holds its own last hash, which the other's appends make stale; the
 * chain stays one line (a row chained to a stale hash is refused by {@code previous_hash}'s unique
 * index and written again after reading the last hash).
 */
class JdbcAuditLogPostgresIT {

  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

  @Test
  void twoNodesAppendingAtOnceKeepOneLinearChain() throws Exception {
    DataSource database = TestDatabases.postgresMigrated("audit_two_nodes");
    Jdbc jdbcA = new Jdbc(database);
    Jdbc jdbcB = new Jdbc(database);
    JdbcAuditLog nodeA = new JdbcAuditLog(jdbcA);
    JdbcAuditLog nodeB = new JdbcAuditLog(jdbcB);
    int threads = 8;
    int each = 30;
    try (var pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        JdbcAuditLog node = t % 2 == 0 ? nodeA : nodeB;
        String actor = "sv-" + t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            node.append(new AuditEntry(actor, "SUPERVISOR", "view", "contact", "c-" + i, "citizen-1", "supervision",
                "127.0.0.1", T0.plusSeconds(i)));
          }
        }));
      }
      for (Future<?> d : done) {
        d.get();
      }
    }
    assertEquals(new AuditLog.Verification(threads * each, -1), nodeA.verify());
  }
}
