package org.onenumber.server.faults;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.onenumber.core.audit.AuditEntry;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcAuditLog;

/**
 * What auditing adds to a view of a citizen's record, for {@code bin/bench security}: the view is
 * what the console reads (the citizen and their last 20 contacts); the audited view is the same
 * plus the hash-chained audit entry {@code CitizenDataAccess} appends before the answer. Both on
 * the server's own kind of database (a durable H2 file with {@code WRITE_DELAY 0}, or PostgreSQL),
 * pooled as the server pools, alternating so both see the same machine.
 */
final class AuditedViewCost {

  /** Nanoseconds of each plain view and each audited view. */
  record Samples(long[] plain, long[] audited) {}

  private static final int CITIZENS = 1_000;
  private final Jdbc jdbc;
  private final JdbcAuditLog audit;

  private AuditedViewCost(HikariDataSource pool) {
    Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
    this.jdbc = new Jdbc(pool);
    this.audit = new JdbcAuditLog(jdbc);
  }

  /** Measures {@code views} of each kind (after as many for warm-up) on {@code url} (H2 file when null). */
  static Samples measure(String postgresUrl, Path dataDir, int views) {
    HikariConfig config = new HikariConfig();
    if (postgresUrl == null) {
      config.setJdbcUrl("jdbc:h2:file:" + dataDir.resolve("db/onenumber")
          + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
      config.setUsername("sa");
      config.setPassword("");
    } else {
      config.setJdbcUrl(postgresUrl);
      config.setUsername("onenumber");
      config.setPassword("onenumber");
    }
    config.setMaximumPoolSize(4);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      AuditedViewCost cost = new AuditedViewCost(pool);
      if (postgresUrl == null) {
        cost.jdbc.update("SET WRITE_DELAY 0");
      }
      cost.seed();
      cost.run(views);
      return cost.run(views);
    }
  }

  private void seed() {
    Instant at = Instant.parse("2026-06-01T09:00:00Z");
    jdbc.inTransaction(() -> {
      for (int c = 0; c < CITIZENS; c++) {
        jdbc.update("insert into citizen (id, name, preferred_language, store_history, record_calls, sms_opt_out)"
            + " values (?, ?, 'ko', true, true, false)", "bench-c" + c, "Bench Citizen " + c);
        for (int k = 0; k < 10; k++) {
          Instant when = at.plusSeconds(c * 600L + k * 60L);
          jdbc.update("insert into contact (id, channel, citizen_id, language, required_skills, priority, topic, state,"
              + " created_at, queued_at, connected_at, closed_at, updated_at) values (?, 'CHAT', ?, 'ko', '', 1,"
              + " 'street light out', 'CLOSED', ?, ?, ?, ?, ?)", "bench-k" + c + "-" + k, "bench-c" + c, when, when,
              when, when, when);
        }
      }
      return null;
    });
  }

  private Samples run(int views) {
    long[] plain = new long[views];
    long[] audited = new long[views];
    for (int i = 0; i < views; i++) {
      String citizen = "bench-c" + (i * 7919 % CITIZENS);
      long t0 = System.nanoTime();
      view(citizen);
      plain[i] = System.nanoTime() - t0;
      citizen = "bench-c" + ((i * 7919 + 1) % CITIZENS);
      t0 = System.nanoTime();
      view(citizen);
      audit.append(new AuditEntry("sv-01", "SUPERVISOR", "view", "citizen", citizen, citizen, "supervision",
          "127.0.0.1", Instant.now()));
      audited[i] = System.nanoTime() - t0;
    }
    return new Samples(plain, audited);
  }

  private void view(String citizen) {
    jdbc.queryOne("select id, name, preferred_language from citizen where id = ?", row -> row.getString(2), citizen)
        .orElseThrow();
    jdbc.query("select id, channel, topic, state, created_at from contact where citizen_id = ?"
        + " order by created_at desc limit 20", row -> row.getString(1), citizen);
  }
}
