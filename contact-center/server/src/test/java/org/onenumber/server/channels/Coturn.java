package org.onenumber.server.channels;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Debian's coturn ({@code turnserver}) started for one test on loopback, with the TURN REST API
 * shared secret ({@code use-auth-secret}, {@code static-auth-secret}) and loopback peers allowed
 * (both browsers' relay addresses are 127.0.0.1; never in production). Its log goes to
 * {@code target/coturn-<port>.log}. {@link #close} stops it.
 */
final class Coturn implements AutoCloseable {

  static final Path TURNSERVER = Path.of("/usr/bin/turnserver");
  private static final Duration START = Duration.ofSeconds(20);

  private final Process process;
  private final int port;
  private final String secret;

  private Coturn(Process process, int port, String secret) {
    this.process = process;
    this.port = port;
    this.secret = secret;
  }

  static boolean installed() {
    return Files.isExecutable(TURNSERVER);
  }

  /** Starts turnserver on a free loopback port and waits until it accepts connections. */
  static Coturn start(String secret) throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    // One log per turnserver: ITs run two at a time, and the wait below reads this one's lines.
    Path log = Path.of("target", "coturn-" + port + ".log").toAbsolutePath();
    Files.createDirectories(log.getParent());
    Path pid = Files.createTempFile("coturn", ".pid");
    Process process = new ProcessBuilder(List.of(TURNSERVER.toString(), "-n",
        "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", "--listening-port=" + port,
        "--use-auth-secret", "--static-auth-secret=" + secret, "--realm=onenumber.test",
        "--allow-loopback-peers", "--no-tls", "--no-dtls", "--no-cli", "--fingerprint",
        "--log-file=stdout", "--simple-log", "--pidfile=" + pid))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Coturn coturn = new Coturn(process, port, secret);
    coturn.awaitListening(log);
    return coturn;
  }

  private void awaitListening(Path log) {
    Instant deadline = Instant.now().plus(START);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("turnserver exited with " + process.exitValue() + "; see " + log);
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        exitedWithin(Duration.ofMillis(100));
      }
    }
    close();
    throw new IllegalStateException("turnserver did not listen on 127.0.0.1:" + port + " within " + START + "; see " + log);
  }

  /** Waits on the process itself (it may exit), never a bare sleep. */
  private boolean exitedWithin(Duration d) {
    try {
      return process.waitFor(d.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /** The URL browsers are given: TURN over UDP on loopback. */
  String url() {
    return "turn:127.0.0.1:" + port + "?transport=udp";
  }

  String secret() {
    return secret;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
