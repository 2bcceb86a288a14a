package org.onenumber.channels.twilio;

import com.twilio.security.RequestValidator;
import java.util.Map;

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
 * Thread-safe.
 */
public final class TwilioSignatures {

  private final RequestValidator validator;
  private final String publicUrl;

  /** @param publicUrl the externally visible base URL, such as {@code https://city.example}; null or blank for none */
  public TwilioSignatures(String authToken, String publicUrl) {
    this.validator = authToken == null || authToken.isBlank() ? null : new RequestValidator(authToken);
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
    return validator.validate(calledUrl(requestUrl, pathAndQuery), params, signature);
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
