package org.onenumber.server.faults;

import io.micronaut.core.type.Argument;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares the routing engine with the journal after a fault: per queue, the engine's waiting
 * count ({@code GET /api/v1/queues/{id}/status}, as supervisor {@code sv-01}) against the journal's
 * {@code QUEUED} contacts. The engine is read while the server runs and nothing moves any more (no
 * operator logged in to the load's queue), {@link #waiting} twice until two reads agree; the
 * journal may be read after the server stopped (H2's file is locked while it runs).
 */
final class EngineAgreement {

  private static final Pattern WAITING = Pattern.compile("\"waiting\"\\s*:\\s*(\\d+)");

  private EngineAgreement() {}

  /** Every queue's waiting count in the engine, read until two reads half a second apart agree (at most 20). */
  static Map<String, Integer> waiting(URI server) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    String token = Logins.token(http, server, "sv-01");
    HttpResponse<String> queues = http.send(HttpRequest.newBuilder(server.resolve("/api/v1/queues")).build(),
        HttpResponse.BodyHandlers.ofString());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list = (List<Map<String, Object>>) JsonMapper.createDefault().readValue(queues.body(),
        Argument.mapOf(String.class, Object.class)).get("items");
    Map<String, Integer> before = Map.of();
    for (int read = 0; read < 20; read++) {
      Map<String, Integer> now = new TreeMap<>();
      for (Map<String, Object> queue : list) {
        now.put((String) queue.get("id"), waiting(http, server, token, (String) queue.get("id")));
      }
      if (now.equals(before)) {
        return now;
      }
      before = now;
      LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
    }
    return before;
  }

  /** Queues whose engine count differs from the journal's queued contacts; each is printed. */
  static int mismatched(Map<String, Integer> engine, Connection c) throws SQLException {
    Map<String, Integer> journal = journal(c);
    Set<String> queues = new TreeSet<>(engine.keySet());
    queues.addAll(journal.keySet());
    int mismatched = 0;
    for (String queue : queues) {
      int inEngine = engine.getOrDefault(queue, 0);
      int inJournal = journal.getOrDefault(queue, 0);
      if (inEngine != inJournal) {
        System.out.printf("queue %s: engine %d waiting, journal %d queued%n", queue, inEngine, inJournal);
        mismatched++;
      }
    }
    return mismatched;
  }

  private static Map<String, Integer> journal(Connection c) throws SQLException {
    Map<String, Integer> journal = new LinkedHashMap<>();
    try (PreparedStatement s = c.prepareStatement("select queue_id, sum(case when state = 'QUEUED' then 1 else 0 end) "
        + "from contact where queue_id is not null group by queue_id"); ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        journal.put(rows.getString(1), rows.getInt(2));
      }
    }
    if (journal.isEmpty()) {
      throw new IllegalStateException("no contact was queued at all");
    }
    return journal;
  }

  private static int waiting(HttpClient http, URI server, String token, String queue)
      throws IOException, InterruptedException {
    HttpResponse<String> status = http.send(HttpRequest.newBuilder(server.resolve("/api/v1/queues/" + queue + "/status"))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    Matcher waiting = WAITING.matcher(status.body());
    if (status.statusCode() != 200 || !waiting.find()) {
      throw new IllegalStateException(queue + ": " + status.statusCode() + " " + status.body());
    }
    return Integer.parseInt(waiting.group(1));
  }
}
