package org.onenumber.server.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/** The API on the embedded H2 default (in memory here, a file in production). */
@MicronautTest
class ApiH2IT extends ApiTestBase implements TestPropertyProvider {

  @Override
  public Map<String, String> getProperties() {
    return Map.of("datasources.default.url", TestDatabases.h2Url());
  }
}
