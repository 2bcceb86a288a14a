package org.onenumber.server.channels;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
 * Outbound retries through the real server and the local Twilio peer (issue 11): Twilio answers
 * 429 and 500 before 201, and the reply is sent exactly once from the durable outbox; after the
 * last attempt it is dead-lettered and listed for supervisors; a retry pending when the server
 * stops is made by the next server on the same database.
 */
class OutboundRetryIT {

  private static final String PHONE = "+821099990011";

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("onenumber.outbox.base-delay", "1s",
      "onenumber.outbox.max-delay", "2s", "onenumber.outbox.max-attempts", "3", "onenumber.outbox.poll-interval", "200ms"));

  /** Opens an SMS contact and returns its id. */
  private String contact(String sid) {
    Map<String, String> form = Map.of("MessageSid", sid, "SmsSid", sid, "AccountSid", ServerHarness.ACCOUNT,
        "From", PHONE, "To", "+8215880120", "Body", "When is the bulky waste pickup?", "NumMedia", "0");
    assertEquals(HttpStatus.OK, server.webhook("/webhooks/twilio/sms", form, server.sign("/webhooks/twilio/sms", form))
        .getStatus());
    return (String) items("/api/v1/contacts?phone=" + PHONE, server.login("sv-01")).get(0).get("id");
  }

  private Map<?, ?> reply(String contactId, String body) {
    return server.client().toBlocking().retrieve(HttpRequest.POST("/api/v1/contacts/" + contactId + "/messages",
        Map.of("body", body)).bearerAuth(server.login("sv-01")), Map.class);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> items(String path, String token) {
    Map<String, Object> body = server.client().toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Map.class);
    return (List<Map<String, Object>>) body.get("items");
  }

  private Map<String, Object> stored(String contactId, String messageId) {
    return items("/api/v1/contacts/" + contactId + "/messages", server.login("sv-01")).stream()
        .filter(m -> messageId.equals(m.get("id"))).findFirst().orElseThrow();
  }

  private long postedToTwilio(String body) {
    return server.twilio().requests().stream().filter(r -> body.equals(r.param("Body"))).count();
  }

  @Test
  void aReplyTwilioAnswers429Then500IsRetriedWithBackoffAndSentExactlyOnce() {
    String contactId = contact("SM0000000000000000000000000000bb01");
    server.twilio().failNext(429, 20429);
    server.twilio().failNext(500, 20500);
    Map<?, ?> reply = reply(contactId, "Every Tuesday.");
    assertEquals("QUEUED", reply.get("status"));
    assertNull(reply.get("providerId"), "not accepted by Twilio yet");
    String id = (String) reply.get("id");
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> stored(contactId, id).get("providerId") != null);
    assertEquals(3, postedToTwilio("Every Tuesday."), "429, 500, then 201: three posts");
    await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
    assertEquals(3, postedToTwilio("Every Tuesday."), "never posted again once accepted");
  }

  @Test
  void afterTheLastAttemptTheReplyFailsAndSupervisorsSeeItAsADeadLetter() {
    String contactId = contact("SM0000000000000000000000000000bb02");
    for (int i = 0; i < 3; i++) {
      server.twilio().failNext(503, 20503);
    }
    String id = (String) reply(contactId, "We will call you back.").get("id");
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> "FAILED".equals(stored(contactId, id).get("status")));
    assertTrue(((String) stored(contactId, id).get("error")).startsWith("dead-lettered after 3 attempts"));
    List<Map<String, Object>> dead = items("/api/v1/messages/dead-letters", server.login("sv-01"));
    assertEquals(List.of(id), dead.stream().map(d -> d.get("messageId")).toList());
    assertEquals(3, dead.get(0).get("attempts"));
    assertEquals(contactId, dead.get(0).get("contactId"));
    HttpClientResponseException operator = assertThrows(HttpClientResponseException.class,
        () -> items("/api/v1/messages/dead-letters", server.login("op-001")));
    assertEquals(HttpStatus.FORBIDDEN, operator.getStatus());
    assertEquals(3, postedToTwilio("We will call you back."));
  }

  @Test
  void aRetryPendingWhenTheServerStopsIsMadeByTheNextServerOnTheSameDatabase() {
    String contactId = contact("SM0000000000000000000000000000bb03");
    server.twilio().failNext(500, 20500);
    String id = (String) reply(contactId, "Your permit is ready.").get("id");
    server.stop();
    assertEquals(1, postedToTwilio("Your permit is ready."));
    server.start();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> stored(contactId, id).get("providerId") != null);
    assertEquals(2, postedToTwilio("Your permit is ready."), "the failed post and one retry");
  }
}
