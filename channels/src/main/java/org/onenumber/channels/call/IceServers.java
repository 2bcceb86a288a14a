package org.onenumber.channels.call;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The STUN and TURN servers a browser is given for one call, in the shape of WebRTC's
 * {@code RTCIceServer}. TURN credentials follow the TURN REST API that coturn implements
 * ({@code use-auth-secret}, {@code static-auth-secret}): the user name is
 * {@code <expiry in Unix seconds>:<user>} and the password is the Base64 HMAC-SHA1 of the user
 * name under the shared secret, so the page never holds a static password and a leaked one expires
 * after {@code ttl}. The cases:
 *
 * <ol>
 *   <li>No URLs at all: an empty list; browsers then use host candidates only (one machine, one LAN).
 *   <li>STUN URLs: one entry without credentials.
 *   <li>TURN URLs and a secret: one entry with a fresh user name and password.
 *   <li>TURN URLs without a secret: left out (a TURN server without credentials is an open relay).
 * </ol>
 *
 * Thread-safe (immutable).
 */
public record IceServers(List<String> stunUrls, List<String> turnUrls, String turnSecret, Duration ttl) {

  public IceServers {
    stunUrls = List.copyOf(stunUrls == null ? List.of() : stunUrls);
    turnUrls = List.copyOf(turnUrls == null ? List.of() : turnUrls);
    ttl = ttl == null ? Duration.ofHours(1) : ttl;
  }

  /** No servers: host candidates only. */
  public static final IceServers NONE = new IceServers(List.of(), List.of(), null, null);

  /** The servers for {@code user} (a contact id or an agent id; it ends up in coturn's log), issued at {@code now}. */
  public List<Map<String, Object>> forUser(String user, Instant now) {
    List<Map<String, Object>> servers = new ArrayList<>();
    if (!stunUrls.isEmpty()) {
      servers.add(Map.of("urls", stunUrls));
    }
    if (!turnUrls.isEmpty() && turnSecret != null && !turnSecret.isBlank()) {
      String username = now.plus(ttl).getEpochSecond() + ":" + user;
      Map<String, Object> turn = new LinkedHashMap<>();
      turn.put("urls", turnUrls);
      turn.put("username", username);
      turn.put("credential", password(turnSecret, username));
      servers.add(turn);
    }
    return List.copyOf(servers);
  }

  /** Base64(HMAC-SHA1(secret, username)), as coturn computes it. */
  static String password(String secret, String username) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
    }
  }
}
