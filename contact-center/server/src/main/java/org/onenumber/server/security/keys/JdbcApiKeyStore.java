package org.onenumber.server.security.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.onenumber.server.persistence.Jdbc;

/**
 * The {@code api_key} table (V170). A key with {@code open311:write} is also an Open311 client
 * application: saving it adds the {@code open311_client} row its filed requests point at, in the
 * same transaction. Keys found by hash are kept for {@code onenumber.api-keys.cache-ttl} (5 s; every
 * Open311 filing presents one, issue #14): a revocation on this server drops them at once (and again
 * after its commit), one on another server of the cluster takes effect within that time. Unknown
 * hashes are never kept (a new key works at once; probing fills nothing). Thread-safe; joins the
 * caller's transaction when there is one.
 */
@Singleton
final class JdbcApiKeyStore {

  private static final String COLUMNS = "id, name, key_prefix, scopes, per_minute, department_id, created_by,"
      + " created_at, revoked_by, revoked_at";

  private final Jdbc jdbc;
  private final Cache<String, ApiKey> found;

  JdbcApiKeyStore(Jdbc jdbc, @Value("${onenumber.api-keys.cache-ttl:5s}") Duration ttl) {
    this.jdbc = jdbc;
    this.found = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build();
  }

  Optional<ApiKey> byHash(String keyHash) {
    ApiKey cached = found.getIfPresent(keyHash);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<ApiKey> stored = jdbc.queryOne("select " + COLUMNS + " from api_key where key_hash = ?",
        JdbcApiKeyStore::row, keyHash);
    stored.ifPresent(key -> found.put(keyHash, key));
    return stored;
  }

  Optional<ApiKey> byId(String id) {
    return jdbc.queryOne("select " + COLUMNS + " from api_key where id = ?", JdbcApiKeyStore::row, id);
  }

  List<ApiKey> all() {
    return jdbc.query("select " + COLUMNS + " from api_key order by created_at, id", JdbcApiKeyStore::row);
  }

  void save(ApiKey key, String keyHash) {
    jdbc.inTransaction(() -> {
      jdbc.update("insert into api_key (id, name, key_hash, key_prefix, scopes, per_minute, department_id,"
          + " created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", key.id(), key.name(), keyHash,
          key.prefix(), key.scopes().stream().map(ApiKeyScope::scope).sorted().collect(Collectors.joining(",")),
          key.perMinute(), key.department(), key.createdBy(), key.createdAt());
      if (key.scopes().contains(ApiKeyScope.OPEN311_WRITE)
          && jdbc.queryOne("select id from open311_client where id = ?", r -> r.getString(1), key.id()).isEmpty()) {
        jdbc.update("insert into open311_client (id, name, created_at) values (?, ?, ?)", key.id(), key.name(),
            key.createdAt());
      }
      return null;
    });
  }

  /** Marks the key revoked (once: a second revocation keeps the first one's who and when). */
  void revoke(String id, String by, Instant at) {
    jdbc.update("update api_key set revoked_by = ?, revoked_at = ? where id = ? and revoked_at is null", by, at, id);
    forget(id);
    jdbc.afterCommit(() -> forget(id)); // a read racing the update may have kept the old row
  }

  private void forget(String id) {
    found.asMap().values().removeIf(key -> key.id().equals(id));
  }

  private static ApiKey row(ResultSet row) throws SQLException {
    Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
    Arrays.stream(row.getString("scopes").split(",")).map(ApiKeyScope::of).flatMap(Optional::stream)
        .forEach(scopes::add);
    return new ApiKey(row.getString("id"), row.getString("name"), row.getString("key_prefix"), scopes,
        row.getInt("per_minute"), row.getString("department_id"), row.getString("created_by"),
        Jdbc.instant(row, "created_at"), row.getString("revoked_by"), Jdbc.instant(row, "revoked_at"));
  }
}
