package org.onenumber.core.audit;

import java.time.Instant;
import org.onenumber.core.error.InvalidInputException;

/**
 * One audited access: {@code actor} (a login) in {@code role} did {@code action} on a record,
 * possibly a citizen's, for {@code reason}, from {@code source} (an address), at {@code at}.
 *
 * @param action what was done, e.g. {@code view}, {@code search}, {@code unlock}
 * @param recordType {@code contact}, {@code citizen}, {@code case}, {@code messages}, {@code account}...
 * @param citizen the citizen whose data it was, or null
 * @param reason why, as the person gave it or as the work implies ({@code holds contact}), never null
 */
public record AuditEntry(String actor, String role, String action, String recordType, String recordId,
    String citizen, String reason, String source, Instant at) {

  public AuditEntry {
    InvalidInputException.requireText(actor, "actor");
    InvalidInputException.requireText(action, "action");
    InvalidInputException.requireText(recordType, "recordType");
    InvalidInputException.requireText(recordId, "recordId");
    InvalidInputException.requireText(reason, "reason");
    InvalidInputException.require(at, "at");
  }
}
