package org.onenumber.server.telephony;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/** The call-control API on a fresh database on the real PostgreSQL server. */
@MicronautTest
class CallControlsPostgresIT extends CallControlsTestBase implements TestPropertyProvider {

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new java.util.HashMap<>(TestDatabases.postgresProperties("onenumber_call_controls_it"));
    properties.put("spec.name", "CallControlsPostgresIT");
    // Asterisk and Twilio carriers exist too (unconfigured): callbacks go to the test's carrier.
    properties.put("onenumber.telephony.callback-carrier", "fake");
    return properties;
  }
}
