package org.onenumber.server.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.onenumber.server.TestDatabases;

/**
 * Crash safety (issue 11): a server in a child JVM takes signed SMS webhooks and intake posts from
 * several threads and is killed with SIGKILL in the middle; a new server on the same data starts,
 * Twilio's retries of the unanswered webhooks arrive, and then every acknowledged message and
 * contact is stored exactly once and the waiting line is rebuilt in journal order. Prints
 * {@code RESULT faults scenario=kill9-<db> acked=… lost=… duplicated=… recover_s=…}. The
 * PostgreSQL case needs the server {@code bin/pg-setup} starts (see {@link TestDatabases}).
 * Load length: {@code -Dfaults.acks=N} acknowledgements before the kill (default 150).
 */
class CrashSafetyIT {

  private static final int ACKS_BEFORE_KILL = Integer.getInteger("faults.acks", 150);
  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern POSITION = Pattern.compile("\"position\"\\s*:\\s*(\\d+)");

  @Test
  void h2KeepsEveryAcknowledgedItemExactlyOnceAcrossKillNine() throws Exception {
    Path dir = Files.createTempDirectory("onenumber-crash-h2");
    String url = "jdbc:h2:file:" + dir.resolve("db/onenumber") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    // -Dfaults.h2.write-delay-ms=500 runs the server with H2's former background writes (loses acknowledged work)
    String delay = System.getProperty("faults.h2.write-delay-ms", "0");
    Map<String, String> properties = Map.of("onenumber.durability.h2-write-delay-ms", delay);
    String log = survivesKillNine("h2", dir, properties, () -> DriverManager.getConnection(url, "sa", ""));
    if (delay.equals("0")) {
      assertTrue(log.contains("WRITE_DELAY 0"), "the restarted server made H2 write on every commit");
    }
  }

  @Test
  void postgresKeepsEveryAcknowledgedItemExactlyOnceAcrossKillNine() throws Exception {
    Path dir = Files.createTempDirectory("onenumber-crash-pg");
    String url = TestDatabases.freshPostgres("crash_safety");
    Map<String, String> properties = Map.of("datasources.default.url", url,
        "datasources.default.driver-class-name", "org.postgresql.Driver",
        "datasources.default.username", TestDatabases.PG_USER, "datasources.default.password", TestDatabases.PG_PASSWORD);
    survivesKillNine("postgres", dir, properties,
        () -> DriverManager.getConnection(url, TestDatabases.PG_USER, TestDatabases.PG_PASSWORD));
  }

  @FunctionalInterface
  interface Database {
    Connection open() throws SQLException;
  }

  /** Returns the restarted server's log. */
  private String survivesKillNine(String name, Path dir, Map<String, String> properties, Database database)
      throws Exception {
    ServerProcess server = new ServerProcess(dir, properties).start();
    AckedLoad load;
    String log;
    double recoverSeconds;
    Map<String, Integer> positions;
    try {
      AckedLoad started = new AckedLoad(server.uri(), name + ProcessHandle.current().pid() % 1000).start(4, 2);
      load = started;
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
          .until(() -> started.acknowledged() >= ACKS_BEFORE_KILL);
      server.kill();
      load.stop();
      assertTrue(load.acknowledged() > 0, "the server acknowledged nothing before the kill; log:\n" + server.log());
      long restarted = System.nanoTime();
      server.start();
      recoverSeconds = (System.nanoTime() - restarted) / 1e9;
      positions = positions(server.uri(), load);
      retryUnacknowledged(load);
      log = server.log();
    } finally {
      server.stop();
    }
    Counts counts = count(load, database);
    System.out.printf("RESULT faults scenario=kill9-%s acked=%d lost=%d duplicated=%d double_assigned=0 recover_s=%.1f%n",
        name, load.acknowledged(), counts.lost(), counts.duplicated(), recoverSeconds);
    assertEquals(0, counts.lost(), "acknowledged items lost");
    assertEquals(0, counts.duplicated(), "items stored twice");
    assertEquals(load.ackedContacts(), positions.keySet(), "every acknowledged contact waits after the restart");
    assertLineInJournalOrder(positions, database);
    return log;
  }

  /** Twilio retries what it got no 200 for; after the restart each retry must be answered 200. */
  private static void retryUnacknowledged(AckedLoad load) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    for (AckedLoad.Webhook webhook : load.unackedWebhooks()) {
      assertEquals(200, load.send(http, webhook), "retry of " + webhook.sid());
    }
  }

  /** The position of each acknowledged intake contact that waits after the restart. */
  private static Map<String, Integer> positions(URI server, AckedLoad load) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    String token = token(http, server);
    Map<String, Integer> positions = new HashMap<>();
    for (String contact : load.ackedContacts()) {
      HttpResponse<String> position = http.send(HttpRequest.newBuilder(server.resolve("/api/v1/contacts/" + contact
          + "/position")).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
      Matcher m = POSITION.matcher(position.body());
      if (position.statusCode() == 200 && m.find()) {
        positions.put(contact, Integer.parseInt(m.group(1)));
      }
    }
    return positions;
  }

  /** Positions after the restart follow the journal's queue times, one contact per position. */
  private static void assertLineInJournalOrder(Map<String, Integer> positions, Database database) throws SQLException {
    List<String> byPosition = new ArrayList<>(positions.keySet());
    byPosition.sort(Comparator.comparing(positions::get));
    List<String> byJournal = new ArrayList<>(positions.keySet());
    Map<String, Timestamp> queuedAt = queuedAt(database, positions.keySet());
    byJournal.sort(Comparator.comparing((String c) -> queuedAt.get(c)).thenComparing(c -> c));
    assertEquals(byJournal, byPosition, "the line after the restart in the order of the journal");
    assertEquals(positions.size(), positions.values().stream().distinct().count(), "one contact per position");
  }

  private static Map<String, Timestamp> queuedAt(Database database, Iterable<String> contacts) throws SQLException {
    Map<String, Timestamp> at = new HashMap<>();
    try (Connection c = database.open();
        PreparedStatement s = c.prepareStatement("select queued_at from contact where id = ?")) {
      for (String contact : contacts) {
        s.setString(1, contact);
        try (ResultSet row = s.executeQuery()) {
          assertTrue(row.next(), contact);
          at.put(contact, row.getTimestamp(1));
        }
      }
    }
    return at;
  }

  private record Counts(int lost, int duplicated) {}

  /** Every acknowledged or retried webhook: one message, one contact for its phone; every intake: one contact. */
  private static Counts count(AckedLoad load, Database database) throws SQLException {
    int lost = 0;
    int duplicated = 0;
    List<AckedLoad.Webhook> webhooks = new ArrayList<>(load.ackedWebhooks());
    webhooks.addAll(load.unackedWebhooks());
    try (Connection c = database.open();
        PreparedStatement messages = c.prepareStatement("select count(*) from message where provider_id = ?");
        PreparedStatement contacts = c.prepareStatement("select count(*) from contact where id = ?")) {
      for (AckedLoad.Webhook webhook : webhooks) {
        int n = single(messages, webhook.sid());
        lost += n == 0 ? 1 : 0;
        duplicated += Math.max(0, n - 1);
      }
      for (String contact : load.ackedContacts()) {
        lost += single(contacts, contact) == 0 ? 1 : 0;
      }
      duplicated += duplicateSmsContacts(c, webhooks);
    }
    return new Counts(lost, duplicated);
  }

  /** A webhook's message in two contacts, or two open contacts for one phone, is a duplicate. */
  private static int duplicateSmsContacts(Connection c, List<AckedLoad.Webhook> webhooks) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "select count(distinct contact_id) from message where peer = ? and direction = 'IN'")) {
      int duplicated = 0;
      for (String phone : webhooks.stream().map(AckedLoad.Webhook::phone).distinct().toList()) {
        duplicated += Math.max(0, single(s, phone) - 1);
      }
      return duplicated;
    }
  }

  private static int single(PreparedStatement statement, String value) throws SQLException {
    statement.setString(1, value);
    try (ResultSet row = statement.executeQuery()) {
      row.next();
      return row.getInt(1);
    }
  }

  private static String token(HttpClient http, URI server) throws IOException, InterruptedException {
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(server.resolve("/login"))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"op-001\",\"password\":\"demo1234\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher m = ACCESS_TOKEN.matcher(login.body());
    assertTrue(m.find(), login.body());
    return m.group(1);
  }
}
