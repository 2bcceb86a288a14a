package org.onenumber.server.telephony;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/** Asterisk restarting under the running server, on H2. */
@MicronautTest
class AsteriskRestartH2IT extends AsteriskRestartTestBase {

  @Override
  Map<String, String> database() {
    return Map.of("datasources.default.url", TestDatabases.h2Url());
  }
}
