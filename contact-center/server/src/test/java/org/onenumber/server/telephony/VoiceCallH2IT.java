package org.onenumber.server.telephony;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/** One call through FastAGI and AMI together, on the embedded H2 default. */
@MicronautTest
class VoiceCallH2IT extends VoiceCallTestBase {

  @Override
  Map<String, String> database() {
    return Map.of("datasources.default.url", TestDatabases.h2Url());
  }
}
