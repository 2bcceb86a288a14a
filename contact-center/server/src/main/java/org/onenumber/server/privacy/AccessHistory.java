package org.onenumber.server.privacy;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import org.onenumber.core.audit.AuditEntry;
import org.onenumber.core.port.out.AuditLog;

/**
 * Who looked at a citizen's record, in the form the citizen may see (GDPR art. 15, PIPA art. 35).
 * The policy: the citizen sees when, in which role, what was done to which kind of record and why;
 * never the staff member's login or name, the address it came from, or record ids — staff are
 * protected from being singled out, and the city's privacy officer (an administrator) can still
 * name the person from {@code GET /api/v1/audit} when a citizen files a complaint. Newest first, at
 * most {@value #MAX} entries. Thread-safe.
 */
@Singleton
public final class AccessHistory {

  static final int MAX = 500;
  private final AuditLog audit;

  public AccessHistory(AuditLog audit) {
    this.audit = audit;
  }

  /** One look at the citizen's data, without who exactly looked. */
  @Serdeable
  public record Look(Instant at, String role, String action, String recordType, String reason) {
    static Look of(AuditEntry e) {
      return new Look(e.at(), e.role() == null ? "SYSTEM" : e.role(), e.action(), e.recordType(), e.reason());
    }
  }

  /** The answer: the looks, newest first. */
  @Serdeable
  public record Looks(String citizenId, List<Look> items) {}

  public Looks of(String citizen) {
    List<Look> looks = new java.util.ArrayList<>(audit.find(citizen, null, null, null, 100_000).stream()
        .map(Look::of).toList());
    java.util.Collections.reverse(looks);
    return new Looks(citizen, looks.subList(0, Math.min(MAX, looks.size())));
  }
}
