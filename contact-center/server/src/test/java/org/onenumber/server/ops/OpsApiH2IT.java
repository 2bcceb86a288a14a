package org.onenumber.server.ops;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/** The service-level APIs on the embedded H2 default. */
@MicronautTest
class OpsApiH2IT extends OpsApiTestBase implements TestPropertyProvider {

  @Override
  public Map<String, String> getProperties() {
    return Map.of("datasources.default.url", TestDatabases.h2Url());
  }
}
