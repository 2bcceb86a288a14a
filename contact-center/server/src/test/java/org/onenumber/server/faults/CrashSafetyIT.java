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
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.onenumber.server.RunsAlone;
import org.onenumber.server.TestDatabases;

/**
 * Crash safety (issue 11) under mixed load: a server in a child JVM takes signed SMS webhooks and
 * intake posts from several threads, web chats on {@code /ws/chat} ({@link ChatCitizens}) and
 * operators on their sockets accepting offers ({@link SimulatedOperators}), and is killed with
 * SIGKILL in the middle; a new server on the same data starts, Twilio's retries of the unanswered
 * webhooks arrive, chats come back with {@code resume} and send their unacknowledged message again,
 * operators reconnect and accept what is offered again. Then every acknowledged message and
 * contact is stored exactly once, no contact was offered to or held by two operators at once
 * ({@link DoubleAssignments}, from the journal; and no two operators were let accept one contact),
 * the engine agrees with the journal, and the waiting line is rebuilt in journal order. Prints
 * {@code RESULT faults scenario=kill9-<db> acked=… lost=… duplicated=… double_assigned=… recover_s=…}. The
 * PostgreSQL case needs the server {@code bin/pg-setup} starts (see {@link TestDatabases}).
 * Load length: {@code -Dfaults.acks=N} acknowledgements before the kill (default 150).
 */
@RunsAlone
class CrashSafetyIT {

  private static final int ACKS_BEFORE_KILL = Integer.getInteger("faults.acks", 150);
  private static final int CITIZENS = 4;
  private static final List<String> OPERATORS = List.of("op-001", "op-004", "op-005", "op-007");
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
    Map<String, String> withLimits = new HashMap<>(properties);
    withLimits.putAll(Map.of("onenumber.rate-limits.intake-per-minute", "1000000",
        "onenumber.rate-limits.chat-per-minute", "1000000"));
    ServerProcess server = new ServerProcess(dir, withLimits).start();
    String run = name + ProcessHandle.current().pid() % 1000;
    SimulatedOperators operators = new SimulatedOperators(server.uri()).start(OPERATORS);
    ChatCitizens citizens = new ChatCitizens(server.uri(), run).start(CITIZENS);
    await().atMost(Duration.ofSeconds(60)).until(() -> citizens.acked().size() >= CITIZENS);
    AckedLoad load = new AckedLoad(server.uri(), run).start(4, 2);
    String log;
    double recoverSeconds;
    Map<String, Integer> positions;
    Map<String, Integer> engine;
    AtomicReference<AckedLoad> after = new AtomicReference<>();
    try {
      Supplier<String> state = () -> String.format("acked %d, chats acked %d, accepted %d (%s); server log %s",
          load.acknowledged(), citizens.acked().size(), operators.accepted(), operators.activity(), dir);
      awaitOr(state, () -> load.acknowledged() >= ACKS_BEFORE_KILL && citizens.acked().size() >= 2 * CITIZENS
          && operators.accepted() >= OPERATORS.size());
      server.kill();
      load.stop();
      int chatsAtKill = citizens.acked().size();
      int acceptedAtKill = operators.accepted();
      long restarted = System.nanoTime();
      server.start();
      recoverSeconds = (System.nanoTime() - restarted) / 1e9;
      positions = positions(server.uri(), load);
      retryUnacknowledged(load);
      after.set(new AckedLoad(server.uri(), otherPhones(run)).start(2, 0));
      awaitOr(state, () -> citizens.acked().size() >= chatsAtKill + 2 * CITIZENS
          && operators.accepted() >= acceptedAtKill + OPERATORS.size());
      after.get().stop();
      citizens.stop();
      operators.stop();
      operators.logOut(OPERATORS);
      engine = EngineAgreement.waiting(server.uri());
      log = server.log();
    } finally {
      load.stop();
      if (after.get() != null) {
        after.get().stop();
      }
      citizens.stop();
      operators.stop();
      server.stop();
    }
    Counts counts = count(load, database).plus(count(after.get(), database));
    JournalChecks journal = JournalChecks.of(database, citizens, engine);
    ChatCounts chats = journal.chats();
    int doubleAssigned = journal.doubleAssigned();
    int mismatched = journal.mismatched();
    System.out.printf("RESULT faults scenario=kill9-%s acked=%d lost=%d duplicated=%d double_assigned=%d recover_s=%.1f"
        + " chats_acked=%d chat_resumes=%d accepted=%d accepted_twice=%d engine_journal_mismatch=%d%n", name,
        load.acknowledged() + after.get().acknowledged() + citizens.acked().size(), counts.lost() + chats.lost(),
        counts.duplicated() + chats.duplicated(), doubleAssigned, recoverSeconds, citizens.acked().size(),
        citizens.resumes(), operators.accepted(), operators.acceptedTwice(), mismatched);
    assertEquals(0, counts.lost(), "acknowledged webhooks and intake contacts lost");
    assertEquals(0, counts.duplicated(), "webhooks and intake contacts stored twice");
    assertEquals(0, chats.lost(), "acknowledged chat messages lost");
    assertEquals(0, chats.duplicated(), "chat messages stored twice");
    assertEquals(0, doubleAssigned, "contacts offered to or held by two operators at once (journal)");
    assertEquals(0, operators.acceptedTwice(), "contacts two operators were allowed to accept");
    assertEquals(0, mismatched, "queues where the routing engine and the journal disagree");
    assertTrue(citizens.resumes() > 0, "no chat came back with resume after the restart");
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
  static Map<String, Integer> positions(URI server, AckedLoad load) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    String token = Logins.token(http, server, "op-001");
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
  static void assertLineInJournalOrder(Map<String, Integer> positions, Database database) throws SQLException {
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

  /**
   * What every cluster scenario must show besides its own checks: nothing acknowledged lost or stored
   * twice, no contact with two operators (journal) nor accepted by two, engines and journal alike.
   */
  static void assertNothingLostOrDoubled(Counts counts, int doubleAssigned, int acceptedTwice, int mismatched) {
    assertEquals(0, counts.lost(), "acknowledged webhooks and intake contacts lost");
    assertEquals(0, counts.duplicated(), "webhooks and intake contacts stored twice");
    assertEquals(0, doubleAssigned, "contacts offered to or held by two operators at once (journal)");
    assertEquals(0, acceptedTwice, "contacts two operators were allowed to accept");
    assertEquals(0, mismatched, "queues where the engines and the journal disagree");
  }

  /** What the journal says after a run with chats: their counts, double assignments, engine≠journal queues. */
  record JournalChecks(ChatCounts chats, int doubleAssigned, int mismatched) {
    static JournalChecks of(Database database, ChatCitizens citizens, Map<String, Integer> engine) throws SQLException {
      try (Connection c = database.open()) {
        return new JournalChecks(ChatCounts.of(citizens, c), DoubleAssignments.count(c), EngineAgreement.mismatched(engine, c));
      }
    }
  }

  record Counts(int lost, int duplicated) {
    Counts plus(Counts other) {
      return new Counts(lost + other.lost, duplicated + other.duplicated);
    }
  }

  /** A run tag whose SMS phone numbers differ from {@code run}'s (AckedLoad derives them from the tag's hash). */
  static String otherPhones(String run) {
    String other = run + "b";
    while (Math.floorMod(other.hashCode(), 100) == Math.floorMod(run.hashCode(), 100)) {
      other += "b";
    }
    return other;
  }

  /** Waits for {@code done} (a minute, more for a long {@code -Dfaults.acks}); on time-out fails with {@code state}. */
  private static void awaitOr(Supplier<String> state, Callable<Boolean> done) {
    Duration wait = Duration.ofSeconds(Math.max(60, ACKS_BEFORE_KILL / 4));
    try {
      await().atMost(wait).pollInterval(Duration.ofMillis(20)).until(done);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("the mixed load did not get there within " + wait + ": " + state.get(), e);
    }
  }

  /** Every acknowledged or retried webhook: one message, one contact for its phone; every intake: one contact. */
  static Counts count(AckedLoad load, Database database) throws SQLException {
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
}
