package org.onenumber.server.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.persistence.Jdbc;

/**
 * Notes, event payloads, Open311 requests and queued photo links erased after their own periods on
 * a manual clock; counts kept.
 */
class RecordRetentionTest {

  private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");
  private final Jdbc jdbc = new Jdbc(dataSource());
  private final PrivacyRows rows = new PrivacyRows(jdbc);
  private Instant now = T0;
  private final RecordRetention retention = new RecordRetention(jdbc, 30, 60, 90, () -> now);

  DataSource dataSource() {
    return TestDatabases.h2();
  }

  private void seed() {
    rows.citizen("rr-c1", "Park Jisoo", "01055550002");
    rows.contact("rr-k1", "rr-c1", "CHAT", T0);
    rows.note("rr-k1", "citizen sounded distressed, lives alone at 3 Elm St", T0);
    jdbc.update("insert into domain_event (type, at, contact_id, payload) values (?, ?, ?, ?)", "contact.opened", T0,
        "rr-k1", "{\"topic\":\"my neighbour Kim is ill\"}");
    jdbc.update("insert into domain_event (type, at, contact_id, payload) values (?, ?, ?, ?)",
        "agent.state-changed", T0, null, "{\"agent\":\"op-001\",\"state\":\"READY\"}");
    jdbc.update("insert into open311_request (service_request_id, token, client_id, service_code, contact_id,"
        + " requested_at, lat, lon, address, description, media_url, attributes) values (?, ?, 'web-form', 'roads-01',"
        + " 'rr-k1', ?, 37.5665, 126.978, '12 Main St', 'pothole outside my house', 'https://example.org/p.jpg',"
        + " 'place_detail=front door')", "C-RR-1", "rr-token-1", T0);
    for (String state : new String[] {"DONE", "PENDING"}) {
      jdbc.update("insert into media_fetch (id, origin, contact_id, url, source, state, attempts, next_at, error,"
          + " created_at) values (?, ?, 'rr-k1', 'https://example.org/p.jpg?owner=kim', 'mms', ?, 1, ?,"
          + " 'https://example.org/p.jpg?owner=kim: 503', ?)", "rr-job-" + state, "mms:rr#" + state, state, T0, T0);
    }
  }

  @Test
  void eachKindIsErasedAfterItsOwnPeriodAndOnlyOnce() {
    seed();
    now = T0.plus(Duration.ofDays(29));
    assertEquals(new RecordRetention.Swept(0, 0, 0, 0), retention.sweep());
    now = T0.plus(Duration.ofDays(31));
    assertEquals(new RecordRetention.Swept(1, 0, 0, 0), retention.sweep());
    assertEquals(RetentionSweep.ERASED_TEXT, rows.text("select body from contact_note where contact_id = 'rr-k1'"));
    now = T0.plus(Duration.ofDays(61));
    assertEquals(new RecordRetention.Swept(0, 1, 0, 0), retention.sweep());
    assertEquals("{}", rows.text("select payload from domain_event where type = 'contact.opened' and contact_id = 'rr-k1'"));
    now = T0.plus(Duration.ofDays(91));
    assertEquals(new RecordRetention.Swept(0, 0, 1, 2), retention.sweep());
    assertEquals(RetentionSweep.ERASED_TEXT, rows.text("select description from open311_request where token = 'rr-token-1'"));
    assertEquals(1, rows.count("select count(*) from open311_request where token = 'rr-token-1' and address is null"
        + " and address_id is null and lat is null and lon is null and media_url is null and attributes is null"));
    assertEquals(0, rows.count("select count(*) from media_fetch where url <> ? or error is not null"
        + " or state = 'PENDING'", RetentionSweep.ERASED_TEXT), "photo links blanked, the pending one failed");
    assertEquals(new RecordRetention.Swept(0, 0, 0, 0), retention.sweep(), "idempotent");
  }

  @Test
  void figuresStayAfterTheSweep() {
    seed();
    now = T0.plus(Duration.ofDays(4000));
    retention.sweep();
    assertEquals(1, rows.count("select count(*) from contact_note where contact_id = 'rr-k1' and kind = 'NOTE'"));
    assertEquals(1, rows.count("select count(*) from domain_event where contact_id = 'rr-k1'"));
    assertEquals("{\"agent\":\"op-001\",\"state\":\"READY\"}",
        rows.text("select payload from domain_event where type = 'agent.state-changed' and at = ?", T0),
        "staff state changes feed the service-level figures and hold no citizen data");
    assertEquals(1, rows.count("select count(*) from open311_request where token = 'rr-token-1'"
        + " and service_code = 'roads-01' and client_id = 'web-form' and requested_at = ?", T0));
  }

  @Test
  void everyPeriodMustBeAtLeastADay() {
    assertThrows(IllegalArgumentException.class, () -> new RecordRetention(jdbc, 0, 1, 1, () -> now));
  }
}
