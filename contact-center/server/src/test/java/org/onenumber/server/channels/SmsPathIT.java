package org.onenumber.server.channels;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SMS path through the real server: signed webhook → contact → operator reply over the API
 * → the local Twilio received To/Body → status callback updates the message.
 */
class SmsPathIT {

  private static final String PHONE = "+821099990001";
  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();

  private static Map<String, String> inbound(String sid, String body) {
    return Map.of("MessageSid", sid, "SmsSid", sid, "AccountSid", ServerHarness.ACCOUNT, "From", PHONE,
        "To", "+8215880120", "Body", body, "NumMedia", "0");
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> items(String path, String token) {
    Map<String, Object> body = server.client().toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Map.class);
    Object items = body.get("items");
    return items == null ? List.of() : (List<Map<String, Object>>) items;
  }

  @Test
  void signedSmsOpensAContactTheOperatorRepliesAndTheStatusCallbackUpdatesIt() {
    Map<String, String> form = inbound("SM0000000000000000000000000000aa01", "수도 요금은 어디서 내나요?");
    var response = server.webhook("/webhooks/twilio/sms", form, server.sign("/webhooks/twilio/sms", form));
    assertEquals(HttpStatus.OK, response.getStatus());
    assertTrue(response.body().contains("<Response>"));

    String token = server.login("sv-01");
    List<Map<String, Object>> contacts = items("/api/v1/contacts?channel=SMS&phone=010-9999-0001", token);
    assertEquals(1, contacts.size());
    String contactId = (String) contacts.get(0).get("id");
    assertEquals("QUEUED", contacts.get(0).get("state"));

    Map<?, ?> reply = server.client().toBlocking().retrieve(HttpRequest.POST("/api/v1/contacts/" + contactId
        + "/messages", Map.of("body", "온라인으로 납부하실 수 있습니다.")).bearerAuth(token), Map.class);
    assertEquals("QUEUED", reply.get("status"));
    org.onenumber.testkit.FakeTwilioApi.Recorded sent = server.twilio().requests().get(0);
    assertEquals(PHONE, sent.param("To"));
    assertEquals("온라인으로 납부하실 수 있습니다.", sent.param("Body"));

    String sid = (String) reply.get("providerId");
    Map<String, String> status = Map.of("MessageSid", sid, "MessageStatus", "delivered", "AccountSid",
        ServerHarness.ACCOUNT, "To", PHONE);
    assertEquals(HttpStatus.OK, server.webhook("/webhooks/twilio/status", status,
        server.sign("/webhooks/twilio/status", status)).getStatus());

    List<Map<String, Object>> messages = items("/api/v1/contacts/" + contactId + "/messages", token);
    assertEquals(List.of("IN", "OUT"), messages.stream().map(m -> m.get("direction")).toList());
    assertEquals("DELIVERED", messages.get(1).get("status"));
    assertEquals("sv-01", messages.get(1).get("author"));
  }

  @Test
  void aForgedSignatureIsRefusedWith403AndNothingIsStored() {
    Map<String, String> form = inbound("SM0000000000000000000000000000aa02", "hello");
    HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
        () -> server.webhook("/webhooks/twilio/sms", form, "bm90IGEgc2lnbmF0dXJl"));
    assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
    String token = server.login("sv-01");
    assertEquals(0, items("/api/v1/contacts?phone=" + PHONE, token).size());
  }

  @Test
  void theSameMessageSidTwiceStoresOneMessage() {
    Map<String, String> form = inbound("SM0000000000000000000000000000aa03", "hello");
    String signature = server.sign("/webhooks/twilio/sms", form);
    assertEquals(HttpStatus.OK, server.webhook("/webhooks/twilio/sms", form, signature).getStatus());
    assertEquals(HttpStatus.OK, server.webhook("/webhooks/twilio/sms", form, signature).getStatus());
    String token = server.login("sv-01");
    List<Map<String, Object>> contacts = items("/api/v1/contacts?phone=" + PHONE, token);
    assertEquals(1, contacts.size());
    assertEquals(1, items("/api/v1/contacts/" + contacts.get(0).get("id") + "/messages", token).size());
  }

  @Test
  void escalationOpensACaseAndTextsTheCitizenItsNumber() {
    Map<String, String> form = inbound("SM0000000000000000000000000000aa04", "Water is leaking on my street");
    server.webhook("/webhooks/twilio/sms", form, server.sign("/webhooks/twilio/sms", form));
    String token = server.login("sv-01");
    String contactId = (String) items("/api/v1/contacts?phone=" + PHONE, token).get(0).get("id");
    Map<?, ?> created = server.client().toBlocking().retrieve(HttpRequest.POST("/api/v1/contacts/" + contactId
        + "/escalate", Map.of("department", "water", "category", "수도 누수", "summary", "Leak on the street"))
        .bearerAuth(token), Map.class);
    String caseId = (String) created.get("id");
    assertTrue(caseId.matches("C-\\d{8}-\\d{4}"), caseId);
    assertTrue(server.twilio().requests().get(0).param("Body").contains(caseId));
    Map<?, ?> found = server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/cases/" + caseId)
        .bearerAuth(token), Map.class);
    assertEquals(List.of(contactId), found.get("contacts"));
    assertEquals(1, items("/api/v1/departments/water/cases", token).size());
  }

  @Test
  void stopIsConfirmedOnceAndThenTheOperatorCannotTextTheCitizen() {
    Map<String, String> hello = inbound("SM0000000000000000000000000000aa05", "hello");
    server.webhook("/webhooks/twilio/sms", hello, server.sign("/webhooks/twilio/sms", hello));
    Map<String, String> stop = inbound("SM0000000000000000000000000000aa06", "STOP");
    server.webhook("/webhooks/twilio/sms", stop, server.sign("/webhooks/twilio/sms", stop));
    // the confirmation is posted after the STOP's commit, off the committer thread
    await().atMost(Duration.ofSeconds(20)).until(() -> server.twilio().requests().size() == 1);
    assertTrue(server.twilio().requests().get(0).param("Body").contains("START"));

    String token = server.login("sv-01");
    String contactId = (String) items("/api/v1/contacts?phone=" + PHONE, token).get(0).get("id");
    HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> server.client()
        .toBlocking().retrieve(HttpRequest.POST("/api/v1/contacts/" + contactId + "/messages", Map.of("body", "hi"))
            .bearerAuth(token), Map.class));
    assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
    assertEquals(1, server.twilio().requests().size());
    Map<?, ?> citizen = server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/citizens/"
        + server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/contacts/" + contactId).bearerAuth(token),
            Map.class).get("citizenId")).bearerAuth(token), Map.class);
    assertEquals(Boolean.TRUE, ((Map<?, ?>) citizen.get("consent")).get("smsOptOut"));
  }

  @Test
  void whatsAppMmsKeepsItsMediaAndTheReplyGoesBackOnWhatsApp() {
    Map<String, String> form = Map.of("MessageSid", "MM0000000000000000000000000000aa07", "AccountSid",
        ServerHarness.ACCOUNT, "From", "whatsapp:" + PHONE, "To", "whatsapp:+8215880120", "Body", "photo of the leak",
        "NumMedia", "1", "MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM0/Media/ME0");
    server.webhook("/webhooks/twilio/sms", form, server.sign("/webhooks/twilio/sms", form));
    String token = server.login("sv-01");
    String contactId = (String) items("/api/v1/contacts?channel=WHATSAPP&phone=" + PHONE, token).get(0).get("id");
    assertEquals(List.of("https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM0/Media/ME0"),
        items("/api/v1/contacts/" + contactId + "/messages", token).get(0).get("media"));
    server.client().toBlocking().retrieve(HttpRequest.POST("/api/v1/contacts/" + contactId + "/messages",
        Map.of("body", "Thanks, we see it.")).bearerAuth(token), Map.class);
    assertEquals("whatsapp:" + PHONE, server.twilio().requests().get(0).param("To"));
  }
}
