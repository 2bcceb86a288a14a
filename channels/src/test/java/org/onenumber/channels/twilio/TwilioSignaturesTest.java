package org.onenumber.channels.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSignaturesTest {

  private static final String TOKEN = "12345678901234567890123456789012";
  private final Map<String, String> form = Forms.recorded("inbound-mms.form");
  private final TwilioRequestSigner twilio = new TwilioRequestSigner(TOKEN);

  @Test
  void aSignatureMadeAsTwilioDoesIsAcceptedByTheSdkValidator() {
    String url = "http://localhost:8080/webhooks/twilio/sms";
    assertTrue(new TwilioSignatures(TOKEN, null).valid(url, "/webhooks/twilio/sms", form, twilio.sign(url, form)));
  }

  @Test
  void aForgedOrMissingSignatureOrChangedParameterIsRejected() {
    String url = "http://localhost:8080/webhooks/twilio/sms";
    TwilioSignatures signatures = new TwilioSignatures(TOKEN, null);
    String good = twilio.sign(url, form);
    assertFalse(signatures.valid(url, "/webhooks/twilio/sms", form, new TwilioRequestSigner("x".repeat(32)).sign(url, form)));
    assertFalse(signatures.valid(url, "/webhooks/twilio/sms", form, null));
    Map<String, String> tampered = new HashMap<>(form);
    tampered.put("Body", "send money");
    assertFalse(signatures.valid(url, "/webhooks/twilio/sms", tampered, good));
  }

  @Test
  void behindAProxyThePublicUrlIsWhatTwilioSigned() {
    String publicUrl = "https://city.example/webhooks/twilio/sms";
    TwilioSignatures signatures = new TwilioSignatures(TOKEN, "https://city.example/");
    String signature = twilio.sign(publicUrl, form);
    assertTrue(signatures.valid("http://10.0.0.5:8080/webhooks/twilio/sms", "/webhooks/twilio/sms", form, signature));
    assertFalse(new TwilioSignatures(TOKEN, null)
        .valid("http://10.0.0.5:8080/webhooks/twilio/sms", "/webhooks/twilio/sms", form, signature));
  }

  @Test
  void withoutAnAuthTokenEveryRequestIsInvalidRatherThanAnError() {
    String url = "http://localhost:8080/webhooks/twilio/sms";
    assertFalse(new TwilioSignatures("", null).valid(url, "/webhooks/twilio/sms", form, twilio.sign(url, form)));
    assertFalse(new TwilioSignatures(null, null).valid(url, "/webhooks/twilio/sms", form, "c2ln"));
  }

  @Test
  void theOwnSignatureIsTheSdksForRecordedFormsKoreanTextAndEmptyValues() {
    String url = "http://localhost:8080/webhooks/twilio/sms";
    TwilioSignatures signatures = new TwilioSignatures(TOKEN, null);
    Map<String, String> korean = new HashMap<>(form);
    korean.put("Body", "도서관 몇 시에 열어요? 🙂");
    korean.put("MediaUrl0", "");
    for (Map<String, String> params : java.util.List.of(form, korean, Map.<String, String>of())) {
      assertEquals(twilio.sign(url, params), new String(signatures.sign(url, params), java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @Test
  void aSignatureOfTheOtherPortFormStillPassesAsWithTheSdkAlone() {
    TwilioSignatures signatures = new TwilioSignatures(TOKEN, null);
    String called = "https://city.example/webhooks/twilio/sms";
    String withPort = "https://city.example:443/webhooks/twilio/sms";
    assertTrue(signatures.valid(called, "/webhooks/twilio/sms", form, twilio.sign(withPort, form)));
    assertTrue(signatures.valid(withPort, "/webhooks/twilio/sms", form, twilio.sign(called, form)));
    assertFalse(signatures.valid(called, "/webhooks/twilio/sms", form,
        twilio.sign("https://city.example:8443/webhooks/twilio/sms", form)));
  }
}
