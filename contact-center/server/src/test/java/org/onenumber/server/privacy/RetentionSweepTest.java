package org.onenumber.server.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.onenumber.core.audit.AuditEntry;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcAuditLog;

/** The retention sweep on H2 with a manual clock: each kind by its own period, statistics kept, chain valid. */
class RetentionSweepTest {

  private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");
  final Jdbc jdbc = new Jdbc(dataSource());

  /** The database the test runs on: H2 here, PostgreSQL in the subclass. */
  DataSource dataSource() {
    return TestDatabases.h2();
  }
  private final PrivacyRows rows = new PrivacyRows(jdbc);
  private final JdbcAuditLog audit = new JdbcAuditLog(jdbc);
  private Instant now = T0;
  private final RetentionSweep sweep = new RetentionSweep(jdbc, audit,
      new RetentionPeriods(Duration.ofDays(365), Duration.ofDays(90), Duration.ofDays(1825)), () -> now);

  private void seed() {
    rows.citizen("ret-c1", "Kim Minji", "01055550001");
    rows.contact("ret-k1", "ret-c1", "SMS", T0);
    rows.message("ret-m1", "ret-k1", "SMS", "01055550001", "the water main burst", T0);
    rows.contact("ret-k2", "ret-c1", "CHAT", T0);
    rows.message("ret-m2", "ret-k2", "CHAT", "chat-handle", "I live at 12 Main St", T0);
    for (int day = 0; day < 3; day++) {
      audit.append(new AuditEntry("sv-01", "SUPERVISOR", "view", "contact", "ret-k1", "ret-c1", "supervision",
          "127.0.0.1", T0.plus(Duration.ofDays(day * 1000L))));
    }
  }

  @Test
  void chatTranscriptsGoAfterTheirPeriodAndOtherMessagesAfterTheirs() {
    seed();
    now = T0.plus(Duration.ofDays(89));
    assertEquals(new RetentionSweep.Swept(0, 0, 0), sweep.sweep());
    now = T0.plus(Duration.ofDays(91));
    assertEquals(new RetentionSweep.Swept(0, 1, 0), sweep.sweep());
    assertEquals(RetentionSweep.ERASED_TEXT, rows.text("select body from message where id = 'ret-m2'"));
    assertEquals("the water main burst", rows.text("select body from message where id = 'ret-m1'"));
    now = T0.plus(Duration.ofDays(366));
    assertEquals(new RetentionSweep.Swept(1, 0, 0), sweep.sweep());
    assertEquals(RetentionSweep.ERASED_TEXT, rows.text("select body from message where id = 'ret-m1'"));
    assertEquals(RetentionSweep.ERASED, rows.text("select peer from message where id = 'ret-m1'"));
    assertEquals(new RetentionSweep.Swept(0, 0, 0), sweep.sweep(), "idempotent");
  }

  @Test
  void contactsStepsAndMessageCountsSurviveTheSweep() {
    seed();
    now = T0.plus(Duration.ofDays(4000));
    sweep.sweep();
    assertEquals(2, rows.count("select count(*) from contact where citizen_id = 'ret-c1'"));
    assertEquals(4, rows.count("select count(*) from contact_step where contact_id like 'ret-%'"));
    assertEquals(2, rows.count("select count(*) from message where id like 'ret-%'"));
  }

  @Test
  void oldAuditEntriesGoOldestFirstAndTheRestStillVerifies() {
    seed();
    now = T0.plus(Duration.ofDays(1825));
    assertEquals(0, sweep.sweep().auditEntries());
    now = T0.plus(Duration.ofDays(2826));
    assertEquals(2, sweep.sweep().auditEntries(), "day 0 and day 1000 are older than five years; day 2000 is not");
    assertEquals(1, rows.count("select count(*) from audit_log"));
    assertTrue(audit.verify().intact(), audit.verify().toString());
    audit.append(new AuditEntry("sv-01", "SUPERVISOR", "view", "contact", "ret-k1", "ret-c1", "supervision", null, now));
    assertTrue(audit.verify().intact());
    jdbc.update("update audit_log set reason = 'nothing' where at = ?", T0.plus(Duration.ofDays(2000)));
    assertEquals(0, audit.verify().firstBroken(), "a changed row still shows after the chain was re-anchored");
  }

  @Test
  void everyPeriodMustBeAtLeastADay() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new RetentionPeriods(Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(1)));
  }
}
