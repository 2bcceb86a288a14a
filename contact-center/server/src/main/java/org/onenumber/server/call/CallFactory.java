package org.onenumber.server.call;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.vertx.core.Vertx;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.random.RandomGenerator;
import org.onenumber.channels.call.CallClaims;
import org.onenumber.channels.call.CallSignalling;
import org.onenumber.channels.call.CallTimers;
import org.onenumber.channels.call.CallTokens;
import org.onenumber.channels.call.CallsElsewhere;
import org.onenumber.channels.call.IceServers;
import org.onenumber.core.port.in.OpenContact;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.core.port.out.Directory;
import org.onenumber.server.casework.DepartmentCallInvites;
import org.onenumber.server.cluster.RoutingOwnership;
import org.onenumber.server.config.ServerTime;
import org.onenumber.server.events.HazelcastMembers;
import org.onenumber.server.events.VertxEventPublisher;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.routing.CallInvites;
import org.onenumber.server.routing.RoutingHost;

/**
 * Wires the call signalling: intake opens the contacts, routing hears hang-ups (handed over without
 * waiting; what follows their journal runs on the blocking executor), quality summaries
 * go to {@link JdbcCallQuality}, a third party's joining and leaving to {@link JdbcCallPartyJournal},
 * invitations to the invited operator's console through {@link CallInvites} (to a department's
 * staff through {@link DepartmentCallInvites}); in a cluster a call's frames from sockets on other nodes
 * reach it through {@link ClusterCalls} (which hears from {@link HazelcastMembers} when a call's home left the
 * cluster, and when this node merged back after being cut off), each call's home is claimed in the shared
 * database ({@link JdbcCallClaims}: a home frozen while another node took its call over gives it up), and its resume tokens are signed with a key derived from the JWT
 * secret every node shares ({@link CallTokens}), so that a citizen can resume on any node. Settings: {@code onenumber.call.reconnect-grace} (default 30 s; a
 * Vert.x timer that hands over to the blocking executor), {@code onenumber.call.stun-urls} and
 * {@code turn-urls} (comma-separated; empty: host candidates only), {@code turn-secret} (coturn's
 * {@code static-auth-secret}; time-limited credentials per call), {@code turn-credential-ttl} and
 * {@code ice-transport-policy} ({@code all}, or {@code relay}: TURN-relayed media only).
 */
@Factory
final class CallFactory {

  @Singleton
  CallSignalling callSignalling(OpenContact open, RoutingHost routing, ContactJournal journal, Directory directory,
      JdbcCallQuality quality, JdbcCallPartyJournal parties, CallInvites invites, DepartmentCallInvites departments,
      Vertx vertx, @Named(TaskExecutors.BLOCKING) ExecutorService executor,
      InstantSource clock, RandomGenerator random, CallSignalling.Settings settings, ServerTime time, JsonMapper json,
      VertxEventPublisher events, HazelcastMembers members, CallClaims claims, RoutingOwnership ownership, @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String jwtSecret) {
    CallTimers timers = (delay, task) -> {
      long id = vertx.setTimer(time.wallMillis(delay), t -> executor.execute(task));
      return () -> vertx.cancelTimer(id);
    };
    EngineCallRouting calls = new EngineCallRouting(routing, directory, invites, departments, journal, executor);
    CallsElsewhere elsewhere = CallsElsewhere.NONE;
    if (vertx.isClustered()) {
      ClusterCalls cluster = new ClusterCalls(vertx, json, executor, events.node(), members::localMember,
          () -> ClusterCalls.minority(members.count(), ownership.liveNodes()));
      members.onMemberLeft(cluster::memberLeft);
      members.onMerge(cluster::merging, cluster::merged);
      elsewhere = cluster;
    }
    CallTokens tokens = vertx.isClustered() ? CallTokens.shared(jwtSecret, random) : CallTokens.ofThisProcess(random);
    return new CallSignalling(open, calls, journal, timers, quality, parties, settings, clock, random, elsewhere,
        tokens, claims);
  }

  /** Each call's home claimed in the shared database in a cluster ({@link JdbcCallClaims}); one node alone claims nothing. */
  @Singleton
  CallClaims callClaims(Vertx vertx, Jdbc jdbc, InstantSource clock, RoutingOwnership ownership) {
    return vertx.isClustered() ? new JdbcCallClaims(jdbc, clock, ownership.node()) : CallClaims.NONE;
  }

  @Singleton
  CallSignalling.Settings callSettings(@Value("${onenumber.call.reconnect-grace:30s}") Duration grace,
      @Value("${onenumber.call.stun-urls:}") List<String> stun, @Value("${onenumber.call.turn-urls:}") List<String> turn,
      @Nullable @Value("${onenumber.call.turn-secret:}") String secret,
      @Value("${onenumber.call.turn-credential-ttl:1h}") Duration ttl,
      @Value("${onenumber.call.ice-transport-policy:all}") String policy) {
    return new CallSignalling.Settings(grace, new IceServers(blankless(stun), blankless(turn), secret, ttl), policy);
  }

  private static List<String> blankless(List<String> urls) {
    return urls.stream().map(String::strip).filter(u -> !u.isEmpty()).toList();
  }
}
