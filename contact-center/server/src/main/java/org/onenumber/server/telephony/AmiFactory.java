package org.onenumber.server.telephony;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.onenumber.core.port.in.RouteContact;
import org.onenumber.core.port.out.AgentDevices;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcCitizenRegistry;
import org.onenumber.server.persistence.JdbcContactJournal;
import org.onenumber.server.routing.RoutingHost;
import org.onenumber.telephony.asterisk.AmiSettings;
import org.onenumber.telephony.asterisk.AsteriskAmi;
import org.onenumber.telephony.asterisk.AsteriskCallControl;
import org.onenumber.telephony.asterisk.AsteriskCallMonitoring;
import org.onenumber.telephony.asterisk.AsteriskCalls;
import org.onenumber.telephony.asterisk.RestartSweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the Asterisk AMI side. Configuration ({@code onenumber.telephony.asterisk.ami.*}): {@code
 * host} (default 127.0.0.1), {@code port} (5038), {@code username}, {@code secret} — AMI stays off
 * while no username is set —, {@code min-backoff}/{@code max-backoff} (200ms/30s), {@code
 * accept-on-dial-end} (false: the FastAGI session reports answers). Recording: {@code
 * onenumber.telephony.recording.queues} (comma-separated queue ids, {@code *} for all; empty: never),
 * {@code retention-days} (90), {@code directory} (where the server reads Asterisk's recordings).
 * The server starts and serves every other channel whether Asterisk is up or not.
 */
@Factory
final class AmiFactory {

  private static final Logger LOG = LoggerFactory.getLogger(AmiFactory.class);

  /**
   * The registry of calls carried on Asterisk, shared by the FastAGI IVR and the AMI side, kept in
   * table {@code asterisk_calls} for the restart sweep.
   */
  @Singleton
  @Named("asteriskCalls")
  @Bean(preDestroy = "close")
  AsteriskCalls asteriskCalls(JdbcCarriedCalls store, InstantSource clock) {
    return new AsteriskCalls(store, clock);
  }

  /**
   * The restart sweep, run when the server starts (its case 1: calls of the previous run that were
   * waiting are abandoned at once); its case 2 runs at the first AMI reconcile.
   */
  @Context
  RestartSweep restartSweep(JdbcCarriedCalls store, @Named("asteriskCalls") AsteriskCalls calls,
      Provider<RoutingHost> host, InstantSource clock) {
    RestartSweep sweep = new RestartSweep(store, calls, routing(host), clock);
    try {
      sweep.start();
    } catch (RuntimeException e) {
      LOG.error("the Asterisk restart sweep failed; calls of the previous run stay open: {}", e.getMessage());
    }
    return sweep;
  }

  @Singleton
  AmiSettings amiSettings(
      @Value("${onenumber.telephony.asterisk.ami.host:127.0.0.1}") String host,
      @Value("${onenumber.telephony.asterisk.ami.port:5038}") int port,
      @Value("${onenumber.telephony.asterisk.ami.username:}") String username,
      @Value("${onenumber.telephony.asterisk.ami.secret:}") String secret,
      @Value("${onenumber.telephony.asterisk.ami.min-backoff:200ms}") Duration minBackoff,
      @Value("${onenumber.telephony.asterisk.ami.max-backoff:30s}") Duration maxBackoff,
      @Value("${onenumber.telephony.asterisk.ami.accept-on-dial-end:false}") boolean acceptOnDialEnd) {
    return new AmiSettings(host, port, username, secret, minBackoff, maxBackoff, Duration.ofSeconds(5),
        acceptOnDialEnd, AmiSettings.Dialplan.DEFAULT);
  }

  @Singleton
  RecordingFiles recordingFiles(@Value("${onenumber.telephony.recording.directory:}") String directory) {
    return new RecordingFiles(directory);
  }

  @Singleton
  JdbcCallRecordings callRecordings(Jdbc jdbc, JdbcContactJournal journal, JdbcCitizenRegistry citizens,
      @Value("${onenumber.telephony.recording.queues:}") String queues) {
    Set<String> ids = Arrays.stream(queues.split(",")).map(String::strip).filter(s -> !s.isEmpty())
        .collect(Collectors.toSet());
    return new JdbcCallRecordings(jdbc, journal, citizens, ids);
  }

  @Singleton
  RecordingRetention recordingRetention(JdbcCallRecordings recordings, RecordingFiles files, InstantSource clock,
      @Value("${onenumber.telephony.recording.retention-days:90}") int days) {
    return new RecordingRetention(recordings, files, Duration.ofDays(days), clock);
  }

  /**
   * The AMI side, connecting in the background. Routing is looked up lazily, so a routing host that
   * itself needs the call controls (callbacks, conference) does not make a dependency cycle.
   */
  @Singleton
  @Bean(preDestroy = "close")
  AsteriskAmi asteriskAmi(AmiSettings settings, @Named("asteriskCalls") AsteriskCalls calls, AgentDevices devices,
      Provider<RoutingHost> host, JdbcCallRecordings recordings, InstantSource clock, RestartSweep sweep,
      io.vertx.core.Vertx vertx, Provider<org.onenumber.core.port.in.RecordCheckIn> welfare,
      Provider<org.onenumber.core.port.in.RecordHappyCallAnswer> happyCalls) {
    return new AsteriskAmi(settings, calls, devices, routing(host), recordings, clock, sweep)
        .onOriginateFailed(new OriginateFailures(vertx, new LazyCheckIns(welfare), new LazyHappyCallAnswers(happyCalls)))
        .start();
  }

  private static RouteContact routing(Provider<RoutingHost> host) {
    return new RouteContact() {
      @Override
      public Decisions route(RoutingCommand command) {
        return host.get().route(command);
      }

      @Override
      public void routeLater(RoutingCommand command) {
        host.get().routeLater(command);
      }

      @Override
      public java.util.concurrent.CompletionStage<Decisions> routeUntilJournaled(RoutingCommand command) {
        return host.get().routeUntilJournaled(command);
      }
    };
  }

  @Singleton
  AsteriskCallControl asteriskCallControl(AsteriskAmi ami) {
    return ami.callControl();
  }

  @Singleton
  AsteriskCallMonitoring asteriskCallMonitoring(AsteriskAmi ami) {
    return ami.callMonitoring();
  }
}
