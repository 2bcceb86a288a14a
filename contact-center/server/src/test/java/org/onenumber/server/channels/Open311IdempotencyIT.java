package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.directory.Language;
import org.onenumber.core.intake.ContactIntake;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.server.persistence.Jdbc;

/**
 * {@code Idempotency-Key} on Open311 {@code POST requests} and the {@code /report/} form (issue #11),
 * through the real server (H2; {@link Open311IdempotencyPostgresIT} on PostgreSQL): a replay answers
 * the same service_request_id (header {@code Idempotent-Replayed}), another body under the key is 422,
 * concurrent repeats file one request, a key whose filing is in progress is 409, and a key whose first
 * post died after its contact committed (the row the outage leaves) is finished by the retry for that
 * contact instead of filing a second contact. A filing is one transaction: one that fails at its last
 * write leaves no contact, case or key behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Open311IdempotencyIT {

  private static final String API_KEY = "demo-open311-key";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private ServerHarness server;

  /** Extra server properties; the PostgreSQL subclass names its database here. */
  Map<String, Object> properties() {
    return Map.of();
  }

  @BeforeAll
  void start() throws IOException {
    server = new ServerHarness(Files.createTempDirectory("onenumber-open311-idem"), properties()).start();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String path, String form, String key) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String pothole(String description, boolean withApiKey) {
    return (withApiKey ? "api_key=" + API_KEY + "&" : "") + "service_code=roads-01&lat=37.5665&long=126.978"
        + "&description=" + URLEncoder.encode(description, StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> created(HttpResponse<String> response) throws IOException {
    assertEquals(200, response.statusCode(), response.body());
    return ((List<Map<String, Object>>) server.bean(JsonMapper.class).readValue(response.body(), Object.class)).get(0);
  }

  private int stored(String description) {
    return server.bean(Jdbc.class).queryOne("select count(*) from open311_request where description = ?",
        r -> r.getInt(1), description).orElseThrow();
  }

  private int contacts(String description) {
    return server.bean(Jdbc.class).queryOne("select count(*) from contact where topic like ?",
        r -> r.getInt(1), "%" + description).orElseThrow();
  }

  @Test
  void aReplayAnswersTheSameRequestAndAnotherBodyUnderTheKeyIs422() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = pothole("Idem replay pothole", true);
    HttpResponse<String> first = post("/open311/v2/requests.json", body, key);
    Map<String, Object> filed = created(first);
    assertTrue(first.headers().firstValue("Idempotent-Replayed").isEmpty());

    HttpResponse<String> again = post("/open311/v2/requests.json", body, key);
    assertEquals(filed.get("service_request_id"), created(again).get("service_request_id"));
    assertEquals(filed.get("service_notice"), created(again).get("service_notice"));
    assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(null));
    HttpResponse<String> asXml = post("/open311/v2/requests.xml", body, key);
    assertTrue(asXml.body().contains("<service_request_id>" + filed.get("service_request_id")), asXml.body());
    assertEquals(1, stored("Idem replay pothole"));
    assertEquals(1, contacts("Idem replay pothole"));

    HttpResponse<String> other = post("/open311/v2/requests.json", pothole("Another pothole", true), key);
    assertEquals(422, other.statusCode(), other.body());
    assertTrue(other.body().contains("Idempotency-Key was already used"), other.body());
    assertFalse(other.body().contains((String) filed.get("service_request_id")), "no stored value echoed");
    assertEquals(0, stored("Another pothole"));

    assertEquals(400, post("/open311/v2/requests.json", body, "short").statusCode());
    assertEquals(200, post("/open311/v2/requests.json", body, null).statusCode(), "no key: a new request");
    assertEquals(2, stored("Idem replay pothole"));
  }

  @Test
  void concurrentRepeatsOfOneKeyFileOneRequest() throws Exception {
    for (String path : List.of("/open311/v2/requests.json", "/report/requests")) {
      String description = "Idem concurrent " + path;
      String body = pothole(description, path.startsWith("/open311"));
      String key = UUID.randomUUID().toString();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<HttpResponse<String>>> posts = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        posts.add(pool.submit(() -> post(path, body, key)));
      }
      Set<Object> ids = new HashSet<>();
      for (Future<HttpResponse<String>> f : posts) {
        HttpResponse<String> r = f.get();
        assertTrue(r.statusCode() == 200 || r.statusCode() == 409, r.statusCode() + " " + r.body());
        if (r.statusCode() == 200) {
          ids.add(created(r).get("service_request_id"));
        }
      }
      pool.shutdown();
      assertEquals(1, ids.size(), "every answered post names the one request: " + ids);
      assertEquals(1, stored(description), path);
      assertEquals(1, contacts(description), path);
      HttpResponse<String> later = post(path, body, key);
      assertEquals(ids.iterator().next(), created(later).get("service_request_id"), "a later repeat: " + path);
      assertEquals(1, stored(description), path);
    }
  }

  @Test
  void aKeyWhoseFilingDiedAfterItsContactIsFinishedForThatContact() throws Exception {
    String body = pothole("Idem in doubt pothole", false);
    // What an outage between the contact's commit and the case's leaves: the contact and its key
    // without an answer.
    String orphan = server.bean(ContactIntake.class).open(new OpenContactCommand(Channel.WEB_FORM,
        new CitizenIdentity.ChatHandle("open311:web-form:request:idem"), null, Language.KOREAN,
        "Pothole: Idem in doubt pothole", null, null, null)).id().value();
    Jdbc jdbc = server.bean(Jdbc.class);
    String doubtKey = UUID.randomUUID().toString();
    Instant ttlEnd = Instant.now().plus(Duration.ofHours(24));
    jdbc.update("insert into intake_key (scope, idem_key, body_sha256, contact_id, answer, expires_at)"
        + " values ('report', ?, ?, ?, '', ?)", doubtKey, sha256(body), orphan, ttlEnd);
    HttpResponse<String> inProgress = post("/report/requests", body, doubtKey);
    assertEquals(409, inProgress.statusCode(), "stored just now: the first post may still be filing");
    assertEquals(0, stored("Idem in doubt pothole"));

    jdbc.update("update intake_key set expires_at = ? where idem_key = ?", ttlEnd.minus(Duration.ofMinutes(2)),
        doubtKey);
    HttpResponse<String> retry = post("/report/requests", body, doubtKey);
    Map<String, Object> finished = created(retry);
    assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(null));
    assertEquals(1, stored("Idem in doubt pothole"));
    assertEquals(orphan, jdbc.queryOne("select contact_id from open311_request where service_request_id = ?",
        r -> r.getString(1), finished.get("service_request_id")).orElseThrow(), "filed for the stored contact");
    assertEquals(1, contacts("Idem in doubt pothole"), "no second contact was opened");
    assertEquals(finished.get("service_request_id"),
        created(post("/report/requests", body, doubtKey)).get("service_request_id"));
    assertEquals(1, stored("Idem in doubt pothole"));
  }

  @Test
  void aFilingThatFailsAtItsLastWriteLeavesNothingAndItsRetryFilesOnce() throws Exception {
    String description = "Idem fails late pothole";
    Jdbc jdbc = server.bean(Jdbc.class);
    // The request row, written after the contact, the key and the case, is refused by the database.
    jdbc.update("alter table open311_request add constraint idem_fails_late check (description <> '" + description
        + "')");
    String key = UUID.randomUUID().toString();
    String body = pothole(description, true);
    try {
      HttpResponse<String> failed = post("/open311/v2/requests.json", body, key);
      assertEquals(503, failed.statusCode(), failed.body());
      assertEquals(0, contacts(description), "the contact rolled back with the request row");
      assertEquals(0, (int) jdbc.queryOne("select count(*) from case_file where summary like ?", r -> r.getInt(1),
          description + "%").orElseThrow(), "and the case");
      assertEquals(0, (int) jdbc.queryOne("select count(*) from intake_key where idem_key = ?", r -> r.getInt(1), key)
          .orElseThrow(), "and the key: a retry is a new filing, not one in progress (409)");
    } finally {
      jdbc.update("alter table open311_request drop constraint idem_fails_late");
    }
    Map<String, Object> filed = created(post("/open311/v2/requests.json", body, key));
    assertEquals(1, stored(description));
    assertEquals(1, contacts(description));
    assertEquals(filed.get("service_request_id"), created(post("/open311/v2/requests.json", body, key))
        .get("service_request_id"));
  }

  private static String sha256(String body) throws Exception {
    return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(body.getBytes(StandardCharsets.UTF_8)));
  }
}
