package org.onenumber.server.telephony;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.port.in.OpenContact;
import org.onenumber.core.port.in.RecordCheckIn;
import org.onenumber.core.port.in.RouteContact;
import org.onenumber.core.port.out.AgentDevices;
import org.onenumber.core.port.out.MessageGateway;
import org.onenumber.server.events.VertxEventPublisher;
import org.onenumber.server.persistence.JdbcCitizenRegistry;
import org.onenumber.telephony.twilio.RecordingPolicy;
import org.onenumber.telephony.twilio.TwilioCallControl;
import org.onenumber.telephony.twilio.TwilioCheckIns;
import org.onenumber.telephony.twilio.TwilioVoiceApi;
import org.onenumber.telephony.twilio.TwilioVoiceCalls;
import org.onenumber.telephony.twilio.TwilioVoiceIvr;
import org.onenumber.telephony.twilio.TwilioVoiceLegs;
import org.onenumber.telephony.twilio.TwilioVoiceRouting;
import org.onenumber.telephony.twilio.TwilioVoiceSignatures;
import org.onenumber.telephony.twilio.VoiceTwiml;
import org.onenumber.telephony.twilio.VoiceUrls;

/**
 * Wires Twilio Voice. REST calls to Twilio run on virtual threads named {@code twilio-voice-N}, never
 * on an event loop; routing events reach the adapter through a subscription to the event publisher.
 * Without an account every voice webhook is refused (403) and no call is ever carried. Webhook URLs
 * given to Twilio are absolute: {@code onenumber.public-url}, or else the server's own URL. Operators'
 * lines come from {@link AgentDevices} when the server has one, else each agent's Twilio client.
 */
@Factory
final class TwilioVoiceFactory {

  private final ExecutorService rest = Executors.newThreadPerTaskExecutor(
      Thread.ofVirtual().name("twilio-voice-", 0).factory());

  @Singleton
  TwilioVoiceSignatures twilioVoiceSignatures(TwilioVoiceConfig config) {
    return new TwilioVoiceSignatures(config.configured() ? config.authToken : "", config.publicUrl);
  }

  /** The Twilio calls carried, kept in table {@code twilio_calls} so they survive a restart. */
  @Singleton
  @io.micronaut.context.annotation.Bean(preDestroy = "close")
  TwilioVoiceCalls twilioVoiceCalls(JdbcTwilioCalls store) {
    return new TwilioVoiceCalls(store);
  }

  @Singleton
  VoiceTwiml voiceTwiml(TwilioVoiceConfig config, Provider<EmbeddedServer> server) {
    VoiceUrls urls = new VoiceUrls(() -> config.publicUrl.isBlank() ? server.get().getURL().toString() : config.publicUrl);
    return new VoiceTwiml(urls, new VoiceTwiml.Settings(config.holdMusic, config.ringSeconds, config.callerId));
  }

  @Singleton
  TwilioVoiceApi twilioVoiceApi(TwilioVoiceConfig config) {
    return new TwilioVoiceApi(config.configured() ? config.accountSid : "AC-not-configured",
        config.configured() ? config.authToken : "not-configured", URI.create(config.apiBase));
  }

  /** Subscribed at start so that no offer for a Twilio call is missed. */
  @Context
  TwilioVoiceRouting twilioVoiceRouting(TwilioVoiceCalls calls, VoiceTwiml twiml, TwilioVoiceApi api,
      Optional<AgentDevices> devices, VertxEventPublisher events) {
    TwilioVoiceRouting routing = new TwilioVoiceRouting(calls, twiml, api, devices(devices), rest);
    events.subscribe(routing::on);
    return routing;
  }

  @Singleton
  TwilioVoiceIvr twilioVoiceIvr(TwilioVoiceConfig config, VoiceTwiml twiml, TwilioVoiceCalls calls, OpenContact open,
      RouteContact routing, TwilioVoiceRouting events, MessageGateway texts, JdbcCitizenRegistry citizens,
      org.onenumber.core.port.in.ServeSelf selfService, JdbcHeardAnswers heard) {
    RecordingPolicy recording = new RecordingPolicy(citizens,
        config.recordQueues.stream().map(QueueId::new).collect(Collectors.toSet()));
    return new TwilioVoiceIvr(twiml, calls, open, routing, events, texts, config.videoLink, recording, selfService,
        heard);
  }

  /**
   * A senior who presses 2 stays on the line in the check-in queue at the check-in priority, the
   * same settings as Asterisk's ({@code onenumber.telephony.asterisk.agi.check-in-queue}/{@code -priority}).
   */
  @Singleton
  TwilioCheckIns twilioCheckIns(VoiceTwiml twiml, Provider<RecordCheckIn> welfare, OpenContact open,
      TwilioVoiceCalls calls, TwilioVoiceRouting routing, TwilioVoiceLegs legs,
      @io.micronaut.context.annotation.Value("${onenumber.telephony.asterisk.agi.check-in-queue:welfare-outbound}")
      String queue,
      @io.micronaut.context.annotation.Value("${onenumber.telephony.asterisk.agi.check-in-priority:80}") int priority) {
    return new TwilioCheckIns(twiml, new LazyCheckIns(welfare),
        new TwilioCheckIns.Talk(open, calls, routing, legs, new QueueId(queue), priority));
  }

  /** The happy-call survey calls' keys and ends, to the happy-call program. */
  @Singleton
  org.onenumber.telephony.twilio.TwilioHappyCalls twilioHappyCalls(VoiceTwiml twiml,
      Provider<org.onenumber.core.port.in.RecordHappyCallAnswer> happyCalls) {
    return new org.onenumber.telephony.twilio.TwilioHappyCalls(twiml, new LazyHappyCallAnswers(happyCalls));
  }

  @Singleton
  TwilioVoiceLegs twilioVoiceLegs(VoiceTwiml twiml, TwilioVoiceCalls calls, RouteContact routing) {
    return new TwilioVoiceLegs(twiml, calls, routing);
  }

  /**
   * Created at start: the consult legs a restart left in Twilio's conferences ({@code
   * twilio_consult_legs}) are hung up at once, on a REST thread.
   */
  @Context
  TwilioCallControl twilioCallControl(TwilioVoiceConfig config, TwilioVoiceCalls calls, VoiceTwiml twiml,
      TwilioVoiceApi api, Optional<AgentDevices> devices, RouteContact routing, JdbcConsultLegs legs) {
    TwilioCallControl control = new TwilioCallControl(calls, twiml, api, devices(devices), routing, rest,
        config.callerId, legs);
    rest.execute(control::endConsultLegsLeftByARestart);
    return control;
  }

  private static AgentDevices devices(Optional<AgentDevices> devices) {
    return devices.orElseGet(() -> new AgentDevices() {
      @Override
      public Optional<String> deviceOf(org.onenumber.core.agent.AgentId agent) {
        return Optional.empty();
      }

      @Override
      public Optional<org.onenumber.core.agent.AgentId> agentAt(String device) {
        return Optional.empty();
      }
    });
  }

  @PreDestroy
  void stop() {
    rest.shutdownNow();
  }
}
