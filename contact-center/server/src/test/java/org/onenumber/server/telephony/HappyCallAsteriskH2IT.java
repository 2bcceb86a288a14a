package org.onenumber.server.telephony;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/** Happy-call by IVR on Asterisk through the server, on H2. */
@MicronautTest
class HappyCallAsteriskH2IT extends HappyCallAsteriskTestBase {

  @Override
  Map<String, String> database() {
    return Map.of("datasources.default.url", TestDatabases.h2Url());
  }
}
