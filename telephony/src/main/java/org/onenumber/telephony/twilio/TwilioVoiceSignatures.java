package org.onenumber.telephony.twilio;

import com.twilio.security.RequestValidator;
import java.util.Map;

/**
 * Checks a voice webhook's {@code X-Twilio-Signature} with the SDK's {@link RequestValidator}
 * (HMAC-SHA1 of the URL Twilio called plus the POST parameters, keyed by the auth token). The cases:
 *
 * <ol>
 *   <li>No auth token configured: every request is refused (nothing could be verified).
 *   <li>A missing or blank signature: refused.
 *   <li>Otherwise the signature must match the called URL, which is the public URL (when the server
 *       sits behind a proxy or tunnel) plus the path and query, or else the URL the request arrived on.
 * </ol>
 *
 * Thread-safe.
 */
public final class TwilioVoiceSignatures {

  private final RequestValidator validator;
  private final String publicUrl;

  /**
   * @param authToken the account's auth token; null or blank refuses everything
   * @param publicUrl the externally visible base URL; null or blank when the server is reached directly
   */
  public TwilioVoiceSignatures(String authToken, String publicUrl) {
    this.validator = authToken == null || authToken.isBlank() ? null : new RequestValidator(authToken);
    this.publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.trim().replaceAll("/+$", "");
  }

  public boolean configured() {
    return validator != null;
  }

  /**
   * @param arrivedOn the full URL the request arrived on, with the query
   * @param pathAndQuery its path and query, such as {@code /webhooks/twilio/voice/gather?step=language&tries=0}
   */
  public boolean valid(String arrivedOn, String pathAndQuery, Map<String, String> form, String signature) {
    if (validator == null || signature == null || signature.isBlank()) {
      return false;
    }
    return validator.validate(publicUrl != null ? publicUrl + pathAndQuery : arrivedOn, form, signature);
  }
}
