package org.onenumber.server.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PfxOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.agent.ChannelCapacity;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.events.DomainEventWire;

/**
 * The cluster's event bus is authenticated (issue 11): a server node runs its bus with TLS and client
 * certificates from stores made by keytool as docs/integrate.md says. Processes of this test JVM join its
 * Hazelcast membership (the open-source edition lets any process with the cluster's name in) and ask the
 * owner to route a command on {@code onenumber.routing.commands} (an operator's log-in): one holding a
 * certificate of the cluster's CA gets the owner's decisions and its operator is logged in; one whose
 * certificate another CA signed, and one without TLS, see the owner's handler (not "no handlers") and
 * cannot deliver to it: their operator stays offline. Before, anything that joined
 * Hazelcast could send the owner routing commands.
 */
class ClusterBusTlsIT {

  private static final String COMMANDS = "onenumber.routing.commands";

  private final ClusterClients clients = new ClusterClients();

  @Test
  void aProcessWithoutTheClusterCertificateCannotDeliverARoutingCommandToTheOwner() throws Exception {
    Path dir = Files.createTempDirectory("onenumber-bus-tls");
    ClusterCertificates cluster = new ClusterCertificates(dir, "cluster-ca");
    Path ownerKeys = cluster.node("node-a");
    Path memberKeys = cluster.node("node-b");
    Path strangerKeys = new ClusterCertificates(dir, "other-ca").node("stranger");
    Map<String, String> settings = new HashMap<>(ClusterNodes.properties(
        TestDatabases.freshPostgres("cluster_bus_tls"), List.of("node-a")).get(0));
    settings.putAll(ClusterCertificates.settings(ownerKeys, cluster.trustStore()));
    ServerProcess owner = new ServerProcess(Files.createDirectories(dir.resolve("a")), settings);
    String name = settings.get("onenumber.cluster.name");
    List<String> members = Arrays.asList(settings.get("onenumber.cluster.members").split(","));
    Vertx member = null;
    Vertx stranger = null;
    Vertx plain = null;
    try {
      owner.start();
      assertTrue(owner.log().contains("TLS with client certificates"), "the owner's bus is TLS");
      member = join(name, members, memberKeys, cluster.trustStore());
      Vertx trusted = member;
      byte[] logInOne = logIn("op-001");
      await("a node with the cluster's certificate reaches the owner").atMost(Duration.ofSeconds(30))
          .ignoreExceptions().until(() -> reached(trusted, logInOne));
      assertEquals("AVAILABLE", state(owner, "op-001"), "the owner ran the member's command");

      stranger = join(name, members, strangerKeys, cluster.trustStore());
      plain = join(name, members, null, null);
      byte[] logInTwo = logIn("op-002");
      for (Vertx outsider : List.of(stranger, plain)) {
        for (int attempt = 0; attempt < 3; attempt++) {
          ExecutionException refused = assertThrows(ExecutionException.class, () -> request(outsider, logInTwo));
          System.out.println("an outsider's routing command: " + refused.getCause());
          if (refused.getCause() instanceof ReplyException reply) {
            assertNotEquals(ReplyFailure.NO_HANDLERS, reply.failureType(), "it sees the owner's handler");
            assertNotEquals(ReplyFailure.RECIPIENT_FAILURE, reply.failureType(), "the owner never ran it");
          }
        }
      }
      assertEquals("OFFLINE", state(owner, "op-002"), "the owner never ran an outsider's log-in");
    } finally {
      for (Vertx vertx : Arrays.asList(member, stranger, plain)) {
        if (vertx != null) {
          vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
      }
      owner.stop();
    }
  }

  /** A routing command logging {@code agent} in to the demo's Korean messaging queue, as wire bytes. */
  private static byte[] logIn(String agent) {
    QueueId queue = new QueueId(SimulatedOperators.QUEUE);
    return DomainEventWire.writeCore(new RoutingCommand.LogIn(new Agent(new AgentId(agent), agent, Set.of(),
        Set.of(Language.of("ko")), new ChannelCapacity(3), Set.of(queue), AgentState.OFFLINE, null), Set.of(queue), null));
  }

  /** {@code agent}'s routing state, as the owner's {@code /work} answers it. */
  private String state(ServerProcess owner, String agent) throws Exception {
    Map<?, ?> work = (Map<?, ?>) clients.get(owner.uri(), "/api/v1/agents/" + agent + "/work", clients.token(owner.uri(), agent));
    return (String) ((Map<?, ?>) work.get("agent")).get("state");
  }

  /**
   * True when the owner ran {@code command}: its decisions came back, or the owner refused it as a repeat (an
   * earlier try's reply came after its 3 s send timeout on a loaded machine, and the agent is logged in since).
   */
  private static boolean reached(Vertx vertx, byte[] command) throws Exception {
    try {
      return DomainEventWire.readCore(request(vertx, command), Decisions.class) != null;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
        return true;
      }
      throw e;
    }
  }

  private static byte[] request(Vertx vertx, byte[] command) throws Exception {
    return vertx.eventBus().<Buffer>request(COMMANDS, Buffer.buffer(command), new DeliveryOptions().setSendTimeout(3000))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).body().getBytes();
  }

  /** A process of this JVM joining the cluster's membership, its bus TLS with {@code keys} when given. */
  private static Vertx join(String name, List<String> members, Path keys, Path trust) throws Exception {
    Config config = new Config().setClusterName(name);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.socket.bind.any", "false");
    NetworkConfig network = config.getNetworkConfig().setPort(freePort()).setPortAutoIncrement(true);
    network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    network.getJoin().getMulticastConfig().setEnabled(false);
    network.getJoin().getAutoDetectionConfig().setEnabled(false);
    network.getJoin().getTcpIpConfig().setEnabled(true).setMembers(members);
    VertxOptions options = new VertxOptions();
    options.getEventBusOptions().setHost("127.0.0.1").setPort(0).setClusterPublicHost("127.0.0.1");
    if (keys != null) {
      options.getEventBusOptions().setSsl(true).setClientAuth(ClientAuth.REQUIRED)
          .setKeyCertOptions(new PfxOptions().setPath(keys.toString())
              .setPassword(ClusterCertificates.PASSWORD))
          .setTrustOptions(new PfxOptions().setPath(trust.toString())
              .setPassword(ClusterCertificates.PASSWORD));
    }
    return Vertx.builder().with(options).withClusterManager(new HazelcastClusterManager(config)).buildClustered()
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
