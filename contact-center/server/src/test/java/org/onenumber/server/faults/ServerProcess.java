package org.onenumber.server.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server as a child JVM (this JVM's class path, main class {@code Application}) on a given data
 * directory and database, so that a test can {@link #kill} it with SIGKILL and start another on
 * the same data. Output goes to {@code server-N.log} in the data directory. Not thread-safe.
 */
public final class ServerProcess implements AutoCloseable {

  public static final String ACCOUNT = "AC00000000000000000000000000000000";
  public static final String TOKEN = "test-auth-token-0123456789abcdef";
  static final String SECRET = "test-jwt-secret-0123456789abcdef0123456789abcdef";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final Path dataDir;
  private final Map<String, String> properties;
  private final int port;
  private Process process;
  private Path log;
  private int starts;

  /** @param properties extra system properties, such as {@code datasources.default.url} */
  public ServerProcess(Path dataDir, Map<String, String> properties) {
    this.dataDir = dataDir;
    this.properties = properties;
    this.port = freePort();
  }

  public URI uri() {
    return URI.create("http://localhost:" + port);
  }

  /** Starts a server and waits until {@code /health} answers 200; the log is in the failure. */
  public ServerProcess start() throws IOException, InterruptedException {
    return start("/health");
  }

  /**
   * Starts a cluster node that may be a standby ({@code /health} 503 {@code STANDBY}): waits until
   * {@code /health/liveness} answers 200.
   */
  public ServerProcess startAlive() throws IOException, InterruptedException {
    return start("/health/liveness");
  }

  private ServerProcess start(String healthPath) throws IOException, InterruptedException {
    starts++;
    log = dataDir.resolve("server-" + starts + ".log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", Boolean.getBoolean("faults.full-jit") ? "-XX:+UseParallelGC" : "-XX:TieredStopAtLevel=1",
        "-Donenumber.data-dir=" + dataDir, "-Dmicronaut.server.port=" + port,
        "-Dmicronaut.security.token.jwt.signatures.secret.generator.secret=" + SECRET,
        "-Donenumber.twilio.account-sid=" + ACCOUNT, "-Donenumber.twilio.auth-token=" + TOKEN,
        "-Donenumber.twilio.api-base=http://127.0.0.1:9"));
    properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.onenumber.server.Application"));
    process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    awaitHealthy(healthPath);
    return this;
  }

  private void awaitHealthy(String healthPath) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        HttpResponse<Void> health = http.send(HttpRequest.newBuilder(uri().resolve(healthPath))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // keep polling until the deadline
      }
      process.waitFor(200, TimeUnit.MILLISECONDS);
    }
    throw new IllegalStateException("server did not answer " + healthPath + " 200; log:\n" + Files.readString(log));
  }

  /** The server JVM's CPU time so far (user and system), from its {@code ProcessHandle}. */
  public java.time.Duration cpu() {
    return process.toHandle().info().totalCpuDuration().orElse(java.time.Duration.ZERO);
  }

  /** SIGKILL: no shutdown hook, no flush, no close. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGSTOP: the JVM freezes (as in a long pause or a frozen VM), its sockets stay open. */
  public void pause() throws IOException, InterruptedException {
    signal("-STOP");
  }

  /** SIGCONT after {@link #pause}: the JVM runs on where it stopped. */
  public void resume() throws IOException, InterruptedException {
    signal("-CONT");
  }

  private void signal(String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
    }
  }

  /** SIGTERM and wait: an orderly stop that closes the database. */
  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  /** The server JVM's process id (for {@code jcmd}). */
  public long pid() {
    return process.pid();
  }

  public String log() throws IOException {
    return log == null ? "" : Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}
