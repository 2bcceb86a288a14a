package org.onenumber.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Token buckets (Bucket4j) per rule and key — a source address or a login — so that one caller's
 * flood cannot starve the others. Each rule allows a burst of its per-minute count, refilled
 * evenly over the minute. Buckets of keys not seen for ten minutes are dropped, and at most
 * 100,000 keys per rule are kept (a flood of spoofed keys evicts old buckets, never grows the heap).
 * Kept in each node's memory: a cluster behind a balancer allows about the sum of its nodes. The
 * lockout after wrong passwords, which must hold everywhere, is in the database ({@link LoginLocks}).
 * Thread-safe and lock-free on the hot path.
 */
@Singleton
public final class RateLimits {

  /** What is limited. */
  public enum Rule {
    /** Anonymous contact intake per address. */
    INTAKE,
    /** Login attempts per address. */
    LOGIN,
    /** New chat and call sockets per address. */
    CHAT,
    /** Public case tracking lookups per address (against guessing case numbers and phone digits). */
    TRACK,
    /** Open311 service requests per client application and source address. */
    OPEN311,
    /** Open311 reads (service list and definitions, requests, tokens) per address. */
    OPEN311_READ,
    /** The public transparency figures per address. */
    TRANSPARENCY,
    /** Requests per API key, at the key's own rate ({@link #take(Rule, String, long)}). */
    API_KEY
  }

  private final Map<Rule, Cache<String, Bucket>> buckets = new EnumMap<>(Rule.class);
  private final Map<Rule, Long> perMinute = new EnumMap<>(Rule.class);

  RateLimits(@Value("${onenumber.rate-limits.intake-per-minute:60}") long intake,
      @Value("${onenumber.rate-limits.login-per-minute:20}") long login,
      @Value("${onenumber.rate-limits.chat-per-minute:30}") long chat,
      @Value("${onenumber.rate-limits.track-per-minute:10}") long track,
      @Value("${onenumber.rate-limits.open311-per-minute:120}") long open311,
      @Value("${onenumber.rate-limits.open311-read-per-minute:600}") long open311Read,
      @Value("${onenumber.rate-limits.transparency-per-minute:30}") long transparency,
      @Value("${onenumber.rate-limits.api-key-per-minute:600}") long apiKey) {
    perMinute.put(Rule.INTAKE, intake);
    perMinute.put(Rule.LOGIN, login);
    perMinute.put(Rule.CHAT, chat);
    perMinute.put(Rule.TRACK, track);
    perMinute.put(Rule.OPEN311, open311);
    perMinute.put(Rule.OPEN311_READ, open311Read);
    perMinute.put(Rule.TRANSPARENCY, transparency);
    perMinute.put(Rule.API_KEY, apiKey);
    for (Rule rule : Rule.values()) {
      buckets.put(rule, Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build());
    }
  }

  /**
   * Takes one token for {@code key}; empty when allowed, else the seconds until the next token.
   */
  public OptionalLong take(Rule rule, String key) {
    return answer(bucket(rule, key).tryConsumeAndReturnRemaining(1));
  }

  private static OptionalLong answer(ConsumptionProbe probe) {
    return probe.isConsumed() ? OptionalLong.empty()
        : OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()));
  }

  /**
   * Takes one token for {@code key} from a bucket of {@code perMinute} tokens a minute (an API
   * key's own limit); empty when allowed, else the seconds until the next token.
   */
  public OptionalLong take(Rule rule, String key, long perMinute) {
    long count = Math.max(1, perMinute);
    Bucket bucket = buckets.get(rule).get(key + '/' + count, k -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(count).refillGreedy(count, Duration.ofMinutes(1)).build()).build());
    return answer(bucket.tryConsumeAndReturnRemaining(1));
  }

  /**
   * The configured count per minute of {@code rule}: for API keys a new key's limit when none is given, and the limit the OpenAPI document shows.
   */
  public long perMinute(Rule rule) {
    return perMinute.get(rule);
  }

  private Bucket bucket(Rule rule, String key) {
    return buckets.get(rule).get(key, k -> Bucket.builder().addLimit(limit(rule)).build());
  }

  private Bandwidth limit(Rule rule) {
    long count = Math.max(1, perMinute.get(rule));
    return Bandwidth.builder().capacity(count).refillGreedy(count, Duration.ofMinutes(1)).build();
  }
}
