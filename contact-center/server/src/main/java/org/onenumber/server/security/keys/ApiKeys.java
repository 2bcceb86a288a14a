package org.onenumber.server.security.keys;

import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.onenumber.channels.open311.ApiKeyHash;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.port.out.Directory;

/**
 * Issues and revokes API keys. A key is {@code onk_} and 43 characters of base64url (256 random
 * bits), returned once by {@link #issue}; only its SHA-256 and its first 8 characters are kept.
 * A key bound to a department is issued only for a department of the directory. Thread-safe.
 */
@Singleton
public final class ApiKeys {

  /** A new key's value with the key it stands for; the value is never stored nor shown again. */
  public record Issued(ApiKey key, String value) {}

  static final int MAX_PER_MINUTE = 100_000;
  private final SecureRandom random = new SecureRandom();
  private final JdbcApiKeyStore store;
  private final Directory directory;
  private final InstantSource clock;

  ApiKeys(JdbcApiKeyStore store, Directory directory, InstantSource clock) {
    this.store = store;
    this.directory = directory;
    this.clock = clock;
  }

  /** A new key named {@code name} with {@code scopes}, issued by {@code by}. */
  public Issued issue(String name, Set<ApiKeyScope> scopes, int perMinute, String department, String by) {
    InvalidInputException.requireText(name, "name");
    if (name.strip().length() > 200) {
      throw new InvalidInputException("name must be at most 200 characters");
    }
    if (scopes.isEmpty()) {
      throw new InvalidInputException("scopes must name at least one scope");
    }
    if (perMinute < 1 || perMinute > MAX_PER_MINUTE) {
      throw new InvalidInputException("perMinute must be between 1 and " + MAX_PER_MINUTE);
    }
    if (department != null && !department.isBlank()
        && directory.department(new DepartmentId(department.strip())).isEmpty()) {
      throw new InvalidInputException("department must be a department of the directory (GET /api/v1/departments)");
    }
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String value = "onk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    byte[] id = new byte[6];
    random.nextBytes(id);
    return save("key-" + HexFormat.of().formatHex(id), name.strip(), value, scopes, perMinute, department, by);
  }

  /** A key with a value chosen elsewhere (the demo seed's Open311 key), unless that value is already a key. */
  public void ensure(String id, String name, String value, Set<ApiKeyScope> scopes, int perMinute, String by) {
    if (store.byHash(ApiKeyHash.of(value)).isEmpty()) {
      save(id, name, value, scopes, perMinute, null, by);
    }
  }

  /** Revokes key {@code id} (again: no change); 404 for an unknown id. */
  public ApiKey revoke(String id, String by) {
    store.byId(id).orElseThrow(() -> new NotFoundException("api key", "with this id"));
    store.revoke(id, by, clock.instant());
    return store.byId(id).orElseThrow();
  }

  public List<ApiKey> all() {
    return store.all();
  }

  public Optional<ApiKey> find(String id) {
    return store.byId(id);
  }

  private Issued save(String id, String name, String value, Set<ApiKeyScope> scopes, int perMinute, String department,
      String by) {
    ApiKey key = new ApiKey(id, name, value.substring(0, Math.min(8, value.length())), scopes, perMinute,
        department == null || department.isBlank() ? null : department.strip(), by, clock.instant(), null, null);
    store.save(key, ApiKeyHash.of(value));
    return new Issued(key, value);
  }
}
