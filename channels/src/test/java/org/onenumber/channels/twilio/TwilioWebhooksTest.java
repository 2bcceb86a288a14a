package org.onenumber.channels.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.messaging.DeliveryStatus;
import org.onenumber.core.port.in.ReceiveMessageCommand;

class TwilioWebhooksTest {

  @Test
  void recordedMmsBecomesAnSmsCommandWithItsMediaUrl() {
    ReceiveMessageCommand command = TwilioWebhooks.inbound(Forms.recorded("inbound-mms.form"), null);
    assertEquals(Channel.SMS, command.channel());
    assertEquals(new CitizenIdentity.Phone("+821012345678"), command.identity());
    assertEquals("길에 물이 새요", command.body());
    assertEquals("MM0123456789abcdef0123456789abcdef", command.providerId());
    assertEquals(List.of(URI.create("https://api.twilio.com/2010-04-01/Accounts/AC00000000000000000000000000000000"
        + "/Messages/MM0123456789abcdef0123456789abcdef/Media/ME0123456789abcdef0123456789abcdef")), command.media());
  }

  @Test
  void recordedWhatsAppKeepsThePrefixedPeerButIdentifiesByTheBareNumber() {
    ReceiveMessageCommand command = TwilioWebhooks.inbound(Forms.recorded("inbound-whatsapp.form"), null);
    assertEquals(Channel.WHATSAPP, command.channel());
    assertEquals("whatsapp:+821012345678", command.peer());
    assertEquals(new CitizenIdentity.Phone("+821012345678"), command.identity());
  }

  @Test
  void recordedStatusCallbackCarriesTheErrorCode() {
    TwilioWebhooks.StatusReport report = TwilioWebhooks.status(Forms.recorded("status-undelivered.form"));
    assertEquals(new TwilioWebhooks.StatusReport("SM22222222222222222222222222222222", DeliveryStatus.UNDELIVERED,
        "30005"), report);
  }

  @Test
  void aWebhookWithoutMessageSidOrWithAMissingMediaUrlIsRejected() {
    assertThrows(InvalidInputException.class, () -> TwilioWebhooks.inbound(Map.of("From", "+821012345678"), null));
    assertThrows(InvalidInputException.class, () -> TwilioWebhooks.inbound(
        Map.of("From", "+821012345678", "MessageSid", "SM1", "NumMedia", "1"), null));
  }
}
