package org.onenumber.channels.twilio;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.messaging.DeliveryStatus;
import org.onenumber.core.port.in.ReceiveMessageCommand;

/**
 * Reads Twilio Messaging webhooks (form parameters) into core commands. The cases:
 *
 * <ol>
 *   <li>{@code From} starting with {@code whatsapp:} is WhatsApp; anything else is SMS/MMS.
 *   <li>The citizen identity is the bare E.164 number; the peer keeps Twilio's spelling.
 *   <li>{@code NumMedia} media items are read from {@code MediaUrl0..N-1}; the URLs are kept.
 *   <li>{@code MessageSid} (or the older {@code SmsSid}) is the provider id; missing is invalid input.
 * </ol>
 *
 * Stateless.
 */
public final class TwilioWebhooks {

  /** The TwiML that acknowledges a webhook without replying. */
  public static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

  private TwilioWebhooks() {}

  /** @param language the language to open new contacts in, or null to let the core decide */
  public static ReceiveMessageCommand inbound(Map<String, String> form, Language language) {
    String from = InvalidInputException.requireText(form.get("From"), "From");
    Channel channel = from.startsWith("whatsapp:") ? Channel.WHATSAPP : Channel.SMS;
    String number = channel == Channel.WHATSAPP ? from.substring("whatsapp:".length()) : from;
    return new ReceiveMessageCommand(channel, new CitizenIdentity.Phone(number), from, form.getOrDefault("Body", ""),
        media(form), sid(form), language);
  }

  /** A delivery status callback. */
  public record StatusReport(String messageSid, DeliveryStatus status, String errorCode) {}

  public static StatusReport status(Map<String, String> form) {
    String word = form.getOrDefault("MessageStatus", form.get("SmsStatus"));
    String error = form.get("ErrorCode");
    return new StatusReport(sid(form), DeliveryStatus.fromProvider(word), error == null || error.isBlank() ? null : error);
  }

  private static String sid(Map<String, String> form) {
    String sid = form.getOrDefault("MessageSid", form.get("SmsSid"));
    return InvalidInputException.requireText(sid, "MessageSid");
  }

  private static List<URI> media(Map<String, String> form) {
    int count;
    try {
      count = Integer.parseInt(form.getOrDefault("NumMedia", "0").trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("NumMedia is not a number");
    }
    if (count < 0 || count > 10) {
      throw new InvalidInputException("NumMedia must be 0..10");
    }
    List<URI> urls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String url = InvalidInputException.requireText(form.get("MediaUrl" + i), "MediaUrl" + i);
      urls.add(URI.create(url));
    }
    return urls;
  }
}
