package org.onenumber.channels.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.PermanentException;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.port.out.MessageGateway;

/**
 * Sends SMS, MMS and WhatsApp messages with the Twilio SDK ({@code POST
 * /2010-04-01/Accounts/{sid}/Messages.json}). The cases:
 *
 * <ol>
 *   <li>WhatsApp: both addresses carry the {@code whatsapp:} prefix (added when missing).
 *   <li>SMS: the sender is the configured number, or a Messaging Service when it starts with {@code MG}.
 *   <li>Media URLs make it an MMS (or a WhatsApp media message).
 *   <li>Twilio refuses (4xx other than 429, for example 21610 "unsubscribed recipient"): a
 *       permanent failure with Twilio's error code, so the operator sees why.
 *   <li>Twilio unreachable, 429 (too many requests) or 5xx: a retriable failure (the outbox
 *       tries again with backoff).
 * </ol>
 *
 * Thread-safe (the SDK client is).
 */
public final class TwilioMessageGateway implements MessageGateway {

  private final TwilioSettings settings;
  private final TwilioRestClient client;

  public TwilioMessageGateway(TwilioSettings settings) {
    this.settings = settings;
    this.client = new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
        .httpClient(new JdkTwilioHttpClient(settings.apiBase())).build();
  }

  @Override
  public Receipt send(Outbound message) {
    MessageCreator creator = creator(message);
    if (!message.media().isEmpty()) {
      creator.setMediaUrl(message.media());
    }
    if (settings.statusCallback() != null) {
      creator.setStatusCallback(settings.statusCallback());
    }
    try {
      Message created = creator.create(client);
      return new Receipt(created.getSid(), created.getStatus() == null ? "queued" : created.getStatus().toString());
    } catch (ApiConnectionException e) {
      throw new RetriableException("Twilio unreachable: " + e.getMessage(), e);
    } catch (ApiException e) {
      if (e.getStatusCode() != null && (e.getStatusCode() >= 500 || e.getStatusCode() == 429)) {
        throw new RetriableException("Twilio error " + e.getCode() + ": " + e.getMessage(), e);
      }
      throw new PermanentException("twilio_" + e.getCode(), e.getMessage(), e);
    }
  }

  private MessageCreator creator(Outbound message) {
    if (message.channel() == Channel.WHATSAPP) {
      return new MessageCreator(settings.accountSid(), new PhoneNumber(whatsapp(message.to())),
          new PhoneNumber(whatsapp(settings.whatsappFrom())), message.body());
    }
    if (message.channel() != Channel.SMS) {
      throw new InvalidInputException("Twilio Messaging carries SMS and WhatsApp, not " + message.channel());
    }
    if (settings.smsFrom().startsWith("MG")) {
      return new MessageCreator(settings.accountSid(), new PhoneNumber(message.to()), settings.smsFrom(), message.body());
    }
    return new MessageCreator(settings.accountSid(), new PhoneNumber(message.to()), new PhoneNumber(settings.smsFrom()),
        message.body());
  }

  static String whatsapp(String address) {
    return address.startsWith("whatsapp:") ? address : "whatsapp:" + address;
  }
}
