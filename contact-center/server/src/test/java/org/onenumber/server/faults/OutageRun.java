package org.onenumber.server.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onenumber.server.JsonFrames;
import org.onenumber.testkit.TcpProxy;

/**
 * One database outage, step by step, for {@link DatabaseOutageIT}: start the server, start the
 * load and a chat, cut the proxy, watch the refusals, restore, watch the recovery, stop the load;
 * then {@link #count} what the database holds against what was answered. Closing stops the server.
 */
final class OutageRun implements AutoCloseable {

  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern WAITING = Pattern.compile("\"waiting\"\\s*:\\s*(\\d+)");
  private static final Duration LONG = Duration.ofSeconds(90);

  private final ServerProcess server;
  private final TcpProxy proxy;
  private final int outageSeconds;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private AckedLoad load;
  private JsonFrames chat;
  private double recoverSeconds;
  private boolean chatRefusedWithRetryAfter;
  private boolean chatAcknowledgedAfter;

  OutageRun(ServerProcess server, TcpProxy proxy, int outageSeconds) {
    this.server = server;
    this.proxy = proxy;
    this.outageSeconds = outageSeconds;
  }

  record Counts(int lost, int duplicated, int storedRefused, int engineMismatch) {}

  OutageRun run() throws Exception {
    server.start();
    chat = new JsonFrames(JsonMapper.createDefault()).open(http,
        URI.create(server.uri().toString().replaceFirst("^http", "ws") + "/ws/chat"));
    chat.send(Map.of("type", "start", "language", "en"));
    chat.await(f -> "session".equals(f.get("type")));
    load = new AckedLoad(server.uri(), "out" + ProcessHandle.current().pid() % 1000).start(3, 2);
    await().atMost(LONG).pollInterval(Duration.ofMillis(50)).until(() -> load.acknowledged() >= 30);

    proxy.cut();
    long cutAt = System.nanoTime();
    chat.send(Map.of("type", "message", "clientId", "during-outage", "body", "Is anyone there?"));
    Map<String, Object> refused = chat.await(f -> "error".equals(f.get("type")));
    chatRefusedWithRetryAfter = "unavailable".equals(refused.get("error")) && refused.get("retryAfter") != null;
    await().atMost(LONG).pollInterval(Duration.ofMillis(200)).until(() -> healthStatus() == 503);
    await().atMost(Duration.ofSeconds(outageSeconds + 60L)).pollInterval(Duration.ofMillis(200))
        .until(() -> System.nanoTime() - cutAt >= outageSeconds * 1_000_000_000L);
    int ackedAtRestore = load.acknowledged();

    proxy.restore();
    long restoredAt = System.nanoTime();
    await().atMost(LONG).pollInterval(Duration.ofMillis(100)).until(() -> healthStatus() == 200);
    recoverSeconds = (System.nanoTime() - restoredAt) / 1e9;
    await().atMost(LONG).pollInterval(Duration.ofMillis(50)).until(() -> load.acknowledged() >= ackedAtRestore + 30);
    boolean ackedDuringOutage = chat.frames().stream()
        .anyMatch(f -> "ack".equals(f.get("type")) && "during-outage".equals(f.get("clientId")));
    chat.send(Map.of("type", "message", "clientId", "during-outage", "body", "Is anyone there?"));
    chat.await(f -> "ack".equals(f.get("type")) && "during-outage".equals(f.get("clientId")));
    chatAcknowledgedAfter = !ackedDuringOutage;
    load.stop();
    return this;
  }

  AckedLoad load() {
    return load;
  }

  int refused() {
    return load.statuses().getOrDefault(503, 0);
  }

  double recoverSeconds() {
    return recoverSeconds;
  }

  boolean chatRefusedWithRetryAfter() {
    return chatRefusedWithRetryAfter;
  }

  boolean chatAcknowledgedAfter() {
    return chatAcknowledgedAfter;
  }

  List<Map<String, Object>> chatFrames() {
    return chat == null ? List.of() : chat.frames();
  }

  /**
   * First what was refused and yet stored, then Twilio's retries of the refused webhooks (each
   * must be answered 200), then lost and duplicated items, then each queue's waiting count in the
   * engine against the journal's queued contacts.
   */
  Counts count(Connection c) throws SQLException, IOException, InterruptedException {
    int storedRefused = 0;
    for (AckedLoad.Webhook webhook : load.unackedWebhooks()) {
      storedRefused += single(c, "select count(*) from message where provider_id = ?", webhook.sid()) > 0 ? 1 : 0;
    }
    for (String topic : load.refusedIntakeTopics()) {
      storedRefused += single(c, "select count(*) from contact where topic = ?", topic) > 0 ? 1 : 0;
    }
    for (AckedLoad.Webhook webhook : load.unackedWebhooks()) {
      assertEquals(200, load.send(http, webhook), "Twilio's retry of " + webhook.sid());
    }
    int lost = 0;
    int duplicated = 0;
    for (AckedLoad.Webhook webhook : union(load.ackedWebhooks(), load.unackedWebhooks())) {
      int n = single(c, "select count(*) from message where provider_id = ?", webhook.sid());
      lost += n == 0 ? 1 : 0;
      duplicated += Math.max(0, n - 1);
    }
    for (String contact : load.ackedContacts()) {
      lost += single(c, "select count(*) from contact where id = ?", contact) == 0 ? 1 : 0;
    }
    return new Counts(lost, duplicated, storedRefused, engineMismatch(c));
  }

  /** Queues whose waiting count in the routing engine differs from the journal's queued contacts. */
  private int engineMismatch(Connection c) throws SQLException, IOException, InterruptedException {
    Map<String, Integer> journal = new LinkedHashMap<>();
    try (PreparedStatement s = c.prepareStatement("select queue_id, sum(case when state = 'QUEUED' then 1 else 0 end) "
        + "from contact where queue_id is not null group by queue_id"); ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        journal.put(rows.getString(1), rows.getInt(2));
      }
    }
    String token = token();
    int mismatched = 0;
    for (Map.Entry<String, Integer> queue : journal.entrySet()) {
      HttpResponse<String> status = http.send(HttpRequest.newBuilder(server.uri().resolve("/api/v1/queues/"
          + queue.getKey() + "/status")).header("Authorization", "Bearer " + token).build(),
          HttpResponse.BodyHandlers.ofString());
      Matcher waiting = WAITING.matcher(status.body());
      assertTrue(status.statusCode() == 200 && waiting.find(), queue.getKey() + ": " + status.body());
      if (Integer.parseInt(waiting.group(1)) != queue.getValue()) {
        System.out.printf("queue %s: engine %s waiting, journal %d queued%n", queue.getKey(), waiting.group(1),
            queue.getValue());
        mismatched++;
      }
    }
    assertTrue(!journal.isEmpty(), "no contact was queued at all");
    return mismatched;
  }

  private int healthStatus() {
    try {
      return http.send(HttpRequest.newBuilder(server.uri().resolve("/health")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private String token() throws IOException, InterruptedException {
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(server.uri().resolve("/login"))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"sv-01\",\"password\":\"demo1234\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher m = ACCESS_TOKEN.matcher(login.body());
    assertTrue(m.find(), login.body());
    return m.group(1);
  }

  private static List<AckedLoad.Webhook> union(java.util.Set<AckedLoad.Webhook> a, java.util.Set<AckedLoad.Webhook> b) {
    List<AckedLoad.Webhook> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static int single(Connection c, String sql, String value) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, value);
      try (ResultSet row = s.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  @Override
  public void close() throws Exception {
    if (load != null) {
      load.stop();
    }
    server.stop();
  }
}
