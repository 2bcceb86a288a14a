package org.onenumber.server.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.onenumber.core.error.InvalidInputException;

/**
 * A client's {@code Idempotency-Key} with the caller it belongs to and the SHA-256 of the request
 * it came with. The key is 16 to 128 characters of letters, digits and {@code . _ : -} (a UUID
 * fits); the lower bound keeps keys random enough that nobody finds another caller's by trying.
 * The scope is {@code anonymous} or the authenticated caller's name: an anonymous caller's address
 * changes between a mobile retry and the first post, so it cannot scope a key; the body's hash
 * does the rest, since a repeat must carry the same body to get the first answer. Open311 filing
 * scopes its keys by client application ({@code open311:<client>}) and the {@code /report/} page
 * ({@code report}).
 */
public record IdempotencyKey(String scope, String key, String bodySha256) {

  public static final String HEADER = "Idempotency-Key";
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{16,128}");

  /** Checks the header's value; {@link InvalidInputException} (400) when it does not fit. */
  public static IdempotencyKey of(String caller, String key, byte[] body) {
    if (!KEY.matcher(key).matches()) {
      throw new InvalidInputException(HEADER + " must be 16 to 128 letters, digits, '.', '_', ':' or '-'");
    }
    return new IdempotencyKey(caller == null ? "anonymous" : caller, key, sha256(body));
  }

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  static String sha256(String body) {
    return sha256(body.getBytes(StandardCharsets.UTF_8));
  }
}
