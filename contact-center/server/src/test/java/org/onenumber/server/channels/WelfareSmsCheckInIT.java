package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.welfare.Attempt;
import org.onenumber.core.welfare.AttemptId;
import org.onenumber.core.welfare.AttemptState;
import org.onenumber.core.welfare.CallOutcome;
import org.onenumber.core.welfare.CheckInMode;
import org.onenumber.server.persistence.JdbcSeniorRegistry;
import org.onenumber.server.persistence.JdbcWelfareSchedule;
import org.onenumber.testkit.WelfareScheduleContract;

/**
 * A senior on text check-ins answers "1" through the signed Twilio webhook: the waiting check-in
 * is recorded as well, and no contact is opened for the reply; a "1" from anyone else is an
 * ordinary message.
 */
class WelfareSmsCheckInIT {

  private static final String PHONE = "+821077770001";

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("onenumber.welfare.dialer", "false"));

  private static Map<String, String> inbound(String sid, String from, String body) {
    return Map.of("MessageSid", sid, "SmsSid", sid, "AccountSid", ServerHarness.ACCOUNT, "From", from,
        "To", "+8215880120", "Body", body, "NumMedia", "0");
  }

  @Test
  void aReplyOfOneAnswersTheWaitingTextCheckIn() {
    server.bean(JdbcSeniorRegistry.class).saveAll(List.of(WelfareScheduleContract.senior("S-SMS", PHONE,
        CheckInMode.SMS)));
    JdbcWelfareSchedule schedule = server.bean(JdbcWelfareSchedule.class);
    LocalDate monday = LocalDate.of(2027, 3, 8);
    Attempt attempt = Attempt.scheduled(new AttemptId("a-sms"), new org.onenumber.core.welfare.SeniorId("S-SMS"),
        monday, 1, Instant.parse("2027-03-08T01:00:00Z"), CheckInMode.SMS);
    schedule.savePlan(monday, List.of(attempt));
    assertTrue(schedule.claim(attempt.dialing(new ContactId("c-sms"), Instant.parse("2027-03-08T01:00:00Z"))));

    var form = inbound("SM00000000000000000000000000000001", PHONE, "1");
    assertEquals(HttpStatus.OK, server.webhook("/webhooks/twilio/sms", form,
        server.sign("/webhooks/twilio/sms", form)).getStatus());
    Attempt done = schedule.find(attempt.id()).orElseThrow();
    assertEquals(AttemptState.DONE, done.state());
    assertEquals(CallOutcome.WELL, done.outcome());
    assertTrue(server.bean(org.onenumber.server.persistence.JdbcCitizenRegistry.class)
        .findByIdentity(new CitizenIdentity.Phone(PHONE)).isEmpty(), "no contact (nor citizen) for the reply");

    var other = inbound("SM00000000000000000000000000000002", "+821077770002", "1");
    assertEquals(HttpStatus.OK, server.webhook("/webhooks/twilio/sms", other,
        server.sign("/webhooks/twilio/sms", other)).getStatus());
    assertTrue(server.bean(org.onenumber.server.persistence.JdbcCitizenRegistry.class)
        .findByIdentity(new CitizenIdentity.Phone("+821077770002")).isPresent(), "anyone else's 1 is a message");
  }
}
