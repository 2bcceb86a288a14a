package org.onenumber.server.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.validator.TokenValidator;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;

/**
 * The WebSockets opened with a login's access token ({@code /ws/agents/...}, and {@code /ws/call}
 * when a console or the department portal opens it), checked after connect as every HTTP request is:
 * the server closes such a socket when its token is revoked (logout) — code {@link #TOKEN_ENDED}
 * 4401 —, when the account is disabled — {@link #ACCOUNT_DISABLED} 4403 —, both at once
 * ({@link AccessRevoked}), and when the token expires (4401, checked every
 * {@code onenumber.sockets.token-check}, default 1 s). A page keeps its socket across a token
 * renewal by sending the renewed token in-band, {@code {"type":"auth","token":"<access token>"}}:
 * a valid, unrevoked token of the same login replaces the socket's one (answer
 * {@code {"type":"auth.ok","expiresAt":...}}); anything else is answered
 * {@code {"type":"error","error":"invalid_token"}} and the socket keeps its old token (and expiry).
 * After a 4401 the page reconnects with its current token. Thread-safe.
 */
@Context
public final class SignedInSockets implements ApplicationEventListener<AccessRevoked> {

  /** The socket's token expired or was revoked: renew the session (or sign in) and reconnect. */
  public static final int TOKEN_ENDED = 4401;
  /** The socket's account was disabled. */
  public static final int ACCOUNT_DISABLED = 4403;
  /** The message of the {@code invalid_token} error frame that refuses an in-band renewal. */
  public static final String REFUSED = "the token is not a valid access token of this socket's login";

  private final Map<WebSocketSession, Grant> sockets = new ConcurrentHashMap<>();
  private final TokenRevocations revocations;
  private final List<TokenValidator<HttpRequest<?>>> validators;
  /**
   * The wall clock: a token's expiry is written and checked by Micronaut on it, never on the
   * server's {@link InstantSource}, which runs at N× in a simulation (city-day replays: the trace's
   * clock expired every socket within a second of its opening).
   */
  private final InstantSource tokenClock = InstantSource.system();
  private final Vertx vertx;
  private final long timer;

  SignedInSockets(TokenRevocations revocations, List<TokenValidator<HttpRequest<?>>> validators, Vertx vertx, @Value("${onenumber.sockets.token-check:1s}") Duration every) {
    this.revocations = revocations;
    this.validators = validators;
    this.vertx = vertx;
    this.timer = vertx.setPeriodic(Math.max(50, every.toMillis()), id -> sweep());
  }

  /** What one socket was opened with: the login, the token's id and its expiry ({@code null}: none). */
  private record Grant(String login, String jti, Instant expiresAt, HttpRequest<?> upgrade) {

    static Grant of(Authentication who, HttpRequest<?> upgrade) {
      Map<String, Object> claims = who.getAttributes();
      Object jti = claims.get(Claims.TOKEN_ID);
      return new Grant(who.getName(), jti == null ? null : jti.toString(), instant(claims.get(Claims.EXPIRATION_TIME)),
          upgrade);
    }

    private static Instant instant(Object claim) {
      return switch (claim) {
        case Date date -> date.toInstant();
        case Instant at -> at;
        case Number seconds -> Instant.ofEpochSecond(seconds.longValue());
        case null, default -> null;
      };
    }
  }

  /** Checks {@code socket}, opened by {@code who} with the upgrade request {@code upgrade}, until it closes. */
  public void watch(WebSocketSession socket, Authentication who, HttpRequest<?> upgrade) {
    sockets.put(socket, Grant.of(who, upgrade));
  }

  public void forget(WebSocketSession socket) {
    sockets.remove(socket);
  }

  /** True when {@code socket} is a signed-in socket (so an in-band {@code auth} frame may renew it). */
  public boolean isWatched(WebSocketSession socket) {
    return sockets.containsKey(socket);
  }

  /**
   * Renews {@code socket}'s token in-band with {@code token} (a later access token of the same
   * login); completes with the renewed token's expiry, or empty when {@code token} is refused (not a
   * valid, unrevoked access token of the socket's login: the socket keeps its old one).
   */
  public CompletionStage<Optional<Instant>> renew(WebSocketSession socket, Object token) {
    Grant grant = sockets.get(socket);
    if (grant == null || !(token instanceof String text) || text.isBlank() || text.length() > 8192) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return Flux.concat(validators.stream().map(v -> v.validateToken(text, grant.upgrade())).toList())
        .next().toFuture()
        .handle((who, failure) -> {
          if (who == null || !Objects.equals(who.getName(), grant.login())) {
            return Optional.empty();
          }
          Grant renewed = Grant.of(who, grant.upgrade());
          return sockets.replace(socket, grant, renewed)
              ? Optional.of(renewed.expiresAt() == null ? Instant.MAX : renewed.expiresAt()) : Optional.empty();
        });
  }

  @Override
  public void onApplicationEvent(AccessRevoked event) {
    sweep();
  }

  /** Closes every socket whose token expired or was revoked, or whose account was disabled. */
  void sweep() {
    Instant now = tokenClock.instant();
    sockets.forEach((socket, grant) -> {
      if (!socket.isOpen()) {
        sockets.remove(socket);
      } else if (revocations.isDisabled(grant.login())) {
        close(socket, new CloseReason(ACCOUNT_DISABLED, "account disabled"));
      } else if (revocations.isRevoked(grant.jti())) {
        close(socket, new CloseReason(TOKEN_ENDED, "token revoked: sign in again"));
      } else if (grant.expiresAt() != null && !now.isBefore(grant.expiresAt())) {
        close(socket, new CloseReason(TOKEN_ENDED, "token expired: reconnect with the renewed token"));
      }
    });
  }

  private void close(WebSocketSession socket, CloseReason reason) {
    sockets.remove(socket);
    socket.close(reason);
  }

  @PreDestroy
  void stop() {
    vertx.cancelTimer(timer);
  }
}
