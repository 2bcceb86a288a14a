package org.onenumber.server.call;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/** {@link CallStepUnderClaimTestBase} on the embedded H2 default ({@code for update}). */
@MicronautTest
class CallStepUnderClaimH2IT extends CallStepUnderClaimTestBase implements TestPropertyProvider {

  @Override
  public Map<String, String> getProperties() {
    return Map.of("datasources.default.url", TestDatabases.h2Url());
  }
}
