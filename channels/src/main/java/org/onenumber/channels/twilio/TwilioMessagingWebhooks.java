package org.onenumber.channels.twilio;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.onenumber.core.campaign.Campaigns;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.port.in.AnswerHappyCall;
import org.onenumber.core.port.in.ReceiveMessage;
import org.onenumber.core.port.in.RecordCheckIn;
import org.onenumber.core.port.in.ReceiveMessageCommand;
import org.onenumber.core.port.in.UpdateDeliveryStatus;

/**
 * The two Twilio Messaging webhooks, whichever HTTP layer serves them (the server's raw Netty
 * handler for HTTP/1.1, its controller otherwise). The cases, for both paths:
 *
 * <ol>
 *   <li>Missing or wrong {@code X-Twilio-Signature} ({@link #signed}): the caller answers 403 and
 *       reads or stores nothing.
 *   <li>An SMS "1" or "2" from a senior whose welfare text check-in is waiting: recorded by
 *       {@link RecordCheckIn} (well / wants to talk); no contact opened.
 *   <li>Otherwise an SMS "1" to "5" from a citizen whose happy-call survey is waiting: the score,
 *       recorded by {@link AnswerHappyCall}; no contact opened.
 *   <li>Inbound message: handed to {@link ReceiveMessage}, which returns only once it is durable
 *       (a repeated MessageSid stores nothing).
 *   <li>Status callback: applied by {@link UpdateDeliveryStatus}, or to the campaign recipient the
 *       message went to ({@link Campaigns#delivery}); an unknown sid is no failure (Twilio would
 *       retry forever otherwise): {@link #handle} returns false.
 *   <li>A missing {@code From} or {@code MessageSid}, a malformed form: {@link InvalidInputException}
 *       (400); a storage failure: the core's retriable exception (503, Twilio retries).
 * </ol>
 *
 * Thread-safe; {@link #handle} blocks until the message is durable (call it off an event loop).
 */
public final class TwilioMessagingWebhooks {

  /** Inbound SMS, MMS and WhatsApp messages. */
  public static final String SMS_PATH = "/webhooks/twilio/sms";
  /** Delivery status callbacks of the messages the center sent. */
  public static final String STATUS_PATH = "/webhooks/twilio/status";

  private static final Pattern SCORE = Pattern.compile("[1-5]");
  private static final Pattern CHECK_IN = Pattern.compile("[12]");

  private final TwilioSignatures signatures;
  private final ReceiveMessage receive;
  private final UpdateDeliveryStatus delivery;
  private final RecordCheckIn checkIns;
  private final AnswerHappyCall surveys;
  private final Campaigns campaigns;

  public TwilioMessagingWebhooks(TwilioSignatures signatures, ReceiveMessage receive, UpdateDeliveryStatus delivery,
      RecordCheckIn checkIns, AnswerHappyCall surveys, Campaigns campaigns) {
    this.signatures = signatures;
    this.receive = receive;
    this.delivery = delivery;
    this.checkIns = checkIns;
    this.surveys = surveys;
    this.campaigns = campaigns;
  }

  /** Whether {@code path} (without its query) is one of the two webhooks. */
  public static boolean serves(String path) {
    return SMS_PATH.equals(path) || STATUS_PATH.equals(path);
  }

  /** Whether the signature check needs the URL the request arrived on (no public URL configured). */
  public boolean needsRequestUrl() {
    return !signatures.hasPublicUrl();
  }

  /** The {@code X-Twilio-Signature} check ({@link TwilioSignatures#valid}). */
  public boolean signed(String requestUrl, String pathAndQuery, Map<String, String> form, String signature) {
    return signatures.valid(requestUrl, pathAndQuery, form, signature);
  }

  /**
   * Handles a signed webhook of {@code path} ({@link #SMS_PATH} or {@link #STATUS_PATH}); returns
   * once what it carries is durable: true, or false for a status callback about a message nobody knows.
   */
  public boolean handle(String path, Map<String, String> form) {
    return STATUS_PATH.equals(path) ? status(form) : inbound(form);
  }

  private boolean inbound(Map<String, String> form) {
    ReceiveMessageCommand command = TwilioWebhooks.inbound(form, null);
    String body = command.body() == null ? "" : command.body().strip();
    if (command.channel() == Channel.SMS && command.identity() instanceof CitizenIdentity.Phone phone
        && SCORE.matcher(body).matches()
        && (CHECK_IN.matcher(body).matches() && checkIns.reply(phone, command.body()) || surveys.reply(phone, command.body()))) {
      return true;
    }
    receive.receive(command);
    return true;
  }

  private boolean status(Map<String, String> form) {
    TwilioWebhooks.StatusReport report = TwilioWebhooks.status(form);
    return delivery.byProvider(report.messageSid(), report.status(), report.errorCode()).isPresent()
        || campaigns.delivery(report.messageSid(), report.status().name().toLowerCase(Locale.ROOT));
  }

  /**
   * An {@code application/x-www-form-urlencoded} body (UTF-8) as parameters; a name sent twice keeps
   * its first value, a name without {@code =} has the empty value.
   *
   * @throws InvalidInputException for a malformed escape
   */
  public static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    int start = 0;
    while (start < body.length()) {
      int end = body.indexOf('&', start);
      end = end < 0 ? body.length() : end;
      if (end > start) {
        int equals = body.indexOf('=', start);
        boolean hasValue = equals >= 0 && equals < end;
        String name = decode(body.substring(start, hasValue ? equals : end));
        form.putIfAbsent(name, hasValue ? decode(body.substring(equals + 1, end)) : "");
      }
      start = end + 1;
    }
    return form;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("the form body could not be read: a malformed %-escape");
    }
  }
}
