package org.onenumber.channels.twilio;

import java.net.URI;
import org.onenumber.core.error.InvalidInputException;

/**
 * How to reach Twilio.
 *
 * @param apiBase Twilio's REST base, {@code https://api.twilio.com} in production, a local server in tests
 * @param smsFrom the city's SMS number (E.164) or a Messaging Service SID ({@code MG...})
 * @param whatsappFrom the city's WhatsApp sender number (E.164), without the {@code whatsapp:} prefix
 * @param statusCallback where Twilio posts delivery status; null for none
 */
public record TwilioSettings(String accountSid, String authToken, URI apiBase, String smsFrom, String whatsappFrom,
    URI statusCallback) {
  public TwilioSettings {
    InvalidInputException.requireText(accountSid, "onenumber.twilio.account-sid");
    InvalidInputException.requireText(authToken, "onenumber.twilio.auth-token");
    InvalidInputException.require(apiBase, "onenumber.twilio.api-base");
    InvalidInputException.requireText(smsFrom, "onenumber.twilio.sms-from");
    whatsappFrom = whatsappFrom == null || whatsappFrom.isBlank() ? smsFrom : whatsappFrom;
  }
}
