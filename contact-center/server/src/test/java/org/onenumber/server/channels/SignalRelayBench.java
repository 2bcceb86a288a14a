package org.onenumber.server.channels;

import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onenumber.server.JsonFrames;

/**
 * The signalling relay's latency through {@code /ws/call} with many call sockets open: one call is
 * routed to op-034 and joined, then {@code idle} other citizens start calls and wait in line (each
 * socket stays open), then the operator sends {@code messages} ICE candidate frames one at a time;
 * each is timed from the send until the citizen's socket receives the relayed copy. The first 10 %
 * warm up and are not counted. Single-threaded; the server runs in this JVM.
 */
final class SignalRelayBench {

  private static final Pattern INDEX = Pattern.compile("candidate:(\\d+) ");

  record Result(int idleSockets, int messages, double p50Ms, double p99Ms) {}

  private SignalRelayBench() {}

  static Result run(int idle, int messages) throws IOException, InterruptedException {
    // Every socket comes from this one address: lift the per-address limits on new calls.
    ServerHarness server = new ServerHarness(Files.createTempDirectory("onenumber-bench"), Map.of(
        "onenumber.rate-limits.chat-per-minute", 100_000_000, "onenumber.rate-limits.intake-per-minute", 100_000_000))
        .start();
    HttpClient http = HttpClient.newHttpClient();
    List<JsonFrames> waiting = new ArrayList<>();
    try {
      JsonMapper json = server.bean(JsonMapper.class);
      String token = server.login("op-034");
      server.client().toBlocking().exchange(HttpRequest.POST("/api/v1/agents/op-034/login", Map.of()).bearerAuth(token));
      JsonFrames agent = new JsonFrames(json).open(http, ws(server, "/ws/agents/op-034?token=" + token));
      agent.await(f -> "snapshot".equals(f.get("type")));
      server.client().toBlocking().exchange(HttpRequest.POST("/api/v1/agents/op-034/state", Map.of("state", "AVAILABLE"))
          .bearerAuth(token));

      Arrivals arrivals = new Arrivals();
      WebSocket citizen = http.newWebSocketBuilder().buildAsync(ws(server, "/ws/call"), arrivals).join();
      citizen.sendText(json.writeValueAsString(Map.of("type", "start", "mode", "sign", "language", "en",
          "caller", "bench-citizen-0001")), true).join();
      Map<?, ?> offer = (Map<?, ?>) agent.await(f -> "offer".equals(f.get("type"))).get("offer");
      String contact = (String) offer.get("contactId");
      server.client().toBlocking().exchange(HttpRequest.POST("/api/v1/offers/" + offer.get("offerId") + "/accept", Map.of())
          .bearerAuth(token));
      JsonFrames operator = new JsonFrames(json).open(http, ws(server, "/ws/call?token=" + token));
      operator.send(Map.of("type", "join", "contactId", contact));
      operator.await(f -> "ready".equals(f.get("type")));

      for (int i = 0; i < idle; i++) {
        JsonFrames socket = new JsonFrames(json).open(http, ws(server, "/ws/call"));
        socket.send(Map.of("type", "start", "mode", "sign", "language", "en", "caller", String.format("bench-idle-%05d", i)));
        socket.await(f -> "session".equals(f.get("type")));
        waiting.add(socket);
      }

      int warmUp = messages / 10;
      List<Long> nanos = new ArrayList<>();
      for (int i = 0; i < warmUp + messages; i++) {
        long sent = System.nanoTime();
        operator.send(Map.of("type", "candidate", "contactId", contact, "sdpMid", "0", "sdpMLineIndex", 0,
            "candidate", "candidate:" + i + " 1 udp 2122260223 127.0.0.1 " + (10_000 + i % 50_000) + " typ host"));
        arrivals.await(i);
        if (i >= warmUp) {
          nanos.add(System.nanoTime() - sent);
        }
      }
      citizen.abort();
      List<Long> sorted = nanos.stream().sorted().toList();
      return new Result(waiting.size(), sorted.size(), at(sorted, 50), at(sorted, 99));
    } finally {
      waiting.forEach(JsonFrames::kill);
      server.close();
    }
  }

  private static double at(List<Long> sorted, int p) {
    return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
  }

  private static URI ws(ServerHarness server, String path) {
    return URI.create(server.uri().toString().replaceFirst("^http", "ws").replaceAll("/$", "") + path);
  }

  /** The citizen's socket: notes the index of every relayed candidate as it arrives. */
  private static final class Arrivals implements WebSocket.Listener {

    private final BlockingQueue<Integer> seen = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        Matcher m = INDEX.matcher(partial);
        if (partial.indexOf("\"candidate\"") >= 0 && m.find()) {
          seen.add(Integer.parseInt(m.group(1)));
        }
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }

    void await(int index) throws InterruptedException {
      while (true) {
        Integer next = seen.poll(10, TimeUnit.SECONDS);
        if (next == null) {
          throw new IllegalStateException("candidate " + index + " was not relayed within 10 s");
        }
        if (next == index) {
          return;
        }
      }
    }
  }
}
