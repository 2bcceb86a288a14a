package org.onenumber.server.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.List;
import java.util.Map;
import org.onenumber.server.JsonFrames;
import org.onenumber.testkit.TcpProxy;

/**
 * One database outage, step by step, for {@link DatabaseOutageIT}: start the server, start the
 * mixed load (operators accepting offers on their sockets, chatting citizens, SMS webhooks and
 * intake) and one chat of its own, cut the proxy, watch the refusals, restore, watch the recovery
 * (the load moves on, operators accept again), stop the load, log the operators out and read the
 * engine's lines; then {@link #count} what the database holds against what was answered. Closing
 * stops the server.
 */
final class OutageRun implements AutoCloseable {

  private static final Duration LONG = Duration.ofSeconds(90);

  private final ServerProcess server;
  private final TcpProxy proxy;
  private final int outageSeconds;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private AckedLoad load;
  private SimulatedOperators operators;
  private ChatCitizens citizens;
  private JsonFrames chat;
  private double recoverSeconds;
  private long cutAt;
  private boolean chatRefusedWithRetryAfter;
  private boolean chatAcknowledgedAfter;

  OutageRun(ServerProcess server, TcpProxy proxy, int outageSeconds) {
    this.server = server;
    this.proxy = proxy;
    this.outageSeconds = outageSeconds;
  }

  static final List<String> OPERATORS = List.of("op-001", "op-004", "op-005", "op-007");
  private static final int CITIZENS = 4;

  /**
   * {@code storedRefused}: a webhook answered 503 though sent after the cut, and stored (must be
   * 0); {@code inDoubtStored}: a webhook answered 503, sent before the cut (its commit was in
   * flight when the connection broke, so neither side knows whether it committed), and stored;
   * {@code intakeRetried}: intake posts answered 503 and sent again under their {@code
   * Idempotency-Key}; {@code intakeDuplicates}: intake posts stored more than once (must be 0,
   * also counted in {@code duplicated}).
   */
  record Counts(int lost, int duplicated, int storedRefused, int inDoubtStored, int engineMismatch,
      int doubleAssigned, int intakeRetried, int intakeDuplicates) {}

  OutageRun run() throws Exception {
    server.start();
    chat = new JsonFrames(JsonMapper.createDefault()).open(http,
        URI.create(server.uri().toString().replaceFirst("^http", "ws") + "/ws/chat"));
    chat.send(Map.of("type", "start", "language", "en"));
    chat.await(f -> "session".equals(f.get("type")));
    String run = "out" + ProcessHandle.current().pid() % 1000;
    operators = new SimulatedOperators(server.uri()).start(OPERATORS);
    citizens = new ChatCitizens(server.uri(), run).start(CITIZENS);
    await().atMost(LONG).until(() -> citizens.acked().size() >= CITIZENS);
    load = new AckedLoad(server.uri(), run).start(3, 2);
    await().atMost(LONG).pollInterval(Duration.ofMillis(50)).until(() -> load.acknowledged() >= 30
        && operators.accepted() >= OPERATORS.size());

    proxy.cut();
    cutAt = System.nanoTime(); // every connection is reset by now: a request sent later cannot commit
    chat.send(Map.of("type", "message", "clientId", "during-outage", "body", "Is anyone there?"));
    Map<String, Object> refused = chat.await(f -> "error".equals(f.get("type")));
    chatRefusedWithRetryAfter = "unavailable".equals(refused.get("error")) && refused.get("retryAfter") != null;
    await().atMost(LONG).pollInterval(Duration.ofMillis(200)).until(() -> healthStatus() == 503);
    await().atMost(Duration.ofSeconds(outageSeconds + 60L)).pollInterval(Duration.ofMillis(200))
        .until(() -> System.nanoTime() - cutAt >= outageSeconds * 1_000_000_000L);
    int ackedAtRestore = load.acknowledged();
    int chatsAtRestore = citizens.acked().size();
    int acceptedAtRestore = operators.accepted();

    proxy.restore();
    long restoredAt = System.nanoTime();
    await().atMost(LONG).pollInterval(Duration.ofMillis(100)).until(() -> healthStatus() == 200);
    recoverSeconds = (System.nanoTime() - restoredAt) / 1e9;
    await().atMost(LONG).pollInterval(Duration.ofMillis(50)).until(() -> load.acknowledged() >= ackedAtRestore + 30
        && citizens.acked().size() >= chatsAtRestore + 2 * CITIZENS && operators.accepted() > acceptedAtRestore);
    boolean ackedDuringOutage = chat.frames().stream()
        .anyMatch(f -> "ack".equals(f.get("type")) && "during-outage".equals(f.get("clientId")));
    chat.send(Map.of("type", "message", "clientId", "during-outage", "body", "Is anyone there?"));
    chat.await(f -> "ack".equals(f.get("type")) && "during-outage".equals(f.get("clientId")));
    chatAcknowledgedAfter = !ackedDuringOutage;
    load.stop();
    citizens.stop();
    operators.stop();
    operators.logOut(OPERATORS);
    return this;
  }

  AckedLoad load() {
    return load;
  }

  ChatCitizens citizens() {
    return citizens;
  }

  SimulatedOperators operators() {
    return operators;
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
   * must be answered 200), then lost and duplicated items (webhooks, intake, chat messages), then
   * each queue's waiting count in the engine (the operators were logged out at the end of {@link
   * #run}) against the journal's queued contacts, and contacts offered to or held by two operators
   * at once. A webhook that got no answer at all (a time-out) may have been stored: it is not
   * counted as refused, but its retry must leave it stored exactly once.
   */
  Counts count(Connection c) throws SQLException, IOException, InterruptedException {
    int storedRefused = 0;
    int inDoubtStored = 0;
    for (AckedLoad.Webhook webhook : load.refusedWebhooks(cutAt, true)) {
      storedRefused += storedAlthoughRefused(c, "select count(*) from message where provider_id = ?", webhook.sid());
    }
    for (AckedLoad.Webhook webhook : load.refusedWebhooks(cutAt, false)) {
      inDoubtStored += single(c, "select count(*) from message where provider_id = ?", webhook.sid()) > 0 ? 1 : 0;
    }
    for (AckedLoad.Webhook webhook : load.unackedWebhooks()) {
      assertEquals(200, load.send(http, webhook), "Twilio's retry of " + webhook.sid());
    }
    ChatCounts chats = ChatCounts.of(citizens, c);
    int lost = chats.lost();
    int duplicated = chats.duplicated();
    for (AckedLoad.Webhook webhook : union(load.ackedWebhooks(), load.unackedWebhooks())) {
      int n = single(c, "select count(*) from message where provider_id = ?", webhook.sid());
      lost += n == 0 ? 1 : 0;
      duplicated += Math.max(0, n - 1);
    }
    for (String contact : load.ackedContacts()) {
      lost += single(c, "select count(*) from contact where id = ?", contact) == 0 ? 1 : 0;
    }
    int intakeDuplicates = 0;
    for (String topic : load.intakeTopics()) {
      intakeDuplicates += Math.max(0, single(c, "select count(*) from contact where topic = ?", topic) - 1);
    }
    duplicated += intakeDuplicates;
    int intakeRetried = load.refusedIntakeTopics(cutAt, true).size() + load.refusedIntakeTopics(cutAt, false).size();
    Map<String, Integer> engine = EngineAgreement.waiting(server.uri());
    return new Counts(lost, duplicated, storedRefused, inDoubtStored, EngineAgreement.mismatched(engine, c),
        DoubleAssignments.count(c), intakeRetried, intakeDuplicates);
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

  private static List<AckedLoad.Webhook> union(java.util.Set<AckedLoad.Webhook> a, java.util.Set<AckedLoad.Webhook> b) {
    List<AckedLoad.Webhook> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static int storedAlthoughRefused(Connection c, String sql, String value) throws SQLException {
    if (single(c, sql, value) == 0) {
      return 0;
    }
    System.out.println("stored although answered 503: " + value);
    return 1;
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
    if (citizens != null) {
      citizens.stop();
    }
    if (operators != null) {
      operators.stop();
    }
    server.stop();
  }
}
