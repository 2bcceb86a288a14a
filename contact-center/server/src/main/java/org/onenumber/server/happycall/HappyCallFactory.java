package org.onenumber.server.happycall;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalTime;
import java.time.ZoneId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.happycall.HappyCallSettings;
import org.onenumber.core.happycall.HappyCallVoice;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.core.happycall.HappyCalls;
import org.onenumber.core.port.out.MessageGateway;
import org.onenumber.server.events.VertxEventPublisher;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcCitizenRegistry;
import org.onenumber.server.persistence.JdbcHappyCallStore;
import org.onenumber.server.persistence.JdbcServiceLevelFacts;
import org.onenumber.server.telephony.CallControls;
import org.onenumber.server.welfare.OutboundCarrier;

/**
 * Wires {@link HappyCalls}: settings from {@code onenumber.happy-call.*}, answers into the one
 * survey table (and published, so the wallboard's FCR and satisfaction move), and "escalated"
 * meaning the contact is linked to a case.
 */
@Factory
final class HappyCallFactory {

  @Singleton
  HappyCallSettings happyCallSettings(@Value("${onenumber.happy-call.delay:2h}") Duration delay,
      @Value("${onenumber.happy-call.quiet-from-hour:21}") int quietFrom,
      @Value("${onenumber.happy-call.quiet-until-hour:9}") int quietUntil,
      @Value("${onenumber.happy-call.gap-days:30}") int gapDays,
      @Value("${onenumber.happy-call.low-score:2}") int lowScore,
      @Value("${onenumber.zone:Asia/Seoul}") String zone) {
    return new HappyCallSettings(delay, LocalTime.of(quietFrom, 0), LocalTime.of(quietUntil, 0), ZoneId.of(zone),
        Duration.ofDays(gapDays), lowScore);
  }

  /**
   * Happy-call by IVR for voice contacts ({@code onenumber.happy-call.ivr.*}), placed by the carrier
   * that dials callbacks; none configured, or {@code ivr.enabled=false}: every survey by SMS.
   */
  @Singleton
  HappyCallVoice happyCallVoice(CallControls carriers, ContactJournal journal,
      @Value("${onenumber.happy-call.ivr.enabled:true}") boolean enabled,
      @Value("${onenumber.happy-call.ivr.calls:2}") int calls,
      @Value("${onenumber.happy-call.ivr.retry-after:30m}") Duration retryAfter,
      @Value("${onenumber.happy-call.ivr.no-answer-after:5m}") Duration noAnswerAfter) {
    return new HappyCallVoice(new OutboundCarrier(carriers), contact -> enabled && carriers.forCallbacks().isPresent()
        && journal.find(contact).map(c -> c.channel() == Channel.VOICE).orElse(false), calls, retryAfter, noAnswerAfter);
  }

  @Singleton
  HappyCalls happyCalls(HappyCallSettings settings, JdbcHappyCallStore store, JdbcCitizenRegistry citizens,
      MessageGateway messages, JdbcServiceLevelFacts facts, VertxEventPublisher events, Jdbc jdbc,
      InstantSource clock, HappyCallVoice voice) {
    return new HappyCalls(settings, store, citizens, messages, answer -> {
      boolean saved = facts.saveSurvey(answer);
      if (saved) {
        events.publish(answer);
      }
      return saved;
    }, contact -> jdbc.queryOne("select 1 from case_contact where contact_id = ?", r -> 1, contact.value())
        .isPresent(), clock, voice);
  }
}
