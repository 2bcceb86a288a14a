package org.onenumber.server.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.onenumber.server.TestDatabases;

/**
 * Settings of a test cluster's server JVMs: one PostgreSQL, {@code onenumber.cluster.enabled}, and a
 * Hazelcast membership of their own (a cluster name and free loopback ports, each node listing all),
 * so that clusters of tests running side by side never join each other.
 */
final class ClusterNodes {

  private ClusterNodes() {}

  /** One map of properties per node name, in order. */
  static List<Map<String, String>> properties(String url, List<String> nodes) {
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      ports.add(freePort());
    }
    String members = ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    String name = "it-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100_000;
    List<Map<String, String>> all = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      Map<String, String> properties = new HashMap<>(Map.of("datasources.default.url", url,
          "datasources.default.driver-class-name", "org.postgresql.Driver",
          "datasources.default.username", TestDatabases.PG_USER, "datasources.default.password",
          TestDatabases.PG_PASSWORD, "onenumber.rate-limits.intake-per-minute", "1000000",
          "onenumber.rate-limits.chat-per-minute", "1000000"));
      properties.putAll(Map.of("onenumber.cluster.enabled", "true", "onenumber.cluster.node-id", nodes.get(i),
          "onenumber.cluster.name", name, "onenumber.cluster.members", members,
          "onenumber.cluster.port", String.valueOf(ports.get(i))));
      all.add(properties);
    }
    return all;
  }

  /** Two cluster nodes (not started) on a fresh PostgreSQL database named after {@code database}. */
  static List<ServerProcess> twoNodes(String database) throws IOException {
    Path dir = Files.createTempDirectory("onenumber-" + database);
    List<Map<String, String>> settings = properties(TestDatabases.freshPostgres(database), List.of("node-a", "node-b"));
    return List.of(new ServerProcess(Files.createDirectories(dir.resolve("a")), settings.get(0)),
        new ServerProcess(Files.createDirectories(dir.resolve("b")), settings.get(1)));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
