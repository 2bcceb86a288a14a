package org.onenumber.channels.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.PermanentException;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.port.out.MessageGateway;
import org.onenumber.testkit.FakeTwilioApi;

class TwilioMessageGatewayTest {

  private static final String ACCOUNT = "AC00000000000000000000000000000000";
  private final FakeTwilioApi twilio = new FakeTwilioApi();
  private final TwilioMessageGateway gateway = new TwilioMessageGateway(new TwilioSettings(ACCOUNT, "secret-token",
      twilio.baseUri(), "+8215880120", "+8215880121", URI.create("https://city.example/webhooks/twilio/status")));

  @AfterEach
  void stop() {
    twilio.close();
  }

  @Test
  void smsIsPostedToTheMessagesResourceWithToFromBodyAndStatusCallback() {
    MessageGateway.Receipt receipt = gateway.send(new MessageGateway.Outbound(new ContactId("c-1"), Channel.SMS,
        "+821012345678", "물 요금은 온라인으로 낼 수 있어요", null));
    FakeTwilioApi.Recorded request = twilio.requests().get(0);
    assertEquals("POST", request.method());
    assertEquals("/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json", request.path());
    assertEquals("+821012345678", request.param("To"));
    assertEquals("+8215880120", request.param("From"));
    assertEquals("물 요금은 온라인으로 낼 수 있어요", request.param("Body"));
    assertEquals("https://city.example/webhooks/twilio/status", request.param("StatusCallback"));
    assertEquals("Basic " + Base64.getEncoder().encodeToString((ACCOUNT + ":secret-token").getBytes(StandardCharsets.UTF_8)),
        request.authorization());
    assertTrue(receipt.providerId().startsWith("SM"));
    assertEquals("queued", receipt.status());
  }

  @Test
  void whatsAppAddressesCarryThePrefixAndMediaUrlsAreSent() {
    gateway.send(new MessageGateway.Outbound(new ContactId("c-1"), Channel.WHATSAPP, "+821012345678", "map",
        List.of(URI.create("https://city.example/map.png"))));
    FakeTwilioApi.Recorded request = twilio.requests().get(0);
    assertEquals("whatsapp:+821012345678", request.param("To"));
    assertEquals("whatsapp:+8215880121", request.param("From"));
    assertEquals("https://city.example/map.png", request.param("MediaUrl"));
  }

  @Test
  void aRefusalByTwilioIsAPermanentFailureCarryingTwiliosCode() {
    twilio.failNext(400, 21610);
    PermanentException e = assertThrows(PermanentException.class, () -> gateway.send(new MessageGateway.Outbound(
        new ContactId("c-1"), Channel.SMS, "+821012345678", "hi", null)));
    assertEquals("twilio_21610", e.code());
  }

  @Test
  void tooManyRequestsAndServerErrorsAreRetriable() {
    for (int status : new int[] {429, 500, 503}) {
      twilio.failNext(status, status == 429 ? 20429 : 20500);
      assertThrows(RetriableException.class, () -> gateway.send(new MessageGateway.Outbound(
          new ContactId("c-1"), Channel.SMS, "+821012345678", "hi", null)), "status " + status);
    }
  }
}
