package org.onenumber.server.channels;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.Language;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.happycall.HappyCall;
import org.onenumber.core.happycall.HappyCalls;
import org.onenumber.server.chat.JdbcSurveys;
import org.onenumber.server.events.VertxEventPublisher;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcCitizenRegistry;
import org.onenumber.server.persistence.JdbcHappyCallStore;

/**
 * Happy-call end to end over signed Twilio webhooks: a citizen's SMS contact is closed after
 * wrap-up, the survey goes out to their phone, their "2" lands in the survey table (not resolved,
 * score 2) and opens a follow-up task that supervisors see and operators may not.
 */
class HappyCallSmsIT {

  private static final String PHONE = "+821066660001";

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("onenumber.welfare.dialer", "false",
      "onenumber.happy-call.delay", "0s", "onenumber.happy-call.quiet-from-hour", "0",
      "onenumber.happy-call.quiet-until-hour", "0", "onenumber.happy-call.sweep-every", "1h"));

  private static Map<String, String> inbound(String sid, String body) {
    return Map.of("MessageSid", sid, "SmsSid", sid, "AccountSid", ServerHarness.ACCOUNT, "From", PHONE,
        "To", "+8215880120", "Body", body, "NumMedia", "0");
  }

  private void text(String sid, String body) {
    var form = inbound(sid, body);
    assertEquals(HttpStatus.OK, server.webhook("/webhooks/twilio/sms", form,
        server.sign("/webhooks/twilio/sms", form)).getStatus());
  }

  @Test
  void aLowHappyCallScoreIsASurveyAnswerAndASupervisorsFollowUp() {
    text("SM00000000000000000000000000000101", "the streetlight on my road is broken");
    var citizen = server.bean(JdbcCitizenRegistry.class).findByIdentity(new CitizenIdentity.Phone(PHONE)).orElseThrow();
    ContactId contact = server.bean(Jdbc.class).queryOne("select id from contact where citizen_id = ?",
        r -> new ContactId(r.getString(1)), citizen.id().value()).orElseThrow();

    server.bean(VertxEventPublisher.class).publish(new ContactStateChanged(contact, Channel.SMS, Language.KOREAN,
        ContactState.WRAP_UP, ContactState.CLOSED, null, null, "resolved", Instant.now()));
    JdbcHappyCallStore store = server.bean(JdbcHappyCallStore.class);
    await().atMost(Duration.ofSeconds(10)).until(() -> store.find(contact).isPresent());

    assertEquals(1, server.bean(HappyCalls.class).sendDue(10));
    assertEquals(HappyCall.State.SENT, store.find(contact).orElseThrow().state());
    await().atMost(Duration.ofSeconds(10)).until(() -> server.twilio().requests().stream()
        .anyMatch(r -> PHONE.equals(r.param("To")) && String.valueOf(r.param("Body")).contains("problem solved")));

    text("SM00000000000000000000000000000102", "2");
    var answer = server.bean(JdbcSurveys.class).find(contact).orElseThrow();
    assertEquals(2, answer.satisfaction());
    assertFalse(answer.resolved());
    assertEquals(1, server.bean(Jdbc.class).queryOne("select count(*) from contact where citizen_id = ?",
        r -> r.getInt(1), citizen.id().value()).orElseThrow(), "the reply opened no contact");

    List<Map<?, ?>> followUps = List.of(server.client().toBlocking().retrieve(
        HttpRequest.GET("/api/v1/happy-calls/follow-ups").bearerAuth(server.login("sv-01")), Map[].class));
    assertEquals(1, followUps.size());
    assertEquals(contact.value(), followUps.get(0).get("contactId"));
    var refused = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class, () ->
        server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/happy-calls/follow-ups")
            .bearerAuth(server.login("op-001")), String.class));
    assertEquals(HttpStatus.FORBIDDEN, refused.getStatus());

    text("SM00000000000000000000000000000103", "5");
    assertEquals(2, server.bean(JdbcSurveys.class).find(contact).orElseThrow().satisfaction(), "answered once");
    assertTrue(store.find(contact).orElseThrow().score() == 2);
  }
}
