package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.port.in.OpenContact;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.core.port.out.MessageStore;
import org.onenumber.server.persistence.JdbcMessageStore;
import org.onenumber.testkit.MessageStoreContract;

/**
 * The JDBC message store passes the same contract as the fake, on H2 (PostgreSQL mode) and on a
 * real PostgreSQL 15 (skipped when {@code ONENUMBER_PG_URL}, default
 * {@code jdbc:postgresql://localhost:5432/onenumber_channels}, user/password {@code onenumber}, is unreachable).
 */
class JdbcMessageStoreIT {

  abstract static class OnDatabase extends MessageStoreContract {
    @TempDir
    Path dir;
    ServerHarness server;
    ContactId contact;

    abstract Map<String, Object> database();

    @BeforeEach
    void start() {
      server = new ServerHarness(dir, database()).start();
      contact = server.bean(OpenContact.class).open(new OpenContactCommand(Channel.SMS,
          new CitizenIdentity.Phone("+821055550000"), null, Language.KOREAN, "test", null, null, null)).id();
    }

    @AfterEach
    void stop() {
      server.close();
    }

    @Override
    protected MessageStore store() {
      return server.bean(JdbcMessageStore.class);
    }

    @Override
    protected ContactId contact() {
      return contact;
    }
  }

  @Nested
  class OnH2 extends OnDatabase {
    @Override
    Map<String, Object> database() {
      return Map.of();
    }
  }

  @Nested
  class OnPostgres extends OnDatabase {
    private static final String URL = System.getenv().getOrDefault("ONENUMBER_PG_URL",
        "jdbc:postgresql://localhost:5432/onenumber_channels");

    @Override
    Map<String, Object> database() {
      try (Connection c = DriverManager.getConnection(URL, "onenumber", "onenumber"); Statement s = c.createStatement()) {
        s.execute("drop schema public cascade");
        s.execute("create schema public");
      } catch (SQLException e) {
        assumeTrue(false, "PostgreSQL unreachable at " + URL + ": " + e.getMessage());
      }
      return Map.of("datasources.default.url", URL, "datasources.default.driver-class-name", "org.postgresql.Driver",
          "datasources.default.username", "onenumber", "datasources.default.password", "onenumber");
    }
  }
}
