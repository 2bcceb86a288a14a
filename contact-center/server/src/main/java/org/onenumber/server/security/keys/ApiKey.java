package org.onenumber.server.security.keys;

import java.time.Instant;
import java.util.Set;

/**
 * An issued API key as stored: never the key itself, only its first characters ({@code prefix})
 * so an administrator can tell keys apart.
 *
 * @param department when set, {@code cases:read} sees only this department's cases
 * @param perMinute the key's own rate limit (requests per minute, bursts up to the same count)
 * @param revokedAt null while the key is valid
 */
public record ApiKey(String id, String name, String prefix, Set<ApiKeyScope> scopes, int perMinute,
    String department, String createdBy, Instant createdAt, String revokedBy, Instant revokedAt) {

  public ApiKey {
    scopes = Set.copyOf(scopes);
  }

  public boolean revoked() {
    return revokedAt != null;
  }

  /** The actor name the audit log and the key's {@code Authentication} use. */
  public String actor() {
    return "apikey:" + id;
  }
}
