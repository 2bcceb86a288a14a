package org.onenumber.server.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onenumber.server.persistence.GroupCommitLanes;
import org.onenumber.server.persistence.Jdbc;

/**
 * {@code Idempotency-Key} on {@code POST /api/v1/contacts} over HTTP against a running server: a
 * repeat answers the first answer without a second contact, another body under the key is a 422
 * that quotes nothing stored, a malformed key a 400, and concurrent repeats of one key make one
 * contact. The contact is written in the inbound messages' group commit (issue 17, session 16).
 * Subclasses choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IntakeIdempotencyTestBase {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private EmbeddedServer server;

  /** The datasource properties. */
  abstract Map<String, String> database();

  @BeforeAll
  void start() {
    Map<String, Object> properties = new HashMap<>(database());
    properties.put("micronaut.server.port", -1);
    properties.put("onenumber.rate-limits.intake-per-minute", "1000");
    server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void aRepeatAnswersTheFirstAnswerWithoutASecondContact() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = body("repeat " + key);
    HttpResponse<String> first = post(body, key);
    HttpResponse<String> again = post(body, key);
    assertEquals(201, first.statusCode(), first.body());
    assertEquals(201, again.statusCode(), again.body());
    assertEquals(id(first), id(again));
    assertEquals(first.body(), again.body(), "the first answer, as it was");
    assertFalse(first.headers().firstValue("Idempotent-Replayed").isPresent());
    assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(null));
    assertEquals(1, contactsAbout("repeat " + key));
  }

  @Test
  void anotherBodyUnderTheSameKeyIsRefusedWithoutQuotingTheStoredOne() throws Exception {
    String key = UUID.randomUUID().toString();
    HttpResponse<String> first = post(body("first " + key), key);
    HttpResponse<String> other = post(body("second " + key), key);
    assertEquals(201, first.statusCode(), first.body());
    assertEquals(422, other.statusCode(), other.body());
    assertTrue(other.body().contains("Idempotency-Key"), other.body());
    assertFalse(other.body().contains(id(first)) || other.body().contains("first " + key), other.body());
    assertEquals(0, contactsAbout("second " + key));
  }

  @Test
  void aKeyOfTheWrongShapeIsA400() throws Exception {
    for (String key : List.of("short", "x".repeat(129), "has space in it 12345", "slash/in/the/key/12345")) {
      HttpResponse<String> response = post(body("bad key"), key);
      assertEquals(400, response.statusCode(), key + ": " + response.body());
      assertTrue(response.body().contains("Idempotency-Key"), response.body());
    }
    assertEquals(0, contactsAbout("bad key"));
  }

  @Test
  void withoutAKeyEveryPostIsANewContact() throws Exception {
    String topic = "no key " + UUID.randomUUID();
    assertEquals(201, post(body(topic), null).statusCode());
    assertEquals(201, post(body(topic), null).statusCode());
    assertEquals(2, contactsAbout(topic));
  }

  @Test
  void concurrentRepeatsOfOneKeyMakeOneContact() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = body("concurrent " + key);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<HttpResponse<String>>> posts = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        posts.add(() -> post(body, key));
      }
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : pool.invokeAll(posts)) {
        answers.add(answer.get());
      }
      assertTrue(answers.stream().allMatch(a -> a.statusCode() == 201),
          answers.stream().map(a -> a.statusCode() + " " + a.body()).collect(Collectors.joining("\n")));
      Set<String> ids = answers.stream().map(IntakeIdempotencyTestBase::id).collect(Collectors.toSet());
      assertEquals(1, ids.size(), ids.toString());
      assertEquals(1, contactsAbout("concurrent " + key));
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A post's contact is written in a transaction of the inbound messages' group commit, and
   * concurrent posts by different citizens all are. Fails on the old code (each post in a transaction
   * of its own on the shared pool: the lanes' count did not move).
   */
  @Test
  void postsAreWrittenInTheIntakeGroupCommit() throws Exception {
    GroupCommitLanes lanes = server.getApplicationContext().getBean(GroupCommitLanes.class,
        io.micronaut.inject.qualifiers.Qualifiers.byName("inbound-messages"));
    String topic = "lanes " + UUID.randomUUID();
    long before = lanes.transactions();
    assertEquals(201, post(body(topic), null).statusCode());
    assertEquals(before + 1, lanes.transactions(), "one post: one transaction of the lanes");

    int posts = 16;
    ExecutorService pool = Executors.newFixedThreadPool(posts);
    try {
      List<Callable<HttpResponse<String>>> all = new ArrayList<>();
      for (int i = 0; i < posts; i++) {
        String phone = String.format("010-7%03d-4567", i);
        all.add(() -> post("{\"channel\":\"VOICE\",\"phone\":\"" + phone
            + "\",\"language\":\"ko\",\"topic\":\"" + topic + "\"}", UUID.randomUUID().toString()));
      }
      for (Future<HttpResponse<String>> answer : pool.invokeAll(all)) {
        assertEquals(201, answer.get().statusCode(), answer.get().body());
      }
    } finally {
      pool.shutdownNow();
    }
    long used = lanes.transactions() - before - 1;
    assertTrue(used >= 1 && used <= posts, used + " transactions of the lanes for " + posts + " posts");
    assertEquals(posts + 1, contactsAbout(topic));
    System.out.printf("[intake] %d concurrent posts in %d transactions of the lanes%n", posts, used);
  }

  /**
   * Issue 17 (session 20): a contact opened by the API, with a key or without, reaches routing as
   * journaled ({@link IntakeToRouting}): its arrival reads nothing back (with {@code
   * onenumber.intake.hand-to-routing=false}, as before, both are read: this test fails).
   */
  @Test
  void aPostedContactReachesRoutingAsJournaledWithoutBeingReadBack() throws Exception {
    double handed = arrivals("handed");
    double read = arrivals("read-ahead") + arrivals("read-in-turn");
    assertEquals(201, post(body("handed " + UUID.randomUUID()), UUID.randomUUID().toString()).statusCode());
    assertEquals(201, post(body("handed " + UUID.randomUUID()), null).statusCode());
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (arrivals("handed") + arrivals("read-ahead") + arrivals("read-in-turn") < handed + read + 2
        && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertTrue(arrivals("handed") >= handed + 2, "both contacts handed to routing: " + (arrivals("handed") - handed));
    assertEquals(read, arrivals("read-ahead") + arrivals("read-in-turn"), "nothing read back from the journal");
  }

  private double arrivals(String how) {
    io.micrometer.core.instrument.Counter counter = server.getApplicationContext()
        .getBean(io.micrometer.core.instrument.MeterRegistry.class).find("onenumber.routing.arrivals")
        .tag("contact", how).counter();
    return counter == null ? 0 : counter.count();
  }

  private static String body(String topic) {
    return "{\"channel\":\"VOICE\",\"phone\":\"010-6123-4567\",\"language\":\"ko\",\"topic\":\"" + topic + "\"}";
  }

  private HttpResponse<String> post(String body, String key) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + "/api/v1/contacts"))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String id(HttpResponse<String> response) {
    Matcher id = ID.matcher(response.body());
    assertTrue(id.find(), response.body());
    return id.group(1);
  }

  private int contactsAbout(String topic) {
    return server.getApplicationContext().getBean(Jdbc.class)
        .queryOne("select count(*) from contact where topic = ?", row -> row.getInt(1), topic).orElse(0);
  }
}
