package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.core.casework.CaseDeadlines;
import org.onenumber.server.persistence.Jdbc;

/**
 * Overdue alerts are pushed, through the real server: the road department's staff and a
 * supervisor hold the alert stream open; a pothole case goes past its due date and the sweep
 * escalates it; both streams receive it at once, the water department's does not, and a second
 * sweep pushes nothing.
 */
class CaseAlertsIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("onenumber.cases.sweep-every", "1h"));

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<InputStream> streams = new ArrayList<>();

  @AfterEach
  void closeStreams() throws IOException {
    for (InputStream s : streams) {
      s.close();
    }
  }

  /** Opens the alert stream as {@code user}; returns its events (each block of lines), once it is ready. */
  private BlockingQueue<String> alerts(String user) throws Exception {
    HttpResponse<InputStream> response = http.send(java.net.http.HttpRequest.newBuilder(
        server.uri().resolve("/api/v1/case-alerts/stream")).header("Authorization", "Bearer " + server.login(user))
        .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, response.statusCode());
    streams.add(response.body());
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    Thread.ofVirtual().name("alerts-" + user).start(() -> {
      try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        StringBuilder block = new StringBuilder();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (line.isEmpty() && !block.isEmpty()) {
            events.add(block.toString());
            block.setLength(0);
          } else if (!line.isEmpty()) {
            block.append(line.replace(": ", ":")).append('\n');
          }
        }
      } catch (IOException closed) {
        // the test closed the stream
      }
    });
    String ready = events.poll(10, TimeUnit.SECONDS);
    assertTrue(ready != null && ready.contains("event:ready"), String.valueOf(ready));
    return events;
  }

  @Test
  void anOverdueCaseIsPushedToItsDepartmentAndTheSupervisorsOnce() throws Exception {
    String filed = server.client().toBlocking().retrieve(HttpRequest.POST("/report/requests",
        "service_code=roads-01&description=Pothole+at+the+library&address_string=Sejong-daero+110")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class);
    String caseId = filed.replaceAll("(?s).*\"service_request_id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    BlockingQueue<String> roads = alerts("staff-roads");
    BlockingQueue<String> supervisor = alerts("sv-01");
    BlockingQueue<String> water = alerts("staff-water");

    assertEquals(1, server.bean(Jdbc.class).update("update case_file set due_at = ? where id = ?",
        Instant.now().minusSeconds(60), caseId));
    server.bean(CaseDeadlines.class).sweep(); // (or the scheduled sweep, if it ran just now)

    for (BlockingQueue<String> stream : List.of(roads, supervisor)) {
      String event = stream.poll(10, TimeUnit.SECONDS);
      assertTrue(event != null && event.contains("event:overdue"), String.valueOf(event));
      assertTrue(event.contains("\"caseId\":\"" + caseId + "\"") && event.contains("\"department\":\"roads\""), event);
      assertFalse(event.contains("Pothole"), "no case text in an alert: " + event);
    }
    assertEquals(0, server.bean(CaseDeadlines.class).sweep());
    assertNull(water.poll(500, TimeUnit.MILLISECONDS), "another department's alert");
    assertNull(roads.poll(500, TimeUnit.MILLISECONDS), "the alert fires once");
  }
}
