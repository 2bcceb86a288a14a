package org.onenumber.core.port.out;

import java.time.Instant;
import java.util.List;
import org.onenumber.core.audit.AuditEntry;

/**
 * The append-only audit trail. {@link #append} is durable when it returns (a view is audited
 * before it is answered); entries are never changed or removed by the application, and each
 * carries a hash over its predecessor's so that {@link #verify} finds a tampered chain.
 */
public interface AuditLog {

  void append(AuditEntry entry);

  /** Entries matching every given filter (null: any), oldest first, at most {@code limit}. */
  List<AuditEntry> find(String citizen, String actor, Instant from, Instant to, int limit);

  /** The number of entries checked, and the position of the first whose hash does not match (-1: none). */
  record Verification(long entries, long firstBroken) {
    public boolean intact() {
      return firstBroken < 0;
    }
  }

  Verification verify();
}
