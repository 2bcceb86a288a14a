package org.onenumber.channels.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.port.in.ReceiveMessageCommand;

/**
 * The Messaging webhooks' form decoding (as Twilio encodes: {@code +} for a space, UTF-8 escapes)
 * and their cases with hand-written fakes of the core's ports: a check-in reply or survey score is
 * not a message; anything else reaches the message intake; signatures as {@link TwilioSignatures}.
 */
class TwilioMessagingWebhooksTest {

  private final List<String> checkIns = new ArrayList<>();
  private final List<String> scores = new ArrayList<>();
  private final List<ReceiveMessageCommand> received = new ArrayList<>();
  private boolean checkInWaiting;

  private final TwilioMessagingWebhooks webhooks = new TwilioMessagingWebhooks(
      new TwilioSignatures("token-0123456789", null),
      command -> {
        received.add(command);
        return null;
      },
      null,
      new org.onenumber.core.port.in.RecordCheckIn() {
        @Override
        public boolean record(org.onenumber.core.contact.ContactId contact, org.onenumber.core.welfare.CallOutcome outcome) {
          return false;
        }

        @Override
        public boolean reply(org.onenumber.core.citizen.CitizenIdentity.Phone from, String body) {
          checkIns.add(body);
          return checkInWaiting;
        }
      },
      (from, body) -> scores.add(body),
      null);

  @Test
  void aFormIsDecodedAsTwilioEncodesIt() {
    Map<String, String> form = TwilioMessagingWebhooks.form("Body=%EA%B0%80%EB%A1%9C%EB%93%B1+a%26b&From=%2B8210&Empty&From=%2B999&=x");
    assertEquals("가로등 a&b", form.get("Body"));
    assertEquals("+8210", form.get("From"), "a name sent twice keeps its first value");
    assertEquals("", form.get("Empty"));
    assertEquals("x", form.get(""));
    assertThrows(InvalidInputException.class, () -> TwilioMessagingWebhooks.form("Body=%E"));
  }

  @Test
  void aCheckInReplyOrASurveyScoreOpensNoContactAnythingElseIsAMessage() {
    checkInWaiting = true;
    assertTrue(webhooks.handle(TwilioMessagingWebhooks.SMS_PATH, sms("SM1", " 2 ")));
    assertEquals(List.of(" 2 "), checkIns);
    checkInWaiting = false;
    webhooks.handle(TwilioMessagingWebhooks.SMS_PATH, sms("SM2", "4"));
    assertEquals(List.of("4"), scores, "not a check-in digit: the survey takes it");
    assertTrue(received.isEmpty());
    webhooks.handle(TwilioMessagingWebhooks.SMS_PATH, sms("SM3", "가로등이 꺼졌어요"));
    assertEquals("SM3", received.get(0).providerId());
    assertThrows(InvalidInputException.class, () -> webhooks.handle(TwilioMessagingWebhooks.SMS_PATH, Map.of("Body", "x")));
  }

  @Test
  void onlyTheTwoPathsAreServedAndAnUnsignedFormIsRefused() {
    assertTrue(TwilioMessagingWebhooks.serves("/webhooks/twilio/sms"));
    assertTrue(TwilioMessagingWebhooks.serves("/webhooks/twilio/status"));
    assertFalse(TwilioMessagingWebhooks.serves("/webhooks/twilio/voice"));
    assertTrue(webhooks.needsRequestUrl());
    Map<String, String> form = sms("SM4", "hi");
    String url = "https://city.example/webhooks/twilio/sms";
    String signature = new TwilioRequestSigner("token-0123456789").sign(url, form);
    assertTrue(webhooks.signed(url, "/webhooks/twilio/sms", form, signature));
    assertFalse(webhooks.signed(url, "/webhooks/twilio/sms", form, null));
    assertFalse(webhooks.signed(url, "/webhooks/twilio/sms", Map.of("From", "+8210"), signature));
  }

  private static Map<String, String> sms(String sid, String body) {
    return Map.of("MessageSid", sid, "From", "+821099990001", "To", "+8215880120", "Body", body);
  }
}
