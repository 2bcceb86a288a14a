package org.onenumber.server.channels;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.core.analytics.Observation;
import org.onenumber.server.analytics.EmergingIssues;

/**
 * Emerging-issue alerts are pushed through the real server: a supervisor and two departments'
 * staff hold the stream open; the live fold sees ten quiet days of water leaks and then a burst;
 * the supervisor and the water department get the alert at once (type, count, baseline, no
 * personal data), the roads department does not.
 */
class IssueAlertsIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();
  private final SseStreams streams = new SseStreams(server);

  @AfterEach
  void closeStreams() throws IOException {
    streams.close();
  }

  @Test
  void aBurstIsPushedToTheSupervisorsAndItsDepartmentOnly() throws Exception {
    EmergingIssues issues = server.bean(EmergingIssues.class);
    await().atMost(Duration.ofSeconds(30)).until(issues::warm);
    BlockingQueue<String> supervisor = streams.open("/api/v1/analytics/issues/stream", "sv-01");
    BlockingQueue<String> water = streams.open("/api/v1/analytics/issues/stream", "staff-water");
    BlockingQueue<String> roads = streams.open("/api/v1/analytics/issues/stream", "staff-roads");

    Instant day = Instant.now().plus(Duration.ofDays(2));
    for (int d = 0; d < 10; d++) {
      for (int n = 0; n < 2; n++) {
        issues.accept(Observation.unlocated(day.plus(Duration.ofDays(d)).plusSeconds(60L * n), "water.supply.leak"));
      }
    }
    Instant burst = day.plus(Duration.ofDays(10));
    for (int n = 0; n < 20; n++) {
      issues.accept(Observation.unlocated(burst.plusSeconds(n), "water.supply.leak"));
    }

    for (BlockingQueue<String> stream : List.of(supervisor, water)) {
      String event = stream.poll(10, TimeUnit.SECONDS);
      assertTrue(event != null && event.contains("event:issue"), String.valueOf(event));
      assertTrue(event.contains("\"key\":\"water.supply.leak@city\"") && event.contains("\"department\":\"water\"")
          && event.contains("\"kind\":\"BURST\""), event);
    }
    assertNull(roads.poll(500, TimeUnit.MILLISECONDS), "another department's alert");
  }
}
