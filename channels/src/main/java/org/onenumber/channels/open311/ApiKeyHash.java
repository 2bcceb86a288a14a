package org.onenumber.channels.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How a client application's api_key is kept: the SHA-256 of the key, in hex. Keys are long random
 * strings handed out by the city (not passwords a person chose), so one unsalted hash is enough
 * to keep a copied table from being a list of working keys, and it lets a key be found by lookup.
 */
public final class ApiKeyHash {

  private ApiKeyHash() {}

  public static String of(String apiKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
