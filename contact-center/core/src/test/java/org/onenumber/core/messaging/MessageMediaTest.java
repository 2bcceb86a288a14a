package org.onenumber.core.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.InvalidInputException;

/** Media are links a console renders: only http(s) URLs with a host are stored. */
class MessageMediaTest {

  private static Message withMedia(String url) {
    return new Message(new MessageId("m1"), new ContactId("c1"), Channel.WHATSAPP, Direction.IN, "+821012345678",
        null, "", List.of(URI.create(url)), "MM1", DeliveryStatus.RECEIVED, null, Instant.EPOCH);
  }

  @Test
  void keepsHttpsMedia() {
    assertEquals(1, withMedia("https://api.twilio.com/2010-04-01/Media/ME1").media().size());
  }

  @Test
  void refusesScriptFileAndHostlessUrls() {
    for (String url : List.of("javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "https:relative")) {
      assertThrows(InvalidInputException.class, () -> withMedia(url), url);
    }
  }
}
