package org.onenumber.telephony.twilio;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Signatures computed here by Twilio's documented algorithm (HMAC-SHA1 over the URL and the sorted
 * POST parameters, Base64), independent of the SDK that checks them.
 */
class TwilioVoiceSignaturesTest {

  private static final String TOKEN = "test-auth-token-0123456789abcdef";
  private static final String PATH = "/webhooks/twilio/voice/gather?step=language&tries=0";
  private static final Map<String, String> FORM = Map.of("CallSid", "CA0001", "From", "+821099990001",
      "To", "+8215880120", "Digits", "2", "AccountSid", "AC0001");

  static String sign(String token, String url, Map<String, String> form) throws Exception {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(form).forEach((k, v) -> data.append(k).append(v));
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void acceptsTheSignatureOfTheUrlTheRequestArrivedOnWithItsQuery() throws Exception {
    var signatures = new TwilioVoiceSignatures(TOKEN, null);
    String url = "http://127.0.0.1:8080" + PATH;
    assertTrue(signatures.valid(url, PATH, FORM, sign(TOKEN, url, FORM)));
  }

  @Test
  void refusesAChangedParameterAnotherTokenAndAMissingSignature() throws Exception {
    var signatures = new TwilioVoiceSignatures(TOKEN, null);
    String url = "http://127.0.0.1:8080" + PATH;
    Map<String, String> changed = new TreeMap<>(FORM);
    changed.put("Digits", "7");
    assertFalse(signatures.valid(url, PATH, changed, sign(TOKEN, url, FORM)));
    assertFalse(signatures.valid(url, PATH, FORM, sign("another-token", url, FORM)));
    assertFalse(signatures.valid(url, PATH, FORM, null));
    assertFalse(signatures.valid(url, PATH, FORM, " "));
  }

  @Test
  void behindAProxyThePublicUrlIsWhatTwilioSigned() throws Exception {
    var signatures = new TwilioVoiceSignatures(TOKEN, "https://city.example/");
    String internal = "http://10.0.0.5:8080" + PATH;
    assertTrue(signatures.valid(internal, PATH, FORM, sign(TOKEN, "https://city.example" + PATH, FORM)));
    assertFalse(signatures.valid(internal, PATH, FORM, sign(TOKEN, internal, FORM)));
  }

  @Test
  void withoutAnAuthTokenNothingIsValid() throws Exception {
    var signatures = new TwilioVoiceSignatures("", null);
    String url = "http://127.0.0.1:8080" + PATH;
    assertFalse(signatures.configured());
    assertFalse(signatures.valid(url, PATH, FORM, sign("any-token", url, FORM)));
  }
}
