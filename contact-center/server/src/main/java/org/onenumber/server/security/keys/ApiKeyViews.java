package org.onenumber.server.security.keys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** The JSON of {@code /api/v1/api-keys}. */
final class ApiKeyViews {

  private ApiKeyViews() {}

  /** What an administrator asks for; {@code perMinute} defaults to {@code onenumber.rate-limits.api-key-per-minute}. */
  @Serdeable
  record IssueRequest(@Nullable String name, @Nullable List<String> scopes, @Nullable Integer perMinute,
      @Nullable String department) {}

  /** A key as listed: never its value. */
  @Serdeable
  record KeyView(String id, String name, String prefix, List<String> scopes, int perMinute,
      @Nullable String department, String createdBy, Instant createdAt, @Nullable String revokedBy,
      @Nullable Instant revokedAt) {

    static KeyView of(ApiKey k) {
      return new KeyView(k.id(), k.name(), k.prefix(), k.scopes().stream().map(ApiKeyScope::scope).sorted().toList(),
          k.perMinute(), k.department(), k.createdBy(), k.createdAt(), k.revokedBy(), k.revokedAt());
    }
  }

  /** The answer to issuing: the key's value, shown this once. */
  @Serdeable
  record IssuedView(KeyView key, String value) {}
}
