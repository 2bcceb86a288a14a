package org.onenumber.server.faults;

import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.routing.RoutingHost;

/**
 * The cluster the fault scenarios start: named nodes on one fresh PostgreSQL database ({@link
 * ClusterNodes}' settings), either as one routing partition ({@link #onePartition}) or with the
 * partitions {@code city} (messaging-ko, general-ko) and {@code routing} and the demo seed's operators
 * each in one of them ({@link #partitioned}). The nodes run as server JVMs ({@link #processes}, killable)
 * or in this JVM ({@link #embedded}). {@link #close} stops whatever was started and may be called again.
 * Not thread-safe.
 */
final class TestCluster implements AutoCloseable {

  private final String url;
  private final Map<String, Map<String, String>> settings = new LinkedHashMap<>();
  private final Map<String, ServerProcess> processes = new LinkedHashMap<>();
  private final List<EmbeddedServer> embedded = new ArrayList<>();
  private Path dir;

  private TestCluster(String url, List<String> names, boolean partitioned) {
    this.url = url;
    List<Map<String, String>> cluster = ClusterNodes.properties(url, names);
    for (int i = 0; i < names.size(); i++) {
      Map<String, String> node = new HashMap<>(cluster.get(i));
      if (partitioned) {
        node.put("onenumber.cluster.partitions", PartitionFailoverPostgresIT.PARTITIONS);
        node.put("logger.levels.org.onenumber.server.routing.RoutingPartition", "INFO");
      }
      settings.put(names.get(i), node);
    }
  }

  /** Nodes routing the whole engine as one partition (one owner, the others standbys), on a fresh database. */
  static TestCluster onePartition(String database, String... names) {
    return new TestCluster(TestDatabases.freshPostgres(database), List.of(names), false);
  }

  /**
   * Nodes with the partitions {@code city} and {@code routing}, on a fresh database seeded with the
   * demo city whose operators each serve one partition ({@link PartitionFailoverPostgresIT#seedWithDisjointOperators}).
   */
  static TestCluster partitioned(String database, String... names) throws IOException {
    String url = TestDatabases.freshPostgres(database);
    PartitionFailoverPostgresIT.seedWithDisjointOperators(url);
    return new TestCluster(url, List.of(names), true);
  }

  /** Sets {@code key} on every node (before they start). */
  TestCluster with(String key, String value) {
    settings.values().forEach(node -> node.put(key, value));
    return this;
  }

  String url() {
    return url;
  }

  CrashSafetyIT.Database database() {
    return () -> DriverManager.getConnection(url, TestDatabases.PG_USER, TestDatabases.PG_PASSWORD);
  }

  /** The first column of {@code sql}'s rows, as text, with {@code parameter} for its one {@code ?}. */
  List<String> column(String sql, String parameter) throws java.sql.SQLException {
    List<String> values = new ArrayList<>();
    try (java.sql.Connection connection = database().open();
        java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (java.sql.ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
    }
    return values;
  }

  List<String> names() {
    return List.copyOf(settings.keySet());
  }

  /** The nodes as server JVMs (not started), by name, in order; each with its own data directory. */
  Map<String, ServerProcess> processes() throws IOException {
    if (processes.isEmpty()) {
      dir = Files.createTempDirectory("onenumber-cluster");
      for (Map.Entry<String, Map<String, String>> node : settings.entrySet()) {
        processes.put(node.getKey(), new ServerProcess(Files.createDirectories(dir.resolve(node.getKey())), node.getValue()));
      }
    }
    return processes;
  }

  /** The node {@code name} as a server JVM. */
  ServerProcess process(String name) throws IOException {
    return processes().get(name);
  }

  /**
   * Starts the first node until {@code /health} answers 200 (it routes every partition), then the
   * others together until they are alive (standbys, or taking their share of the partitions).
   */
  Map<String, ServerProcess> startProcesses() throws IOException, InterruptedException {
    List<ServerProcess> nodes = List.copyOf(processes().values());
    nodes.get(0).start();
    CompletableFuture.allOf(nodes.subList(1, nodes.size()).stream()
        .map(node -> CompletableFuture.runAsync(() -> ClusterFailoverIT.startAlive(node)))
        .toArray(CompletableFuture[]::new)).join();
    return processes;
  }

  /**
   * Starts the node {@code name} in this JVM, on a free port: started from a pool thread, Micronaut does not
   * deduce the test environment (whose port is -1) from the stack and took 8080, which two such tests side by
   * side then both wanted.
   */
  EmbeddedServer embedded(String name) throws IOException {
    Map<String, Object> properties = new HashMap<>(PartitionFailoverPostgresIT.properties(settings.get(name)));
    properties.put("micronaut.server.port", -1);
    EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
    embedded.add(server);
    return server;
  }

  /**
   * Waits (30 s at most) until each embedded node routes its fair share of {@link #partitioned}'s
   * two partitions: the first started {@code routing}, the second {@code city}.
   */
  void awaitEmbeddedShares() {
    RoutingHost first = embedded.get(0).getApplicationContext().getBean(RoutingHost.class);
    RoutingHost second = embedded.get(1).getApplicationContext().getBean(RoutingHost.class);
    await("each node routes its fair share").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
        .until(() -> first.routedHere().equals(List.of("routing")) && second.routedHere().equals(List.of("city")));
  }

  /** Stops every started node: server JVMs with SIGTERM, embedded ones by closing their context. */
  @Override
  public void close() throws InterruptedException {
    for (ServerProcess node : processes.values()) {
      node.stop();
    }
    for (EmbeddedServer server : embedded) {
      if (server.getApplicationContext().isRunning()) {
        server.getApplicationContext().close();
      }
    }
  }
}
