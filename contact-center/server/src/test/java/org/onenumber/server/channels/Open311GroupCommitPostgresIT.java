package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.open311.FilingLanes;
import org.onenumber.server.persistence.Jdbc;

/**
 * Open311 filings are group-committed (issue #14): filings posted while a commit runs share the next
 * transaction of their lane, each behind its own savepoint. With one lane, on PostgreSQL (a fresh database) the test holds the
 * first filing at its request row (a table lock taken on another connection), posts 15 more
 * meanwhile — one of them refused by the database (a check constraint on its description) —, then
 * lets go: the 14 good ones are stored in one commit, once each, the refused one answers 503 and
 * leaves no contact, case or request, and every answer came after the commit that holds it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Open311GroupCommitPostgresIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String BAD = "GC refused pothole";
  private ServerHarness server;

  @BeforeAll
  void start() throws Exception {
    java.util.Map<String, Object> properties = new java.util.HashMap<>(TestDatabases.postgresProperties("open311_gc"));
    properties.put("onenumber.open311.group-commit.lanes", "1"); // one committer: the 15 queue behind the held one
    server = new ServerHarness(Files.createTempDirectory("onenumber-open311-gc"), properties).start();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String description) throws Exception {
    String form = "api_key=demo-open311-key&service_code=roads-01&lat=37.5665&long=126.978&description="
        + URLEncoder.encode(description, StandardCharsets.UTF_8);
    return HTTP.send(HttpRequest.newBuilder(server.uri().resolve("/open311/v2/requests.json"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private int count(String sql, String arg) {
    return server.bean(Jdbc.class).queryOne(sql, r -> r.getInt(1), arg).orElseThrow();
  }

  private static void await(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!done.getAsBoolean()) {
      assertTrue(System.nanoTime() < until, "timed out waiting for " + what);
      Thread.sleep(20);
    }
  }

  @Test
  void aFilingTheDatabaseRefusesInsideABatchFailsAloneAndTheOthersAreStoredInOneCommit() throws Exception {
    Jdbc jdbc = server.bean(Jdbc.class);
    FilingLanes commits = server.bean(FilingLanes.class);
    jdbc.update("alter table open311_request add constraint gc_refused check (description <> '" + BAD + "')");
    ExecutorService posters = Executors.newFixedThreadPool(16);
    try (Connection lock = server.bean(DataSource.class).getConnection()) {
      lock.setAutoCommit(false);
      lock.createStatement().execute("lock table open311_request in share mode");
      IntSupplier waiting = () -> jdbc.queryOne("select count(*) from pg_locks l join pg_class c on c.oid = l.relation"
          + " where c.relname = 'open311_request' and not l.granted", r -> r.getInt(1)).orElseThrow();
      int audited = count("select count(*) from audit_log where record_type = ?", "api-key");
      Future<HttpResponse<String>> first = posters.submit(() -> post("GC pothole held"));
      await("the first filing to wait on the lock", () -> waiting.getAsInt() == 1);
      long before = commits.transactions();
      List<Future<HttpResponse<String>>> more = new ArrayList<>();
      for (int i = 0; i < 15; i++) {
        String description = i == 7 ? BAD : "GC pothole " + i;
        more.add(posters.submit(() -> post(description)));
      }
      // Each post's key use is audited just before it queues for the filings' commit.
      await("the 15 posts to reach the filing", () ->
          count("select count(*) from audit_log where record_type = ?", "api-key") >= audited + 16);
      Thread.sleep(300);
      assertEquals(before, commits.transactions(), "nothing committed while the first filing waits");
      lock.rollback();
      assertEquals(200, first.get().statusCode(), first.get().body());
      for (int i = 0; i < 15; i++) {
        HttpResponse<String> answer = more.get(i).get();
        if (i == 7) {
          assertEquals(503, answer.statusCode(), answer.body());
          assertTrue(answer.body().contains("retry"), answer.body());
        } else {
          assertEquals(200, answer.statusCode(), answer.body());
          assertEquals(1, count("select count(*) from open311_request where description = ?", "GC pothole " + i));
          assertEquals(1, count("select count(*) from contact where topic like ?", "%GC pothole " + i));
        }
      }
      assertEquals(before + 2, commits.transactions(),
          "the held filing's transaction, then one for the 15 queued meanwhile");
      assertEquals(0, count("select count(*) from contact where topic like ?", "%" + BAD), "refused: no contact");
      assertEquals(0, count("select count(*) from case_file where summary like ?", BAD + "%"), "no case");
      assertEquals(0, count("select count(*) from open311_request where description = ?", BAD), "no request");
    } finally {
      posters.shutdownNow();
      jdbc.update("alter table open311_request drop constraint gc_refused");
    }
  }
}
