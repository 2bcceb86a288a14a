package org.onenumber.channels.call;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.onenumber.core.contact.ContactId;

/**
 * A citizen's resume token that any node holding the same key can check, so that a call can come back on
 * another node of the cluster (issue 11): {@code base64url(contactId \n caller \n mode \n nonce)} {@code .}
 * {@code base64url(HMAC-SHA256)}. It names the contact, the caller key the page made and the call's mode,
 * nothing about the citizen; the random nonce makes two tokens of one contact differ. A node alone uses a
 * random key of its own (tokens do not outlive the process, as calls do not); a cluster derives the key
 * from the secret every node shares. Thread-safe.
 */
public final class CallTokens {

  private static final Pattern NEWLINE = Pattern.compile("\n");
  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
  private static final int MAX = 512;

  private final SecretKeySpec key;
  private final RandomGenerator random;

  /** What a checked token names. */
  public record Claims(ContactId contact, String caller, CallMode mode) {}

  private CallTokens(byte[] key, RandomGenerator random) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
    this.random = random;
  }

  /** Tokens only this process can check (one node alone). */
  public static CallTokens ofThisProcess(RandomGenerator random) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return new CallTokens(key, random);
  }

  /** Tokens every node sharing {@code secret} can check (a key derived from it for this purpose only). */
  public static CallTokens shared(String secret, RandomGenerator random) {
    if (secret == null || secret.length() < 32) {
      throw new IllegalArgumentException("the cluster's shared secret must have at least 32 characters");
    }
    return new CallTokens(hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
        "onenumber call resume tokens"), random);
  }

  String issue(ContactId contact, String caller, CallMode mode) {
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    String payload = ENCODE.encodeToString((contact.value() + "\n" + caller + "\n" + mode.code() + "\n"
        + ENCODE.encodeToString(nonce)).getBytes(StandardCharsets.UTF_8));
    return payload + "." + ENCODE.encodeToString(hmac(key, payload));
  }

  /** What {@code token} names, if this key signed it; empty for anything else. */
  Optional<Claims> check(String token) {
    int dot = token == null || token.length() > MAX ? -1 : token.indexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    String payload = token.substring(0, dot);
    byte[] mac;
    try {
      mac = Base64.getUrlDecoder().decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!MessageDigest.isEqual(mac, hmac(key, payload))) {
      return Optional.empty();
    }
    String[] parts = NEWLINE.split(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    if (parts.length != 4) {
      return Optional.empty();
    }
    return Optional.of(new Claims(new ContactId(parts[0]), parts[1], CallMode.of(parts[2])));
  }

  private static byte[] hmac(SecretKeySpec key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
