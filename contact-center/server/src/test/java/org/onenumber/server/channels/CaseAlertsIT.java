package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
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
 * sweep pushes nothing. A citizen's rating of 1 reaches the department's stream as {@code low-rating}.
 */
class CaseAlertsIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("onenumber.cases.sweep-every", "1h"));

  private final SseStreams streams = new SseStreams(server);

  @AfterEach
  void closeStreams() throws IOException {
    streams.close();
  }

  private BlockingQueue<String> alerts(String user) throws Exception {
    return streams.open("/api/v1/case-alerts/stream", user);
  }

  /** Files a pothole on the {@code /report/} form with these fields; its case number. */
  private String pothole(String fields) {
    String filed = server.client().toBlocking().retrieve(HttpRequest.POST("/report/requests",
        "service_code=roads-01&" + fields).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class);
    return filed.replaceAll("(?s).*\"service_request_id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
  }

  @Test
  void anOverdueCaseIsPushedToItsDepartmentAndTheSupervisorsOnce() throws Exception {
    String caseId = pothole("description=Pothole+at+the+library&address_string=Sejong-daero+110");
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

  @Test
  void aLowRatingIsPushedToItsDepartmentOnly() throws Exception {
    String caseId = pothole("description=Pothole+at+the+school&address_string=Jong-ro+1&phone=010-5555-7788");
    String staff = server.login("staff-roads");
    Map<?, ?> c = server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/cases/" + caseId).bearerAuth(staff),
        Map.class);
    server.client().toBlocking().retrieve(HttpRequest.POST("/api/v1/cases/" + caseId + "/resolve",
        Map.of("version", c.get("version"), "publicAnswer", "Filled.")).bearerAuth(staff), Map.class);
    BlockingQueue<String> roads = alerts("staff-roads");
    BlockingQueue<String> water = alerts("staff-water");

    server.client().toBlocking().retrieve(HttpRequest.POST("/api/v1/track/rating", Map.of("caseNumber", caseId,
        "phoneLast4", "7788", "score", 1, "comment", "The hole is back")), Map.class);

    String event = roads.poll(10, TimeUnit.SECONDS);
    assertTrue(event != null && event.contains("event:low-rating") && event.contains("\"kind\":\"LOW_RATING\"")
        && event.contains("\"caseId\":\"" + caseId + "\""), String.valueOf(event));
    assertFalse(event.contains("hole is back") || event.contains("\"score\""), "no rating or comment: " + event);
    assertNull(water.poll(500, TimeUnit.MILLISECONDS), "another department's alert");
  }
}
