package org.onenumber.server.security.keys;

/** What {@link ApiKeyGate} decided about a presented key, as a value; the caller maps it to its protocol. */
public sealed interface KeyDecision {

  /**
   * The key is valid, holds the scope and has a token left; this use is audited: {@code audited}
   * completes once its audit entry committed (at once, unless the caller asked for the audit
   * alongside its work: {@link ApiKeyGate#checkAlongside}), exceptionally if it failed.
   */
  record Accepted(ApiKey key, ApiKeyScope scope, java.util.concurrent.CompletableFuture<Void> audited)
      implements KeyDecision {

    /** Accepted, its use audited already. */
    public Accepted(ApiKey key, ApiKeyScope scope) {
      this(key, scope, java.util.concurrent.CompletableFuture.completedFuture(null));
    }
  }

  /** No key has this value (401). */
  record Unknown() implements KeyDecision {}

  /** The key was revoked (401). */
  record Revoked(ApiKey key) implements KeyDecision {}

  /** The key's scopes do not include the operation; {@code needed} is null when no key may call it (403). */
  record OutOfScope(ApiKey key, ApiKeyScope needed) implements KeyDecision {}

  /** Over the key's rate limit, or too many unknown keys from one address (429 after {@code retryAfterSeconds}). */
  record Limited(long retryAfterSeconds) implements KeyDecision {}
}
