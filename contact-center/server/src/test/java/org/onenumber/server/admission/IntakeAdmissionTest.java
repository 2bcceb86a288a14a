package org.onenumber.server.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class IntakeAdmissionTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final IntakeAdmission admission = new IntakeAdmission(meters, 2, 1, 1, 0, 1, 3);

  @Test
  void aFullLaneShedsAtOnceAndCountsItAndAClosedPermitFreesOnePlaceOnce() {
    IntakeAdmission.Permit first = admission.enter(IntakeKind.WEBHOOK);
    IntakeAdmission.Permit second = admission.enter(IntakeKind.WEBHOOK);
    IntakeShedException shed = assertThrows(IntakeShedException.class, () -> admission.enter(IntakeKind.WEBHOOK));
    assertEquals(3, shed.retryAfterSeconds());
    assertEquals("unavailable", shed.code());
    assertEquals(2.0, meters.get("onenumber.admission.in.flight").tag("kind", "webhooks").gauge().value());

    first.close();
    first.close();
    assertNotNull(admission.tryEnter(IntakeKind.WEBHOOK));
    assertNull(admission.tryEnter(IntakeKind.WEBHOOK), "closing twice freed one place only");
    second.close();
    assertEquals(2, admission.shed(IntakeKind.WEBHOOK));
    assertEquals(2.0, meters.get("onenumber.admission.shed").tag("kind", "webhooks").counter().count());
  }

  @Test
  void lanesAreSeparateAndZeroIsUnbounded() {
    try (var chat = admission.enter(IntakeKind.CHAT)) {
      assertNull(admission.tryEnter(IntakeKind.CHAT));
      assertNotNull(admission.tryEnter(IntakeKind.REPORT));
      for (int i = 0; i < 1000; i++) {
        admission.enter(IntakeKind.CONTACT);
      }
      assertEquals(0, admission.shed(IntakeKind.CONTACT));
    }
    try (var call = admission.enter(IntakeKind.CALL)) { // issue 17: calls have their own lane
      assertNull(admission.tryEnter(IntakeKind.CALL));
      assertEquals(1.0, meters.get("onenumber.admission.shed").tag("kind", "calls").counter().count());
    }
  }

  /**
   * Issue 17: the database-bound lanes together let at most a few requests per pooled connection
   * in flight (New York's day at 100× collapsed with 896 allowed on 16 connections: a request
   * that waits seconds for a connection is worse than a 503 at once).
   */
  @Test
  @SuppressWarnings("unchecked")
  void theDefaultLanesFitTheSharedPool() throws Exception {
    Map<String, Object> yml;
    try (InputStream in = IntakeAdmissionTest.class.getResourceAsStream("/application.yml")) {
      yml = new Yaml().load(in);
    }
    Map<String, Object> lanes = (Map<String, Object>) ((Map<String, Object>) yml.get("onenumber")).get("admission");
    Map<String, Object> pool = (Map<String, Object>) ((Map<String, Object>) yml.get("datasources")).get("default");
    int connections = (Integer) pool.get("maximum-pool-size");
    int inFlight = Stream.of("webhooks", "chat", "contacts", "calls").mapToInt(kind -> (Integer) lanes.get(kind)).sum();
    assertTrue(inFlight <= 8 * connections, inFlight + " intake requests in flight allowed on " + connections
        + " connections");
  }
}
