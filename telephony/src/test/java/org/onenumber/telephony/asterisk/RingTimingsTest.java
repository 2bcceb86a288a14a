package org.onenumber.telephony.asterisk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RingTimingsTest {

  @Test
  void stageTagsAreTheMetricTagsDashboardsQuery() {
    assertEquals(List.of("routed", "mailbox", "dial", "answer", "accept", "total"),
        Arrays.stream(RingTimings.Stage.values()).map(RingTimings.Stage::tag).toList());
  }

  @Test
  void skippedTagsAreTheMetricTagsDashboardsQuery() {
    assertEquals(List.of("stale", "no-session"),
        Arrays.stream(RingTimings.Skipped.values()).map(RingTimings.Skipped::tag).toList());
  }
}
