package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.server.JsonFrames;
import org.onenumber.server.logging.LogCapture;

/**
 * Personal data never reaches a log line, with every server-side logger at TRACE (OneNumber,
 * Micronaut's HTTP server, routing, binding, security and serde, Netty, the JDBC pool and drivers),
 * Netty's wire logging on ({@code micronaut.server.netty.log-level}) and the access log:
 * a signed SMS webhook, a web-chat message, an anonymous intake with a name and a phone (and one
 * whose topic is too long), and a failed login go through the real server; {@link LogCapture#trace}
 * captures every line through the production pattern and fails on the phone numbers (every
 * spelling), the citizen's name, the message texts or the password, also when a hex dump splits
 * them over lines. It found Netty's wire dumps (fixed by {@code WireDumpFilter}).
 */
class MaskedLogsIT {

  private static final String SMS_PHONE = "+821055501234";
  private static final String INTAKE_PHONE = "010-5550-4321";
  private static final String NAME = "Hong Gildong";
  private static final String SMS_TEXT = "basement flooded since dawn";
  private static final String CHAT_TEXT = "my neighbour shouts every night";
  private static final String TOPIC = "leaking pipe behind the bakery";
  private static final String PASSWORD = "Wr0ng-Secret-Pass";

  @RegisterExtension
  @Order(1)
  final ServerHarness server = ServerHarness.perTest(Map.of("micronaut.server.netty.log-level", "TRACE",
      "micronaut.server.netty.access-logger.enabled", true));
  @RegisterExtension
  @Order(2)
  final LogCapture logs = LogCapture.trace(SMS_PHONE, "821055501234", "01055501234", "010-5550-1234",
      "5550-1234", "010-5550-4321", "01055504321", "821055504321", "5550-4321", NAME, SMS_TEXT, CHAT_TEXT, TOPIC,
      PASSWORD);

  @Test
  void anSmsAChatAnIntakeAndAFailedLoginLeaveNoPersonalDataInAnyLogLine() {
    Map<String, String> sms = Map.of("MessageSid", "SM00000000000000000000000000000077", "SmsSid",
        "SM00000000000000000000000000000077", "AccountSid", ServerHarness.ACCOUNT, "From", SMS_PHONE,
        "To", "+8215880120", "Body", SMS_TEXT, "NumMedia", "0");
    assertEquals(HttpStatus.OK, server.webhook("/webhooks/twilio/sms", sms,
        server.sign("/webhooks/twilio/sms", sms)).getStatus());

    JsonFrames chat = new JsonFrames(JsonMapper.createDefault())
        .open(HttpClient.newHttpClient(), URI.create(server.uri().toString().replaceFirst("^http", "ws") + "/ws/chat"));
    chat.send(Map.of("type", "start", "language", "en"));
    chat.await(frame -> "session".equals(frame.get("type")));
    chat.send(Map.of("type", "message", "clientId", "leak-1", "body", CHAT_TEXT));
    chat.await(frame -> "ack".equals(frame.get("type")) && "leak-1".equals(frame.get("clientId")));

    Map<?, ?> intake = server.client().toBlocking().retrieve(HttpRequest.POST("/api/v1/contacts", Map.of(
        "channel", "WEB_FORM", "phone", INTAKE_PHONE, "name", NAME, "language", "ko", "topic", TOPIC)), Map.class);
    Map<?, ?> contact = server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/contacts/" + intake.get("id"))
        .bearerAuth(server.login("sv-01")), Map.class);
    assertEquals(NAME, server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/citizens/"
        + contact.get("citizenId")).bearerAuth(server.login("sv-01")), Map.class).get("name"),
        "the name was stored (and read back by a supervisor: a view that is logged at TRACE too)");

    HttpClientResponseException tooLong = org.junit.jupiter.api.Assertions.assertThrows(
        HttpClientResponseException.class, () -> server.client().toBlocking().retrieve(HttpRequest.POST(
            "/api/v1/contacts", Map.of("channel", "WEB_FORM", "phone", INTAKE_PHONE, "name", NAME, "language", "ko",
                "topic", TOPIC + " " + "x".repeat(5000))), Map.class));
    assertEquals(HttpStatus.BAD_REQUEST, tooLong.getStatus(), "too long: refused, and no log line quotes it");

    HttpClientResponseException refused = org.junit.jupiter.api.Assertions.assertThrows(
        HttpClientResponseException.class, () -> server.client().toBlocking().exchange(HttpRequest.POST("/login",
            Map.of("username", "op-001", "password", PASSWORD)), String.class));
    assertEquals(HttpStatus.UNAUTHORIZED, refused.getStatus());
  }
}
