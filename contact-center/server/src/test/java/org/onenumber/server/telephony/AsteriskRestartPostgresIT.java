package org.onenumber.server.telephony;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/** Asterisk restarting under the running server, on a fresh database on the real PostgreSQL server. */
@MicronautTest
class AsteriskRestartPostgresIT extends AsteriskRestartTestBase {

  @Override
  Map<String, String> database() {
    return TestDatabases.postgresProperties("onenumber_asterisk_restart_it");
  }
}
