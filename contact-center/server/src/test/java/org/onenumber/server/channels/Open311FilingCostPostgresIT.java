package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.persistence.Jdbc;

/**
 * What one Open311 filing costs the database (issue #14: ≥ 500 filings/s with 1M cases), counted
 * by the server's own statement counter ({@code onenumber_sql_statements_total}: every statement,
 * savepoint and commit), on PostgreSQL, everything included: the key check and its audit row, the
 * filing's group commit, and what runs after the commit (the case categoriser, routing's arrival,
 * the live department figures). Filings one after another cost at most 19 statements each
 * (session 9: 35 — a per-request API key and service read, a count of a new contact's steps, the
 * escalation reading the contact it was handed, the categoriser's three reads and own commit per
 * case, the live figures' three reads of a case just opened; session 10: 24.9 — routing reading each
 * new contact back from the journal, twice when its read-ahead had not finished, and the audit
 * reading the last hash per group, the categoriser updating before inserting); 24 posted at once
 * cost at most 15 each (session 10: 18.4; the audit, the filings and the categoriser's writes are
 * shared). The key's use is audited alongside the filing and committed before the answer. Every
 * case is classified.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Open311FilingCostPostgresIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private ServerHarness server;

  @BeforeAll
  void start() throws Exception {
    server = new ServerHarness(Files.createTempDirectory("onenumber-open311-cost"),
        new java.util.HashMap<String, Object>(TestDatabases.postgresProperties("open311_cost"))).start();
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

  /** Waits until every case filed with {@code marker} is classified and the statement count stood still. */
  private long settled(String marker, int filed) throws InterruptedException {
    Jdbc jdbc = server.bean(Jdbc.class);
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String classified = "select count(*) from case_category k join case_file c on c.id = k.case_id"
        + " where c.summary like ?";
    while (count(classified, marker + "%") < filed) {
      assertTrue(System.nanoTime() < until, "timed out waiting for the cases to be classified");
      Thread.sleep(20);
    }
    long last;
    long now = jdbc.statements();
    do { // the counting reads above are statements too: settle on the count before them
      last = now;
      Thread.sleep(300);
      now = jdbc.statements();
    } while (now != last);
    return now;
  }

  @Test
  void aFilingCostsFewerStatementsAndFilingsPostedTogetherShareThem() throws Exception {
    assertEquals(200, post("warm-up pothole").statusCode()); // the key and the service, read once
    long before = settled("warm-up", 1);
    int sequential = 8;
    for (int i = 0; i < sequential; i++) {
      assertEquals(200, post("seq pothole " + i).statusCode());
      // the key's use, audited alongside the filing, committed before the answer
      assertEquals(i + 2, count("select count(*) from audit_log where action = ?", "use"));
    }
    long afterSequential = settled("seq pothole", sequential);
    // the settling reads of case_category (1 per 20 ms poll + 1 per 300 ms) are not the filings'
    double perFiling = (afterSequential - before - sequential) / (double) sequential; // less the audit counts
    System.out.printf("open311 statements per filing, one at a time: %.1f%n", perFiling);
    assertTrue(perFiling <= 19 + 1, "statements per filing one at a time: " + perFiling);

    int together = 24;
    ExecutorService posters = Executors.newFixedThreadPool(together);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < together; i++) {
        String description = "par pothole " + i;
        answers.add(posters.submit(() -> post(description)));
      }
      for (Future<HttpResponse<String>> a : answers) {
        assertEquals(200, a.get().statusCode(), a.get().body());
      }
    } finally {
      posters.shutdownNow();
    }
    double perConcurrent = (settled("par pothole", together) - afterSequential) / (double) together;
    System.out.printf("open311 statements per filing, %d posted at once: %.1f%n", together, perConcurrent);
    assertTrue(perConcurrent <= 15, "statements per filing posted at once: " + perConcurrent);
    assertEquals(together, count("select count(*) from case_category k join case_file c on c.id = k.case_id"
        + " where c.summary like ? and k.source = 'AUTOMATIC'", "par pothole%"), "each classified once");
  }
}
