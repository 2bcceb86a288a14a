package org.onenumber.server.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's HAProxy in front of test nodes, configured by the project's own {@code bin/haproxy-config}
 * (so the tests run the configuration an operator deploys): it listens on a free loopback port,
 * connects to the nodes from {@link #SOURCE} (the nodes' {@code onenumber.trusted-proxies}), and
 * serves its stats page on another free port, read as CSV for the servers' states. Its output goes
 * to {@code target/haproxy-<port>.log}. {@link #close} stops it.
 */
final class Haproxy implements AutoCloseable {

  static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
  /** The address HAProxy connects to the nodes from; clients connect from 127.0.0.1. */
  static final String SOURCE = "127.0.0.2";
  private static final Duration START = Duration.ofSeconds(20);

  private final Process process;
  private final String scheme;
  private final int port;
  private final int statsPort;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private Haproxy(Process process, String scheme, int port, int statsPort) {
    this.process = process;
    this.scheme = scheme;
    this.port = port;
    this.statsPort = statsPort;
  }

  /**
   * Skips the calling test when HAProxy is not installed, except in CI ({@code CI} set), where its
   * absence fails: {@code bin/prereqs} installs it.
   */
  static void requireInstalled() {
    boolean installed = Files.isExecutable(HAPROXY);
    if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
      assertTrue(installed, "haproxy is not installed in CI: bin/prereqs installs it (apt-get install haproxy)");
    }
    Assumptions.assumeTrue(installed, "haproxy is not installed (apt-get install haproxy, or bin/prereqs)");
  }

  /**
   * Starts HAProxy in front of {@code nodes} (name → node URI, in order); {@code arrivalsPartition}
   * (null: none) sends Twilio's webhooks to the node routing that partition.
   */
  static Haproxy start(Map<String, URI> nodes, String arrivalsPartition) throws IOException, InterruptedException {
    return start(nodes, arrivalsPartition, freePort(), "http", List.of());
  }

  /**
   * Starts HAProxy terminating TLS on {@code port} with {@code pem} (certificate and key), and a
   * plain-HTTP listener on {@code redirectPort} that sends everything to https.
   */
  static Haproxy startTls(Map<String, URI> nodes, int port, Path pem, int redirectPort)
      throws IOException, InterruptedException {
    return start(nodes, null, port, "https", List.of("--tls", pem.toString(), "--redirect", "127.0.0.1:" + redirectPort));
  }

  private static Haproxy start(Map<String, URI> nodes, String arrivalsPartition, int port, String scheme,
      List<String> options) throws IOException, InterruptedException {
    int statsPort = freePort();
    List<String> command = new ArrayList<>(List.of(repositoryRoot().resolve("bin/haproxy-config").toString(),
        "--bind", "127.0.0.1:" + port, "--stats", "127.0.0.1:" + statsPort, "--source", SOURCE));
    if (arrivalsPartition != null) {
      command.addAll(List.of("--arrivals", arrivalsPartition));
    }
    command.addAll(options);
    nodes.forEach((name, uri) -> command.add(name + "=127.0.0.1:" + uri.getPort()));
    Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
    Path config = target.resolve("haproxy-" + port + ".cfg");
    Process generate = new ProcessBuilder(command).redirectOutput(config.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    if (generate.waitFor() != 0) {
      throw new IllegalStateException("bin/haproxy-config failed: " + command);
    }
    Path log = target.resolve("haproxy-" + port + ".log");
    Process process = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", config.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Haproxy haproxy = new Haproxy(process, scheme, port, statsPort);
    haproxy.awaitListening(log);
    return haproxy;
  }

  /** The front door: where citizens, Twilio and operators connect. */
  URI uri() {
    return URI.create(scheme + "://127.0.0.1:" + port);
  }

  /**
   * Each server's state as HAProxy's stats page says it ({@code "nodes/node-a"} → {@code UP}, {@code
   * DOWN}, {@code UP 1/2} while a check fails, {@code DOWN 1/2} while one passes…); empty when the
   * page does not answer.
   */
  Map<String, String> states() {
    return column("status");
  }

  /** Sessions HAProxy sent to each server so far ({@code stot}). */
  Map<String, Long> sessions() {
    Map<String, Long> sessions = new HashMap<>();
    column("stot").forEach((server, n) -> sessions.put(server, n.isEmpty() ? 0 : Long.parseLong(n)));
    return sessions;
  }

  private Map<String, String> column(String name) {
    Map<String, String> values = new LinkedHashMap<>();
    try {
      HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort
          + "/stats;csv")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
      String[] lines = csv.body().split("\n");
      List<String> header = List.of(lines[0].replaceFirst("^# ", "").split(",", -1));
      int column = header.indexOf(name);
      for (int i = 1; i < lines.length; i++) {
        String[] row = lines[i].split(",", -1);
        if (row.length > column && !"FRONTEND".equals(row[1]) && !"BACKEND".equals(row[1])) {
          values.put(row[0] + "/" + row[1], row[column]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return values;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return values;
  }

  private void awaitListening(Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("haproxy exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        process.waitFor(100, TimeUnit.MILLISECONDS);
      }
    }
    close();
    throw new IllegalStateException("haproxy did not listen within " + START + ":\n" + Files.readString(log));
  }

  /** The checkout's root: the first directory up from here that holds {@code bin/haproxy-config}. */
  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isExecutable(dir.resolve("bin/haproxy-config"))) {
        return dir;
      }
    }
    throw new IllegalStateException("bin/haproxy-config not found above " + Path.of("").toAbsolutePath());
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
