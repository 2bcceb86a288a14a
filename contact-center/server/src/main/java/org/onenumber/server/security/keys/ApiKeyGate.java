package org.onenumber.server.security.keys;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.onenumber.channels.open311.ApiKeyHash;
import org.onenumber.core.audit.AuditEntry;
import org.onenumber.core.port.out.AuditLog;
import org.onenumber.server.security.RateLimits;

/**
 * Decides about a presented API key, in order:
 *
 * <ol>
 *   <li>No key hashes to the value: {@link KeyDecision.Unknown}, and a token of the address's login
 *       budget is taken (guessing keys is guessing passwords); when none is left, {@link KeyDecision.Limited}.
 *   <li>The key is revoked: {@link KeyDecision.Revoked}, audited as {@code refused}.
 *   <li>The operation is not one of the key's scopes: {@link KeyDecision.OutOfScope}, audited as {@code refused}.
 *   <li>The key's own bucket is empty: {@link KeyDecision.Limited} (not audited: a flood would fill the log).
 *   <li>Otherwise {@link KeyDecision.Accepted}, audited as {@code use} with the scope, method and path.
 * </ol>
 *
 * Reads the key on every call (no cache), so a revocation holds from the next request. Thread-safe.
 */
@Singleton
public final class ApiKeyGate {

  /** The role every key's {@code Authentication} and audit entry carries, beside its scopes. */
  public static final String ROLE = "INTEGRATION";

  /** Appends the audit entries of uses checked {@link #checkAlongside alongside} the caller's work. */
  private static final ExecutorService AUDITS =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("key-use-audit-", 0).factory());
  private final JdbcApiKeyStore store;
  private final RateLimits limits;
  private final AuditLog audit;
  private final InstantSource clock;

  ApiKeyGate(JdbcApiKeyStore store, RateLimits limits, AuditLog audit, InstantSource clock) {
    this.store = store;
    this.limits = limits;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The decision for {@code presented} on the operation {@code method path}, which needs {@code
   * needed} (null: no scope opens it), called from {@code address}.
   */
  public KeyDecision check(String presented, ApiKeyScope needed, String method, String path, String address) {
    return check(presented, needed, method, path, address, false);
  }

  /**
   * As {@link #check}, except that an accepted use's audit entry is appended on a thread of its own
   * while the caller goes on with its work ({@link KeyDecision.Accepted#audited} completes after its
   * commit): a filing's commit and its key's audit commit overlap instead of following each other
   * (issue 14). Refusals are audited before this returns, as by {@link #check}.
   */
  public KeyDecision checkAlongside(String presented, ApiKeyScope needed, String method, String path, String address) {
    return check(presented, needed, method, path, address, true);
  }

  private KeyDecision check(String presented, ApiKeyScope needed, String method, String path, String address,
      boolean alongside) {
    String from = address == null ? "unknown" : address;
    ApiKey key = presented == null || presented.isBlank() ? null
        : store.byHash(ApiKeyHash.of(presented.strip())).orElse(null);
    if (key == null) {
      OptionalLong wait = limits.take(RateLimits.Rule.LOGIN, from);
      return wait.isPresent() ? new KeyDecision.Limited(wait.getAsLong()) : new KeyDecision.Unknown();
    }
    String operation = method + " " + path;
    if (key.revoked()) {
      record(key, "refused", "revoked key: " + operation, from);
      return new KeyDecision.Revoked(key);
    }
    if (needed == null || !key.scopes().contains(needed)) {
      record(key, "refused", "out of scope: " + operation, from);
      return new KeyDecision.OutOfScope(key, needed);
    }
    OptionalLong wait = limits.take(RateLimits.Rule.API_KEY, key.id(), key.perMinute());
    if (wait.isPresent()) {
      return new KeyDecision.Limited(wait.getAsLong());
    }
    AuditEntry use = entry(key, "use", needed.scope() + ": " + operation, from);
    if (alongside) {
      return new KeyDecision.Accepted(key, needed, CompletableFuture.runAsync(() -> audit.append(use), AUDITS));
    }
    audit.append(use);
    return new KeyDecision.Accepted(key, needed);
  }

  /** The key {@link ApiKeyFilter} accepted for this request, if any. */
  public static Optional<ApiKey> acceptedKey(HttpRequest<?> request) {
    return request.getAttribute(ApiKeyFilter.ACCEPTED, ApiKey.class);
  }

  private void record(ApiKey key, String action, String reason, String address) {
    audit.append(entry(key, action, reason, address));
  }

  private AuditEntry entry(ApiKey key, String action, String reason, String address) {
    return new AuditEntry(key.actor(), ROLE, action, "api-key", key.id(), null, clip(reason), address, clock.instant());
  }

  private static String clip(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300);
  }
}
