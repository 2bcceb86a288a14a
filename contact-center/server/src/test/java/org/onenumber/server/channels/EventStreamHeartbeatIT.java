package org.onenumber.server.channels;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onenumber.server.casework.CaseAlertHub;

/**
 * Every server-sent event stream beats (issue 11, {@code EventStreamHeartbeat}), through the real
 * server with {@code onenumber.sse.heartbeat-seconds=1}: a quiet alert stream gets a {@code : ping 1}
 * comment every second (a proxy keeps it, a page knows it is alive); a client that vanished without
 * closing ({@link VanishingPeer}) is released — its subscription to the case alerts gone — within about
 * one heartbeat. Before session 16 nothing was written to a quiet stream, so neither happened.
 */
class EventStreamHeartbeatIT {

  private static ServerHarness server;

  @BeforeAll
  static void start() {
    server = ServerHarness.perTest(Map.of("onenumber.sse.heartbeat-seconds", "1"));
    server.start();
  }

  @AfterAll
  static void stop() throws IOException {
    server.afterEach(null);
  }

  @Test
  void aQuietAlertStreamGetsAHeartbeatCommentEverySecond() throws Exception {
    String token = server.login("sv-01");
    for (String path : List.of("/api/v1/wallboard/stream", "/api/v1/analytics/issues/stream")) {
      try (RawStream stream = open(server.uri().getPort(), path, token)) {
        assertTrue(stream.linesUntil(": ping 1", 1).get(0).startsWith("HTTP/1.1 200"), path);
      }
    }
    try (RawStream stream = open(server.uri().getPort(), "/api/v1/case-alerts/stream", token)) {
      stream.linesUntil("event: ready", 1);
      stream.linesUntil("data: {}", 1);
      long started = System.nanoTime();
      List<String> quiet = stream.linesUntil(": ping 1", 2);
      double seconds = (System.nanoTime() - started) / 1e9;
      assertTrue(seconds < 3.5, "two heartbeats in " + seconds + " s");
      assertTrue(quiet.stream().noneMatch(l -> l.startsWith("event:") || l.startsWith("data:")), "only pings: " + quiet);
    }
  }

  @Test
  void aClientThatVanishedIsReleasedWithinAboutOneHeartbeat() throws Exception {
    CaseAlertHub hub = server.bean(CaseAlertHub.class);
    // the other test's closed stream is released at its next heartbeat: count from a settled hub
    await("earlier streams released").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
        .until(() -> hub.viewers() == 0);
    int before = 0;
    try (VanishingPeer peer = new VanishingPeer(server.uri());
        RawStream stream = open(peer.port(), "/api/v1/case-alerts/stream", server.login("staff-roads"))) {
      stream.linesUntil("event: ready", 1);
      // "ready" is written just before the stream subscribes to the hub (Flux.concat): wait for it
      await("the open stream's subscription").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(10))
          .until(() -> hub.viewers() == before + 1);
      long vanished = System.nanoTime();
      peer.vanish();
      await("the vanished client's subscription released").atMost(Duration.ofSeconds(4))
          .pollInterval(Duration.ofMillis(20)).until(() -> hub.viewers() == before);
      System.out.printf("RESULT sse-vanished released_after_s=%.2f heartbeat_s=1%n", (System.nanoTime() - vanished) / 1e9);
    }
  }

  private static RawStream open(int port, String path, String token) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(10_000);
    OutputStream out = socket.getOutputStream();
    out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\nAuthorization: Bearer "
        + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return new RawStream(socket, new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)));
  }

  /** A stream read line by line as it arrives on the wire (status, headers, chunk sizes and the events' lines). */
  private record RawStream(Socket socket, BufferedReader reader) implements AutoCloseable {

    /** The lines read until {@code wanted} was seen {@code times} times (the last included). */
    List<String> linesUntil(String wanted, int times) throws IOException {
      List<String> lines = new ArrayList<>();
      int seen = 0;
      while (seen < times) {
        String line = reader.readLine();
        assertTrue(line != null, "the stream ended after " + lines);
        lines.add(line);
        seen += line.equals(wanted) ? 1 : 0;
      }
      return lines;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
