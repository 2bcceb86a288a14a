package org.onenumber.server.telephony;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Twilio Voice settings. The account and the public URL are the ones SMS uses ({@code
 * onenumber.twilio.account-sid}, {@code auth-token}, {@code onenumber.public-url}); the rest is
 * {@code onenumber.telephony.twilio.*}: {@code api-base} (default {@code onenumber.twilio.api-base},
 * else Twilio's), {@code caller-id} (default the SMS number), {@code hold-music} (an MP3 URL),
 * {@code ring-seconds} (default 20), {@code video-link} (texted to sign-language callers) and
 * {@code record-queues} (comma-separated queue ids whose calls are recorded when the citizen consented).
 */
@Singleton
final class TwilioVoiceConfig {

  final String accountSid;
  final String authToken;
  final String publicUrl;
  final String apiBase;
  final String callerId;
  final String holdMusic;
  final int ringSeconds;
  final String videoLink;
  final Set<String> recordQueues;

  TwilioVoiceConfig(@Value("${onenumber.twilio.account-sid:}") String accountSid,
      @Value("${onenumber.twilio.auth-token:}") String authToken,
      @Value("${onenumber.public-url:}") String publicUrl,
      @Value("${onenumber.telephony.twilio.api-base:}") String apiBase,
      @Value("${onenumber.twilio.api-base:https://api.twilio.com}") String messagingApiBase,
      @Value("${onenumber.telephony.twilio.caller-id:}") String callerId,
      @Value("${onenumber.twilio.sms-from:+8215880120}") String smsFrom,
      @Value("${onenumber.telephony.twilio.hold-music:https://com.twilio.music.classical.s3.amazonaws.com/BusyStrings.mp3}")
      String holdMusic,
      @Value("${onenumber.telephony.twilio.ring-seconds:20}") int ringSeconds,
      @Value("${onenumber.telephony.twilio.video-link:https://onenumber.example/call/}") String videoLink,
      @Value("${onenumber.telephony.twilio.record-queues:}") String recordQueues) {
    this.accountSid = accountSid;
    this.authToken = authToken;
    this.publicUrl = publicUrl;
    this.apiBase = apiBase.isBlank() ? messagingApiBase : apiBase;
    this.callerId = callerId.isBlank() ? smsFrom : callerId;
    this.holdMusic = holdMusic;
    this.ringSeconds = ringSeconds;
    this.videoLink = videoLink;
    this.recordQueues = Arrays.stream(recordQueues.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  boolean configured() {
    return !accountSid.isBlank() && !authToken.isBlank();
  }
}
