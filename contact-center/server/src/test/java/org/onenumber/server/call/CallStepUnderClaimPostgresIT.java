package org.onenumber.server.call;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/** {@link CallStepUnderClaimTestBase} on a fresh database of the real PostgreSQL server ({@code for share}). */
@MicronautTest
class CallStepUnderClaimPostgresIT extends CallStepUnderClaimTestBase implements TestPropertyProvider {

  @Override
  public Map<String, String> getProperties() {
    return TestDatabases.postgresProperties("fence23_call_step_claim");
  }
}
