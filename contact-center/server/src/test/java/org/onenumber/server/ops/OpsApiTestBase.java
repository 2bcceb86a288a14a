package org.onenumber.server.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The service-level APIs over a real socket, on the database the subclass configures:
 * supervisor-only access, live figures that
 * move with contacts and equal the batch report's total row, the pushed wallboard stream,
 * Prometheus gauges, staffing, and the static pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OpsApiTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private String supervisor;
  private String operator;
  private String admin;

  @Inject
  EmbeddedServer server;

  private final HttpClient http = HttpClient.newHttpClient();

  @org.junit.jupiter.api.BeforeAll
  void logIn() throws Exception {
    supervisor = bearer("sv-01");
    operator = bearer("op-001");
    admin = bearer("admin");
  }

  private String bearer(String user) throws Exception {
    HttpResponse<String> login = send("POST", "/login", "{\"username\":\"" + user + "\",\"password\":\"demo1234\"}", null);
    return "Bearer " + JSON.readTree(login.body()).get("access_token").asText();
  }

  private HttpResponse<String> send(String method, String path, String body, String auth) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(server.getURL() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      r.header("Content-Type", "application/json");
    }
    if (auth != null) {
      r.header("Authorization", auth);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode center() throws Exception {
    HttpResponse<String> reply = send("GET", "/api/v1/service-levels?scope=center", null, supervisor);
    assertEquals(200, reply.statusCode(), reply.body());
    return JSON.readTree(reply.body());
  }

  private void openContact(String phone) throws Exception {
    HttpResponse<String> reply = send("POST", "/api/v1/contacts",
        "{\"channel\":\"VOICE\",\"phone\":\"" + phone + "\",\"language\":\"ko\",\"topic\":\"수도 누수\"}", null);
    assertEquals(201, reply.statusCode(), reply.body());
  }

  @Test
  void serviceLevelsAreForSupervisorsOnly() throws Exception {
    assertEquals(401, send("GET", "/api/v1/service-levels?scope=center", null, null).statusCode());
    assertEquals(403, send("GET", "/api/v1/service-levels?scope=center", null, operator).statusCode());
    assertEquals(400, send("GET", "/api/v1/service-levels?scope=planet&id=x", null, supervisor).statusCode());
  }

  @Test
  void liveFiguresFollowContactsAndEqualTheBatchTotalRow() throws Exception {
    long before = center().path("offered").asLong();
    openContact("010-4000-0001");
    openContact("010-4000-0002");
    await().atMost(Duration.ofSeconds(10)).until(() -> center().path("offered").asLong() == before + 2);
    JsonNode live = center();
    assertTrue(live.path("waiting").asLong() >= 2, live.toString());
    assertEquals(15, live.path("thresholdSeconds").asInt());
    assertEquals("OF_OFFERED", live.path("definitions").path("variant").asText());

    String today = LocalDate.now(ZoneId.of("Asia/Seoul")).toString();
    HttpResponse<String> report = send("GET", "/api/v1/reports/intervals?date=" + today + "&format=json", null, supervisor);
    assertEquals(200, report.statusCode(), report.body());
    JsonNode total = null;
    for (JsonNode row : JSON.readTree(report.body()).path("rows")) {
      if ("total".equals(row.path("interval").asText()) && "center".equals(row.path("scope").asText())) {
        total = row;
      }
    }
    assertTrue(total != null, report.body());
    for (String field : new String[] {"offered", "answered", "abandoned", "serviceLevel", "asaSeconds", "fcr", "handled"}) {
      assertEquals(live.path(field), total.path(field), field + " live " + live + " batch " + total);
    }
    HttpResponse<String> csv = send("GET", "/api/v1/reports/intervals?date=" + today + "&format=csv", null, supervisor);
    assertTrue(csv.body().startsWith("interval,scope,id,offered,"), csv.body());
    assertTrue(csv.body().contains("total,center,center," + live.path("offered").asLong()), csv.body());
    assertTrue(csv.body().contains("\ntotal,category,"), "issue 18's category rows: " + csv.body());
    assertEquals(400, send("GET", "/api/v1/reports/intervals?date=" + today + "&categories=101", null, supervisor).statusCode());
  }

  @Test
  void wallboardStreamPushesAFrameWhenAContactArrives() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/wallboard/stream"))
        .header("Authorization", supervisor).header("Accept", "text/event-stream").build();
    HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, response.statusCode());
    BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    Thread reader = Thread.ofVirtual().start(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.startsWith("data:")) {
            frames.add(JSON.readTree(line.substring(5).trim()));
          }
        }
      } catch (Exception e) {
        // stream closed at the end of the test
      }
    });
    JsonNode first = frames.poll(10, TimeUnit.SECONDS);
    assertTrue(first != null, "a snapshot frame first");
    long offered = first.path("center").path("today").path("offered").asLong();
    openContact("010-4000-0003");
    JsonNode next = frames.poll(10, TimeUnit.SECONDS);
    while (next != null && next.path("center").path("today").path("offered").asLong() <= offered) {
      next = frames.poll(10, TimeUnit.SECONDS);
    }
    assertTrue(next != null, "a pushed frame with the new contact");
    assertTrue(next.path("queue").size() >= 1, next.toString());
    assertTrue(next.path("intraday").path("start").size() >= 1, next.toString());
    assertTrue(next.path("queue").get(0).path("offered").asLong() >= 1, next.toString());
    reader.interrupt();
    response.body().close();
  }

  @Test
  void exportsLiveFiguresToPrometheus() throws Exception {
    openContact("010-4000-0004");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      String metrics = send("GET", "/prometheus", null, admin).body();
      assertTrue(metrics.contains("onenumber_sl_offered{id=\"center\",scope=\"center\"}"), metrics);
      assertTrue(metrics.contains("onenumber_sl_agents{state=\"AVAILABLE\"}"), metrics);
    });
  }

  @Test
  void staffingAnswersThePublishedWorkedExample() throws Exception {
    HttpResponse<String> reply = send("POST", "/api/v1/staffing", "{\"volumes\":[360],\"intervalMinutes\":30,"
        + "\"ahtSeconds\":240,\"targetServiceLevel\":0.8,\"thresholdSeconds\":15}", supervisor);
    assertEquals(200, reply.statusCode(), reply.body());
    JsonNode plan = JSON.readTree(reply.body());
    assertEquals("erlang-c", plan.path("model").asText());
    assertEquals(55, plan.path("intervals").get(0).path("agents").asInt());
  }

  @Test
  void servesTheWallboardPagesAndTheChartLibrary() throws Exception {
    assertEquals(200, send("GET", "/wallboard/index.html", null, null).statusCode());
    assertEquals(200, send("GET", "/wallboard/staffing.html", null, null).statusCode());
    assertEquals(200, send("GET", "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js", null, null).statusCode());
  }
}
