package org.onenumber.channels.twilio;

import com.twilio.security.RequestValidator;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Twilio-Signature} with the SDK's {@link RequestValidator}. The URL checked is
 * the one Twilio called. The cases:
 *
 * <ol>
 *   <li>{@code onenumber.public-url} is set (the server sits behind a proxy or tunnel): that URL
 *       plus the request's path and query.
 *   <li>Otherwise the URL the request arrived on.
 *   <li>A missing or blank signature is invalid; so is any mismatch.
 *   <li>Without an auth token (Twilio not configured) nothing can be verified: every request is
 *       invalid.
 * </ol>
 *
 * <p>The signature of the URL as called is checked first, with a Mac cloned from one keyed once
 * (issue 11, session 19): the SDK's {@code validate} always signs the URL twice, once with its
 * port added and once removed (two URI parses, a key sort and a {@code Mac.getInstance} each),
 * which was a third of a webhook's own work on its virtual thread. Only a signature that does not
 * match it goes on to the SDK, which accepts the other port form as before: the same requests pass.
 *
 * Thread-safe.
 */
public final class TwilioSignatures {

  private final RequestValidator validator;
  /** HmacSHA1 keyed with the auth token, never used itself: each check works on a clone. */
  private final Mac keyed;
  private final String publicUrl;

  /** @param publicUrl the externally visible base URL, such as {@code https://city.example}; null or blank for none */
  public TwilioSignatures(String authToken, String publicUrl) {
    this.validator = authToken == null || authToken.isBlank() ? null : new RequestValidator(authToken);
    this.keyed = validator == null ? null : keyed(authToken);
    this.publicUrl = publicUrl == null || publicUrl.isBlank() ? null : stripSlash(publicUrl.trim());
  }

  /**
   * @param requestUrl the full URL the request arrived on
   * @param pathAndQuery the request's path and query string, such as {@code /webhooks/twilio/sms}
   */
  public boolean valid(String requestUrl, String pathAndQuery, Map<String, String> params, String signature) {
    if (validator == null || signature == null || signature.isBlank()) {
      return false;
    }
    String url = calledUrl(requestUrl, pathAndQuery);
    return MessageDigest.isEqual(sign(url, params), signature.getBytes(StandardCharsets.UTF_8))
        || validator.validate(url, params, signature);
  }

  /** Twilio's signature of {@code url} and {@code params} (Base64 of HmacSHA1 over the URL, then each name and value by name). */
  byte[] sign(String url, Map<String, String> params) {
    StringBuilder signed = new StringBuilder(url);
    if (params != null) {
      new TreeMap<>(params).forEach((name, value) -> signed.append(name).append(value == null ? "" : value));
    }
    return Base64.getEncoder().encode(mac().doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private Mac mac() {
    try {
      return (Mac) keyed.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("HmacSHA1 of this JDK cannot be cloned", e);
    }
  }

  private static Mac keyed(String authToken) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no HmacSHA1 in this JDK", e);
    }
  }

  /** Whether a public URL is configured: then the URL a request arrived on is never looked at. */
  public boolean hasPublicUrl() {
    return publicUrl != null;
  }

  public String calledUrl(String requestUrl, String pathAndQuery) {
    return publicUrl != null ? publicUrl + pathAndQuery : requestUrl;
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
