package org.onenumber.channels.twilio;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes the {@code X-Twilio-Signature} Twilio would send: HMAC-SHA1 over the URL followed by
 * every POST parameter name and value in name order, Base64-encoded. Used by the load simulator
 * and tests to post webhooks as Twilio does. Thread-safe.
 */
public final class TwilioRequestSigner {

  private final byte[] key;

  public TwilioRequestSigner(String authToken) {
    this.key = authToken.getBytes(StandardCharsets.UTF_8);
  }

  public String sign(String url, Map<String, String> params) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is missing from this JDK", e);
    }
  }
}
