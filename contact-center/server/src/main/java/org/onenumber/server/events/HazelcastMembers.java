package org.onenumber.server.events;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.LifecycleEvent;
import io.micronaut.context.annotation.Value;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster profile's Hazelcast membership for the Vert.x event bus (Hazelcast holds only the bus's
 * member list and subscriptions; routing ownership is the PostgreSQL lease). Settings:
 *
 * <ul>
 *   <li>{@code onenumber.cluster.name} ({@code onenumber}): nodes with another name never join;
 *   <li>{@code onenumber.cluster.members} ({@code 127.0.0.1}): comma-separated {@code host} or {@code
 *       host:port} of the other nodes (TCP-IP join; multicast is off);
 *   <li>{@code onenumber.cluster.host} ({@code 127.0.0.1}): the address this node binds and announces,
 *       for Hazelcast and for the event bus;
 *   <li>{@code onenumber.cluster.port} ({@code 5701}): Hazelcast's port, the next free one above it
 *       when taken (the bus picks a free port);
 *   <li>{@code onenumber.cluster.heartbeat-limit} ({@code 60s}, Hazelcast's {@code max.no.heartbeat.seconds}): a
 *       member silent this long (frozen, cut off) is dropped by the others (the tests lower it to seconds;
 *       at least 3 s); heartbeats go every third of it, at most every 5 s (Hazelcast's default);
 *   <li>{@code onenumber.cluster.merge-every} ({@code 10s}, Hazelcast's {@code merge.first.run.delay.seconds} and
 *       {@code merge.next.run.delay.seconds}, 300 s and 120 s by default): how often the oldest member of each
 *       side of a split looks for the other side to merge with; a node woken from a freeze the others outlasted
 *       is a one-member cluster until then, and holds no call meanwhile ({@code CallsElsewhere.cutOff}).
 * </ul>
 *
 * {@link #localMember} and {@link #onMemberLeft} tell which member a node is and when one left (Hazelcast's
 * own member UUIDs; a killed node's loopback connections fail at once, so it is removed within seconds,
 * and the bus drops its subscriptions at the same event). Hazelcast's phone-home is off. Hazelcast's open-source edition cannot authenticate members (its TLS
 * and member authentication are Enterprise): a process that reaches the port with the cluster's name
 * joins the membership. What it could do there is bounded by the bus: the nodes' bus connections are TLS
 * with client certificates ({@link BusTls}), so it can neither send nor receive a message. Thread-safe
 * (used once, at start).
 */
@Singleton
public final class HazelcastMembers {

  private static final Logger LOG = LoggerFactory.getLogger(HazelcastMembers.class);
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(60);

  private final String name;
  private final List<String> members;
  private final String host;
  private final int port;
  private final BusTls tls;
  private final Duration heartbeatLimit;
  private final Duration mergeEvery;
  private volatile HazelcastClusterManager manager;

  HazelcastMembers(BusTls tls, @Value("${onenumber.cluster.name:onenumber}") String name,
      @Value("${onenumber.cluster.members:127.0.0.1}") String members,
      @Value("${onenumber.cluster.host:127.0.0.1}") String host,
      @Value("${onenumber.cluster.port:5701}") int port,
      @Value("${onenumber.cluster.heartbeat-limit:60s}") Duration heartbeatLimit,
      @Value("${onenumber.cluster.merge-every:10s}") Duration mergeEvery) {
    this.heartbeatLimit = heartbeatLimit;
    this.mergeEvery = mergeEvery;
    this.name = name;
    this.members = Arrays.stream(members.split(",")).map(String::trim).filter(m -> !m.isEmpty()).toList();
    this.host = host;
    this.port = port;
    this.tls = tls;
  }

  Config config() {
    Config config = new Config();
    config.setClusterName(name);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.wait.seconds.before.join", "1");
    long limit = Math.max(3, heartbeatLimit.toSeconds());
    config.setProperty("hazelcast.max.no.heartbeat.seconds", Long.toString(limit));
    config.setProperty("hazelcast.heartbeat.interval.seconds", Long.toString(Math.min(5, limit / 3)));
    String merge = Long.toString(Math.max(1, mergeEvery.toSeconds()));
    config.setProperty("hazelcast.merge.first.run.delay.seconds", merge);
    config.setProperty("hazelcast.merge.next.run.delay.seconds", merge);
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(port).setPortAutoIncrement(true);
    network.getInterfaces().setEnabled(true).addInterface(host);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(members);
    return config;
  }

  /** Starts a clustered Vert.x on this membership; blocks until it joined (at most a minute). */
  Vertx join(VertxOptions options) {
    options.getEventBusOptions().setHost(host).setPort(0).setClusterPublicHost(host);
    tls.apply(options.getEventBusOptions(), host);
    try {
      manager = new HazelcastClusterManager(config());
      Vertx vertx = Vertx.builder().with(options).withClusterManager(manager)
          .buildClustered().toCompletionStage().toCompletableFuture()
          .get(JOIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      LOG.info("event bus clustered as '{}' on {} (members {})", name, host, members);
      return vertx;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while joining the cluster", e);
    } catch (Exception e) {
      throw new IllegalStateException("could not join the event bus cluster '" + name + "' (members " + members
          + ", onenumber.cluster.members)", e);
    }
  }

  /** This node's member id (Hazelcast's UUID); empty before the bus joined or on one node alone. */
  public String localMember() {
    HazelcastClusterManager joined = manager;
    return joined == null ? "" : joined.getHazelcastInstance().getCluster().getLocalMember().getUuid().toString();
  }

  /** How many members this node's view of the cluster holds, itself included; 0 before the bus joined. */
  public int count() {
    HazelcastClusterManager joined = manager;
    return joined == null ? 0 : joined.getHazelcastInstance().getCluster().getMembers().size();
  }

  /**
   * Calls {@code merging} (on Hazelcast's event thread: hand work on) when this node starts merging back into the
   * cluster after a split (it was frozen or cut off and the others had dropped it; it already lists their
   * members, but its bus subscriptions have not reached them), and {@code merged} when the merge is done.
   */
  public void onMerge(Runnable merging, Runnable merged) {
    HazelcastClusterManager joined = manager;
    if (joined != null) {
      joined.getHazelcastInstance().getLifecycleService().addLifecycleListener(event -> {
        if (event.getState() == LifecycleEvent.LifecycleState.MERGING) {
          LOG.info("this node is merging back into the cluster");
          merging.run();
        } else if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
          LOG.info("this node merged back into the cluster");
          merged.run();
        }
      });
    }
  }

  /** Calls {@code listener} with a member's id (on Hazelcast's event thread: hand work on) when it left. */
  public void onMemberLeft(Consumer<String> listener) {
    HazelcastClusterManager joined = manager;
    if (joined == null) {
      return;
    }
    joined.getHazelcastInstance().getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {}

      @Override
      public void memberRemoved(MembershipEvent event) {
        listener.accept(event.getMember().getUuid().toString());
      }
    });
  }
}
