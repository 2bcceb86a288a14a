package org.onenumber.server.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.TestHttp;
import org.onenumber.server.config.ServerTime;

/**
 * A simulation restarted on its journal with its clock set back before the journal's last step
 * (session 8's full-day bench restarted the day at its beginning) refuses to start with a message
 * naming {@code onenumber.simulation.clock.start} and the instant to set, instead of routing's
 * "could not be rebuilt" deep in the bean chain; set to that instant, the same journal starts.
 */
class ClockBehindJournalH2IT {

  private final TestHttp http = new TestHttp();

  @Test
  void aSimulationRestartedBehindItsJournalNamesTheSettingAndStartsWhenItIsSet() throws Exception {
    String url = TestDatabases.h2Url();
    try (EmbeddedServer day = simulation(url, "2026-04-15T09:00:00+09:00")) {
      HttpResponse<String> created = http.send(day, "POST", "/api/v1/contacts",
          "{\"channel\":\"VOICE\",\"phone\":\"010-5555-0401\",\"language\":\"ko\",\"queue\":\"general-ko\"}",
          http.login(day, "sv-01"));
      assertEquals(201, created.statusCode(), created.body());
    }
    RuntimeException refused = assertThrows(RuntimeException.class, () -> simulation(url, "2026-04-15T00:00:00+09:00"));
    String message = messages(refused);
    assertTrue(message.contains("set onenumber.simulation.clock.start to 2026-04-15T0"), message);
    try (EmbeddedServer continued = simulation(url, "2026-04-16T00:00:00+09:00")) {
      assertEquals(200, http.send(continued, "GET", "/health", null, null).statusCode());
    }
  }

  private static EmbeddedServer simulation(String url, String start) {
    return ApplicationContext.run(EmbeddedServer.class, Map.of("datasources.default.url", url,
        "micronaut.server.port", -1, "onenumber.simulation.clock.speedup", "200",
        "onenumber.simulation.clock.start", start), "test", ServerTime.SIMULATION);
  }

  private static String messages(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }
}
