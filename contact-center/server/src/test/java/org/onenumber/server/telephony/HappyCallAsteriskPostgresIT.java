package org.onenumber.server.telephony;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/** Happy-call by IVR on Asterisk through the server, on a fresh database on the real PostgreSQL server. */
@MicronautTest
class HappyCallAsteriskPostgresIT extends HappyCallAsteriskTestBase {

  @Override
  Map<String, String> database() {
    return TestDatabases.postgresProperties("onenumber_happy_ivr_it");
  }
}
