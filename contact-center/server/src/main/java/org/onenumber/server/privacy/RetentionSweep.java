package org.onenumber.server.privacy;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.InstantSource;
import org.onenumber.server.cluster.RoutingOwnership;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcAuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces {@link RetentionPeriods}, hourly, by the injected clock:
 *
 * <ol>
 *   <li>Messages other than chat (SMS, e-mail...) older than {@code messages}: body, peer address and
 *       media are blanked; the row (channel, direction, time, contact) stays, so message counts do.
 *   <li>Chat transcripts (channel {@code CHAT}) older than {@code chatTranscripts}: the same.
 *   <li>Audit entries older than {@code audit}: removed oldest first, the chain re-anchored
 *       ({@link JdbcAuditLog#removeOlderThan}) so the rest still verifies.
 * </ol>
 *
 * Contacts, their steps and cases are never touched: service levels and counts stay as they were.
 * Idempotent (already blanked rows are skipped); a failing step is logged and retried next hour.
 */
@Singleton
public final class RetentionSweep {

  /** What replaces a blanked peer address. */
  public static final String ERASED = "erased";
  /** What replaces a blanked message body or case summary (the domain needs some text there). */
  public static final String ERASED_TEXT = "(erased)";
  private static final Logger LOG = LoggerFactory.getLogger(RetentionSweep.class);
  private static final String BLANK = "update message set body = '" + ERASED_TEXT + "', peer = '" + ERASED + "', media = null"
      + " where at < ? and peer <> '" + ERASED + "' and channel ";

  private final Jdbc jdbc;
  private final JdbcAuditLog audit;
  private final RetentionPeriods periods;
  private final InstantSource clock;

  public RetentionSweep(Jdbc jdbc, JdbcAuditLog audit, RetentionPeriods periods, InstantSource clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.periods = periods;
    this.clock = clock;
  }

  /** How many rows each step changed. */
  public record Swept(int messages, int chatMessages, int auditEntries) {}

  @Scheduled(fixedDelay = "${onenumber.retention.sweep-every:1h}", initialDelay = "10m",
      condition = RoutingOwnership.ONE_NODE_ONLY)
  void scheduled() {
    try {
      Swept swept = sweep();
      if (swept.messages() + swept.chatMessages() + swept.auditEntries() > 0) {
        LOG.info("retention: {}", swept);
      }
    } catch (RuntimeException e) {
      LOG.warn("retention sweep failed, retried next time: {}", e.toString());
    }
  }

  /** Runs the three steps against the clock's now. */
  public Swept sweep() {
    Instant now = clock.instant();
    int messages = jdbc.update(BLANK + "<> 'CHAT'", now.minus(periods.messages()));
    int chat = jdbc.update(BLANK + "= 'CHAT'", now.minus(periods.chatTranscripts()));
    int auditEntries = audit.removeOlderThan(now.minus(periods.audit()), 10_000);
    return new Swept(messages, chat, auditEntries);
  }
}
