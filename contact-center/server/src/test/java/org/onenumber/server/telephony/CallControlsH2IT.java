package org.onenumber.server.telephony;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/** The call-control API on the embedded H2 default. */
@MicronautTest
class CallControlsH2IT extends CallControlsTestBase implements TestPropertyProvider {

  @Override
  public Map<String, String> getProperties() {
    return Map.of("datasources.default.url", TestDatabases.h2Url(), "spec.name", "CallControlsH2IT",
        "onenumber.telephony.callback-carrier", "fake");
  }
}
