package org.onenumber.server.persistence;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.onenumber.core.audit.AuditEntry;
import org.onenumber.core.port.out.AuditLog;

/**
 * The audit trail in table {@code audit_log}: each row's hash is SHA-256 over the previous row's
 * hash and the row's own fields, so {@link #verify} finds any row changed, inserted or removed
 * behind the application's back. Appends are serialised in this process (one writer keeps the
 * chain linear) and committed before {@link #append} returns. Concurrent appends commit together
 * (group commit): each waits in a queue, and whichever holds the writer's lock writes every entry
 * waiting, in one transaction, and wakes their callers; a failure fails each of them. An append
 * inside a caller's transaction is written alone and commits with it. Instants are kept to the
 * microsecond, as both databases store them.
 *
 * <p>The last hash is held in memory after each group this writer committed, so a group costs one
 * insert and its commit, not a read of the last row as well (issue 14). It stays correct across
 * cluster nodes and transactions by a compare-and-set: each row stores the hash it chains to in
 * {@code previous_hash}, unique (migration V425), so a row chained to a hash that is no longer the
 * last (another node, or a caller's transaction, appended meanwhile) is refused by the database
 * rather than forking the chain; the group then reads the last hash and is written again, once,
 * holding the table (PostgreSQL: {@code lock table … in exclusive mode}, readers go on) so that it
 * cannot lose again.
 * After any failure, and after an append inside a caller's transaction (which may still roll
 * back), the held hash is forgotten and the next group reads it.
 */
@Singleton
public final class JdbcAuditLog implements AuditLog {

  private static final String GENESIS = "0".repeat(64);
  private final Jdbc jdbc;

  public JdbcAuditLog(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** An entry waiting for the commit of its batch; {@code failure} is that batch's, if it failed. */
  private static final class Pending {
    final AuditEntry entry;
    boolean done;
    RuntimeException failure;

    Pending(AuditEntry entry) {
      this.entry = entry;
    }
  }

  private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
  /** The hash of the last row this writer committed; null: read it. Guarded by {@code this}. */
  private String last;

  @Override
  public void append(AuditEntry entry) {
    Pending mine = new Pending(truncated(entry));
    if (jdbc.inTransaction()) {
      synchronized (this) {
        last = null; // this row commits or rolls back with the caller's transaction, after the lock
        write(List.of(mine), lastStored());
      }
      return;
    }
    waiting.add(mine);
    synchronized (this) {
      if (!mine.done) {
        List<Pending> batch = new ArrayList<>();
        for (Pending p = waiting.poll(); p != null; p = waiting.poll()) {
          batch.add(p);
        }
        RuntimeException failure = null;
        try {
          writeGroup(batch);
        } catch (RuntimeException e) {
          failure = e;
        }
        for (Pending p : batch) {
          p.failure = failure;
          p.done = true;
        }
      }
      if (mine.failure != null) {
        throw mine.failure;
      }
    }
  }

  /**
   * Commits {@code batch} chained to the last hash held (read when none is); when that fails, the
   * hash may be stale: write the group again, once, chained to the last hash read while holding the
   * table against other writers (PostgreSQL: another node's writer could otherwise append between
   * the read and the insert again and again). Holds the new last hash after the commit, none after
   * a failure. Called holding the lock.
   */
  private void writeGroup(List<Pending> batch) {
    String held = last;
    last = null;
    String written;
    try {
      written = jdbc.inTransaction(() -> write(batch, held != null ? held : lastStored()));
    } catch (RuntimeException stale) { // or a caller's transaction's row committed while this one waited on it
      boolean postgres = jdbc.postgres();
      written = jdbc.inTransaction(() -> {
        if (postgres) { // other nodes' appends wait until this one commits: the last hash read stays the last
          jdbc.update("lock table audit_log in exclusive mode");
        }
        return write(batch, lastStored());
      });
    }
    last = written;
  }

  private String lastStored() {
    return jdbc.queryOne("select hash from audit_log order by id desc limit 1", row -> row.getString(1))
        .orElse(GENESIS);
  }

  /**
   * Inserts {@code batch} in its order, each row chained to the one before, the first to {@code
   * previous}, as one JDBC batch (the ids follow the order sent); returns the last row's hash.
   */
  private String write(List<Pending> batch, String chainedTo) {
    String previous = chainedTo;
    List<Object[]> rows = new ArrayList<>();
    for (Pending p : batch) {
      AuditEntry e = p.entry;
      String hash = hash(previous, e);
      rows.add(new Object[] {e.actor(), e.role(), e.action(), e.recordType(), e.recordId(), e.citizen(),
          clip(e.reason(), 300), clip(e.source(), 64), e.at(), hash, previous});
      previous = hash;
    }
    jdbc.batch("insert into audit_log (actor, role, action, record_type, record_id, citizen_id, reason, source, at,"
        + " hash, previous_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    return previous;
  }

  @Override
  public List<AuditEntry> find(String citizen, String actor, Instant from, Instant to, int limit) {
    StringBuilder sql = new StringBuilder("select * from audit_log where 1 = 1");
    List<Object> args = new ArrayList<>();
    if (citizen != null) {
      sql.append(" and citizen_id = ?");
      args.add(citizen);
    }
    if (actor != null) {
      sql.append(" and actor = ?");
      args.add(actor);
    }
    if (from != null) {
      sql.append(" and at >= ?");
      args.add(from);
    }
    if (to != null) {
      sql.append(" and at < ?");
      args.add(to);
    }
    sql.append(" order by id limit ?");
    args.add(limit);
    return jdbc.query(sql.toString(), JdbcAuditLog::read, args.toArray());
  }

  @Override
  public Verification verify() {
    long[] checked = {0};
    long[] broken = {-1};
    String[] previous = {anchor()};
    jdbc.query("select * from audit_log order by id", row -> {
      if (broken[0] < 0 && !hash(previous[0], read(row)).equals(row.getString("hash"))) {
        broken[0] = checked[0];
      }
      previous[0] = row.getString("hash");
      checked[0]++;
      return null;
    });
    return new Verification(checked[0], broken[0]);
  }

  /**
   * Retention: removes the entries older than {@code cutoff} (at most {@code limit}, oldest first)
   * and remembers the hash of the last one removed in {@code audit_anchor}, from which {@link
   * #verify} then starts, so the remaining trail still verifies. Returns how many were removed.
   */
  public synchronized int removeOlderThan(Instant cutoff, int limit) {
    return jdbc.inTransaction(() -> {
      List<long[]> ids = jdbc.query("select id from audit_log where at < ? order by id limit ?",
          row -> new long[] {row.getLong(1)}, cutoff, limit);
      if (ids.isEmpty()) {
        return 0;
      }
      long last = ids.get(ids.size() - 1)[0];
      String hash = jdbc.queryOne("select hash from audit_log where id = ?", row -> row.getString(1), last).orElseThrow();
      int removed = jdbc.update("delete from audit_log where id <= ?", last);
      if (jdbc.update("update audit_anchor set last_removed = ?, hash = ?, removed_at = ? where id = 1", last, hash,
          cutoff) == 0) {
        jdbc.update("insert into audit_anchor (id, last_removed, hash, removed_at) values (1, ?, ?, ?)", last, hash,
            cutoff);
      }
      return removed;
    });
  }

  /** The hash the chain starts from: the genesis value, or the last removed entry's after retention. */
  private String anchor() {
    return jdbc.queryOne("select hash from audit_anchor where id = 1", row -> row.getString(1)).orElse(GENESIS);
  }

  private static AuditEntry read(ResultSet row) throws SQLException {
    return new AuditEntry(row.getString("actor"), row.getString("role"), row.getString("action"),
        row.getString("record_type"), row.getString("record_id"), row.getString("citizen_id"),
        row.getString("reason"), row.getString("source"), Jdbc.instant(row, "at"));
  }

  static String hash(String previous, AuditEntry e) {
    String fields = String.join("\u001f", previous, e.actor(), String.valueOf(e.role()), e.action(), e.recordType(),
        e.recordId(), String.valueOf(e.citizen()), e.reason(), String.valueOf(e.source()), e.at().toString());
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(fields.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException("SHA-256 is part of every JDK", ex);
    }
  }

  private static AuditEntry truncated(AuditEntry e) {
    return new AuditEntry(e.actor(), e.role(), e.action(), e.recordType(), e.recordId(), e.citizen(),
        clip(e.reason(), 300), clip(e.source(), 64), e.at().truncatedTo(ChronoUnit.MICROS));
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
