package org.onenumber.channels.open311;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestQueryTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  private static RequestQuery parse(String query) {
    return RequestQuery.parse(FormBody.decode(query), NOW, "seoul.go.kr");
  }

  @Test
  void withoutDatesTheWindowIsTheMostRecent90DaysAndTheLimitIs1000() {
    RequestQuery q = parse("");
    assertEquals(NOW, q.to());
    assertEquals(NOW.minus(Duration.ofDays(90)), q.from());
    assertEquals(1000, q.limit());
    assertTrue(q.admits("open") && q.admits("closed"));
  }

  @Test
  void oneDateOpensA90DayWindowFromOrUpToIt() {
    assertEquals(Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofDays(90)),
        parse("start_date=2026-01-01T00:00:00Z").to());
    assertEquals(Instant.parse("2026-03-01T00:00:00Z").minus(Duration.ofDays(90)),
        parse("end_date=2026-03-01T00:00:00Z").from());
  }

  @Test
  void offsetsAreReadEvenWhenThePlusArrivedAsASpace() {
    assertEquals(Instant.parse("2026-01-01T00:00:00Z"), parse("start_date=2026-01-01T09:00:00+09:00").from());
    assertEquals(Instant.parse("2026-01-01T00:00:00Z"),
        RequestQuery.parse(Map.of("start_date", List.of("2026-01-01T09:00:00 09:00")), NOW, "x").from());
  }

  @Test
  void listsAreCommaDelimitedAndMayRepeat() {
    RequestQuery q = parse("service_request_id=C-1,C-2&service_request_id=C-3&service_code=a,b&status=open");
    assertEquals(List.of("C-1", "C-2", "C-3"), q.ids());
    assertEquals(List.of("a", "b"), q.serviceCodes());
    assertEquals(Set.of("open"), q.statuses());
    assertTrue(!q.admits("closed"));
  }

  @Test
  void malformedFiltersAre400AndAnotherJurisdiction404() {
    for (String bad : List.of("status=pending", "start_date=2026-01-01", "start_date=yesterday",
        "start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z",
        "start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z")) {
      assertEquals(400, assertThrows(GeoReportError.class, () -> parse(bad)).status(), bad);
    }
    assertEquals(404, assertThrows(GeoReportError.class, () -> parse("jurisdiction_id=sfgov.org")).status());
  }
}
