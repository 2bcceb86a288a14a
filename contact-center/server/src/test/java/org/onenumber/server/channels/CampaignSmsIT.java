package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.core.campaign.Campaigns;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.welfare.CheckInMode;
import org.onenumber.core.welfare.Senior;
import org.onenumber.core.welfare.SeniorId;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcSeniorRegistry;
import org.onenumber.testkit.WelfareScheduleContract;

/**
 * A heat-wave campaign to the seniors of a district, end to end: preview (count only), create at
 * one message a second, a restart between rounds, STOP honoured (said through the signed SMS
 * webhook), and the delivery report fed by a signed status callback. Rounds are driven by the test
 * ({@code onenumber.campaigns.sender=false}).
 */
class CampaignSmsIT {

  private static final String TEXT = "Heat wave tomorrow: stay inside 12-17h, drink water. Seoul 120";

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("onenumber.welfare.dialer", "false",
      "onenumber.campaigns.sender", "false"));

  /** A senior who takes check-ins by SMS, enrolled in {@code district}. */
  static Senior senior(String id, String phone, String district) {
    Senior s = WelfareScheduleContract.senior(id, phone, CheckInMode.SMS);
    return new Senior(new SeniorId(id), s.name(), List.of(new CitizenIdentity.Phone(phone)), s.address(), district,
        s.language(), s.consent(), s.emergencyContacts(), s.worker(), s.workerPhone(), s.windows(), s.mode(),
        s.careNotes(), LocalDate.of(2020, 1, 1), null);
  }

  private void twilio(String path, Map<String, String> form) {
    assertEquals(HttpStatus.OK, server.webhook(path, form, server.sign(path, form)).getStatus());
  }

  private Map<?, ?> post(String path, Object body, String user) {
    return server.client().toBlocking().retrieve(HttpRequest.POST(path, body).bearerAuth(server.login(user)), Map.class);
  }

  private long campaignTexts(String phone) {
    return server.twilio().requests().stream()
        .filter(r -> phone.equals(r.param("To")) && TEXT.equals(r.param("Body"))).count();
  }

  @Test
  void aDistrictCampaignSendsOncePerSeniorAcrossARestartAndHonoursStop() {
    server.bean(JdbcSeniorRegistry.class).saveAll(List.of(senior("S-1", "+821044440001", "Jongno-gu"),
        senior("S-2", "+821044440002", "Jongno-gu"), senior("S-3", "+821044440003", "Jongno-gu"),
        senior("S-4", "+821044440004", "Mapo-gu")));
    twilio("/webhooks/twilio/sms", Map.of("MessageSid", "SM00000000000000000000000000000201", "AccountSid",
        ServerHarness.ACCOUNT, "From", "+821044440002", "To", "+8215880120", "Body", "STOP", "NumMedia", "0"));

    Map<?, ?> preview = post("/api/v1/campaigns/preview", Map.of("audience", "seniors-of-district",
        "value", "Jongno-gu", "text", TEXT), "sv-01");
    assertEquals(3, preview.get("recipients"));
    assertFalse(preview.toString().contains("+8210"), "no personal data in a preview");
    var refused = assertThrows(HttpClientResponseException.class, () -> post("/api/v1/campaigns/preview",
        Map.of("audience", "seniors-of-district", "value", "Jongno-gu", "text", TEXT), "op-001"));
    assertEquals(HttpStatus.FORBIDDEN, refused.getStatus());
    var bad = assertThrows(HttpClientResponseException.class, () -> post("/api/v1/campaigns",
        Map.of("name", "x", "text", TEXT, "audience", "everyone", "value", "x", "perSecond", 1), "sv-01"));
    assertTrue(bad.getStatus().getCode() >= 400 && bad.getStatus().getCode() < 500);
    assertTrue(bad.getResponse().getBody(Map.class).orElseThrow().containsKey("error"));

    String id = (String) post("/api/v1/campaigns", Map.of("name", "heat wave", "text", TEXT,
        "audience", "seniors-of-district", "value", "Jongno-gu", "perSecond", 1), "sv-01").get("id");
    assertEquals(1, server.bean(Campaigns.class).sendRound(), "one a second");
    assertEquals(1, campaignTexts("+821044440001"));

    server.stop();
    server.start();
    assertEquals(0, server.bean(Campaigns.class).recover());
    int sent = 0;
    for (int round = 0; round < 5; round++) { // the scheduler would run one a second
      sent += server.bean(Campaigns.class).sendRound();
    }
    assertEquals(1, sent, "the STOP one is skipped, the third sent");
    assertEquals(1, campaignTexts("+821044440001"), "not doubled by the restart");
    assertEquals(0, campaignTexts("+821044440002"), "STOP honoured");
    assertEquals(1, campaignTexts("+821044440003"), "not skipped by the restart");
    assertEquals(0, campaignTexts("+821044440004"), "another district");

    String sid = server.bean(Jdbc.class).queryOne("select provider_id from campaign_recipient where phone = ?",
        r -> r.getString(1), "+821044440001").orElseThrow();
    twilio("/webhooks/twilio/status", Map.of("MessageSid", sid, "MessageStatus", "delivered",
        "AccountSid", ServerHarness.ACCOUNT));
    Map<?, ?> campaign = server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/campaigns/" + id)
        .bearerAuth(server.login("sv-01")), Map.class);
    assertEquals("DONE", campaign.get("state"));
    assertEquals(Map.of("recipients", 3, "pending", 0, "sent", 1, "delivered", 1, "failed", 0, "skipped", 1),
        campaign.get("report"));
  }
}
