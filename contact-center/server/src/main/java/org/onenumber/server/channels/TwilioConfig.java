package org.onenumber.server.channels;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import org.onenumber.channels.twilio.TwilioMessagingWebhooks;

/**
 * Twilio settings from configuration: {@code onenumber.twilio.account-sid}, {@code auth-token},
 * {@code api-base} (default Twilio's), {@code sms-from}, {@code whatsapp-from}, and
 * {@code onenumber.public-url}, the externally visible base URL (for signature checks behind a
 * proxy and for the status callback URL given to Twilio).
 */
@Singleton
final class TwilioConfig {

  private final String accountSid;
  private final String authToken;
  private final String apiBase;
  private final String smsFrom;
  private final String whatsappFrom;
  private final String publicUrl;

  TwilioConfig(@Value("${onenumber.twilio.account-sid:}") String accountSid,
      @Value("${onenumber.twilio.auth-token:}") String authToken,
      @Value("${onenumber.twilio.api-base:https://api.twilio.com}") String apiBase,
      @Value("${onenumber.twilio.sms-from:+8215880120}") String smsFrom,
      @Value("${onenumber.twilio.whatsapp-from:}") String whatsappFrom,
      @Value("${onenumber.public-url:}") String publicUrl) {
    this.accountSid = accountSid;
    this.authToken = authToken;
    this.apiBase = apiBase;
    this.smsFrom = smsFrom;
    this.whatsappFrom = whatsappFrom;
    this.publicUrl = publicUrl;
  }

  boolean configured() {
    return !accountSid.isBlank() && !authToken.isBlank();
  }

  String accountSid() {
    return accountSid;
  }

  String authToken() {
    return authToken;
  }

  String apiBase() {
    return apiBase;
  }

  String smsFrom() {
    return smsFrom;
  }

  String whatsappFrom() {
    return whatsappFrom;
  }

  String publicUrl() {
    return publicUrl;
  }

  /** {@code public-url}/webhooks/twilio/status when a public URL is set; Twilio cannot reach us otherwise. */
  URI statusCallback() {
    if (publicUrl.isBlank()) {
      return null;
    }
    String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    return URI.create(base + TwilioMessagingWebhooks.STATUS_PATH);
  }
}
