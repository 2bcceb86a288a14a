package org.onenumber.server.telephony;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.vertx.core.Vertx;
import jakarta.inject.Named;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.onenumber.core.port.in.OpenContact;
import org.onenumber.server.admission.IntakeAdmission;
import org.onenumber.server.admission.IntakeKind;
import org.onenumber.core.port.out.MessageGateway;
import org.onenumber.server.events.VertxEventPublisher;
import org.onenumber.server.intake.IntakeToRouting;
import org.onenumber.server.routing.RoutingHost;
import org.onenumber.telephony.asterisk.AgiIvrServer;
import org.onenumber.telephony.asterisk.AsteriskCalls;
import org.onenumber.telephony.asterisk.CallerNumbers;
import org.onenumber.telephony.asterisk.CheckIns;
import org.onenumber.telephony.asterisk.Ivr;
import org.onenumber.telephony.asterisk.IvrSettings;
import org.onenumber.telephony.asterisk.OrphanOffers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the Asterisk FastAGI IVR on the one {@link AsteriskCalls} registry of this node (the bean
 * {@code asteriskCalls} of {@link AmiFactory}, shared with the AMI side): when {@code
 * onenumber.telephony.asterisk.agi.enabled} is true, the FastAGI server on {@code agi.bind}:{@code agi.port} (loopback:4573 by default) started with the server
 * ({@code agi.warm-sessions}, default 50, session threads started at once and kept idle),
 * fed by intake (its contacts handed to routing as journaled, {@link org.onenumber.server.intake.IntakeToRouting}), routing, the operators' devices and callers' languages from the database, and
 * the routing events forwarded to each call's session, its ring path timed ({@link RingMeters}). If the port cannot be bound the server
 * still starts (every other channel works) and says so at ERROR level.
 */
@Factory
final class AgiFactory {

  private static final Logger LOG = LoggerFactory.getLogger(AgiFactory.class);

  private static final String AGI = "onenumber.telephony.asterisk.agi";

  @Context
  @Bean(preDestroy = "close")
  @Requires(property = AGI + ".enabled", value = "true")
  AgiIvrServer agiIvrServer(IntakeToRouting intake, IntakeAdmission admission, RoutingHost routing, JdbcAgentDevices devices,
      @Named("asteriskCalls") AsteriskCalls calls,
      JdbcCallerLanguages languages, MessageGateway sms, Vertx vertx, VertxEventPublisher events,
      io.micrometer.core.instrument.MeterRegistry meters, org.onenumber.server.config.ServerTime time,
      org.onenumber.core.port.in.ServeSelf selfService,
      jakarta.inject.Provider<org.onenumber.core.port.in.RecordCheckIn> welfare,
      jakarta.inject.Provider<org.onenumber.core.port.in.RecordHappyCallAnswer> happyCalls,
      @Value("${" + AGI + ".check-in-queue:welfare-outbound}") String checkInQueue,
      @Value("${" + AGI + ".check-in-priority:80}") int checkInPriority,
      @Value("${" + AGI + ".bind:127.0.0.1}") String bind,
      @Value("${" + AGI + ".port:4573}") int port,
      @Value("${" + AGI + ".max-sessions:1000}") int maxSessions,
      @Value("${" + AGI + ".warm-sessions:50}") int warmSessions,
      @Value("${" + AGI + ".ring-timeout:15s}") Duration ringTimeout,
      @Value("${" + AGI + ".region:KR}") String region,
      @Value("${" + AGI + ".sign-language-link:https://onenumber.example/call/}") String signLanguageLink)
      throws UnknownHostException {
    IvrSettings d = IvrSettings.defaults();
    IvrSettings settings = new IvrSettings(InetAddress.getByName(bind), port, maxSessions, d.idleThreadKeepAlive(),
        ringTimeout, d.digitTimeout(), d.menuAttempts(), d.hangupProbe(), d.controlGrace(), d.mohClass(),
        d.answeredContext(), signLanguageLink);
    calls.timeRingsWith(new RingMeters(meters));
    new RoutedEventForwarder(vertx, events, calls, new OrphanOffers(calls, routing), time);
    // Calls becoming contacts take a place in the CALL lane (issue 17): one more than its limit at
    // once hears "all lines are busy" and is hung up, instead of parking a session thread behind the
    // database's pool. The contact is handed to routing as journaled (IntakeToRouting, session 20).
    OpenContact admitted = command -> {
      try (IntakeAdmission.Permit permit = admission.enter(IntakeKind.CALL)) {
        return intake.open(command);
      }
    };
    AgiIvrServer server = new AgiIvrServer(new Ivr(admitted, routing, devices, calls, languages, sms,
        new CallerNumbers(region), settings, selfService), Math.min(warmSessions, maxSessions),
        new CheckIns(new LazyCheckIns(welfare), new org.onenumber.core.directory.QueueId(checkInQueue), checkInPriority,
            new LazyHappyCallAnswers(happyCalls)));
    try {
      return server.start();
    } catch (RuntimeException e) {
      // Every other channel keeps working; the phone line does not answer until restarted.
      LOG.error("the FastAGI IVR could not start; calls to the one number are not answered: {}", e.getMessage());
      return server;
    }
  }
}
