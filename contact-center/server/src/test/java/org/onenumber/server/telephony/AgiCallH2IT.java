package org.onenumber.server.telephony;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/** The simulated Asterisk call end to end on the embedded H2 default (migrations V70, V71 included). */
@MicronautTest
class AgiCallH2IT extends AgiCallTestBase {

  @Override
  Map<String, String> database() {
    return Map.of("datasources.default.url", TestDatabases.h2Url());
  }
}
