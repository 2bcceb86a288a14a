package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.server.JsonFrames;
import org.onenumber.server.TestDatabases;

/**
 * A citizen's hang-up on the call socket while PostgreSQL refuses the abandon's first two commits
 * (a trigger on {@code contact} raises for them, as a database going away would fail them): the
 * hang-up is handed to routing without waiting, the socket answers its next frame at once (no
 * {@code error}), routing tries the abandon again until it is journaled, the citizen then gets
 * {@code ended}, and the contact is ABANDONED: nothing lost. Issue #17: the hang-up ran routing's
 * {@code Abandon} on the socket's frame chain and waited; a failed commit answered {@code error}
 * and the hang-up was gone, the contact still waiting.
 */
class CallHangUpPostgresIT {

  private final Map<String, String> database = TestDatabases.postgresProperties("wrap15_call_hangup");

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(properties());

  private Map<String, Object> properties() {
    Map<String, Object> properties = new HashMap<>(database);
    properties.put("spec.name", "CallHangUpPostgresIT");
    return properties;
  }

  private Connection sql() throws SQLException {
    return DriverManager.getConnection(database.get("datasources.default.url"), TestDatabases.PG_USER,
        TestDatabases.PG_PASSWORD);
  }

  @Test
  void aHangUpWhoseFirstCommitsAreRefusedIsTriedAgainUntilJournaled() throws Exception {
    JsonFrames citizen = new JsonFrames(server.bean(JsonMapper.class)).open(java.net.http.HttpClient.newHttpClient(),
        URI.create(server.uri().toString().replaceFirst("^http", "ws").replaceAll("/$", "") + "/ws/call"));
    citizen.send(Map.of("type", "start", "mode", "sign", "language", "en", "caller", "browser-wrap15-01"));
    String contact = (String) citizen.await(f -> "session".equals(f.get("type"))).get("contactId");
    citizen.await(f -> "waiting".equals(f.get("type")));
    try (Connection c = sql(); Statement s = c.createStatement()) {
      s.execute("create sequence refused_commits");
      s.execute("""
          create function refuse_first_abandons() returns trigger language plpgsql as $$
          begin
            if upper(new.state) = 'ABANDONED' and nextval('refused_commits') <= 2 then
              raise exception 'commit refused by the test';
            end if;
            return new;
          end $$""");
      s.execute("create trigger refuse_first_abandons before insert or update on contact"
          + " for each row execute function refuse_first_abandons()");
    }

    citizen.send(Map.of("type", "hangup", "contactId", contact));
    citizen.send(Map.of("type", "ping"));
    citizen.await(f -> "pong".equals(f.get("type")));
    citizen.await(f -> "ended".equals(f.get("type")));
    assertTrue(citizen.frames().stream().noneMatch(f -> "error".equals(f.get("type"))), citizen.frames().toString());
    try (Connection c = sql(); Statement s = c.createStatement();
        ResultSet state = s.executeQuery("select state from contact where id = '" + contact + "'")) {
      assertTrue(state.next());
      assertEquals("ABANDONED", state.getString(1).toUpperCase(java.util.Locale.ROOT));
    }
    try (Connection c = sql(); Statement s = c.createStatement();
        ResultSet tries = s.executeQuery("select last_value from refused_commits")) {
      assertTrue(tries.next());
      assertTrue(tries.getLong(1) >= 3, "two refused commits, then the one that held: " + tries.getLong(1));
    }
  }
}
