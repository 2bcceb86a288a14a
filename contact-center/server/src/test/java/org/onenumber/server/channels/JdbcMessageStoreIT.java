package org.onenumber.server.channels;

import java.nio.file.Path;
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
import org.onenumber.server.TestDatabases;
import org.onenumber.server.persistence.JdbcMessageStore;
import org.onenumber.testkit.MessageStoreContract;

/**
 * The JDBC message store passes the same contract as the fake, on H2 (PostgreSQL mode) and on a
 * real PostgreSQL 15 (a fresh database from {@link TestDatabases}; fails, never skips, when the
 * server is not there).
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
    @Override
    Map<String, Object> database() {
      return Map.copyOf(TestDatabases.postgresProperties("onenumber_messages"));
    }
  }
}
