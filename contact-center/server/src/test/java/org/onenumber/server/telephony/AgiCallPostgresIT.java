package org.onenumber.server.telephony;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/** The simulated Asterisk call end to end on a fresh database on the real PostgreSQL server. */
@MicronautTest
class AgiCallPostgresIT extends AgiCallTestBase {

  @Override
  Map<String, String> database() {
    return TestDatabases.postgresProperties("onenumber_agi_it");
  }
}
