package org.onenumber.server.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/** The same API tests on a real PostgreSQL server, same migrations. */
@MicronautTest
class ApiPostgresIT extends ApiTestBase implements TestPropertyProvider {

  @Override
  public Map<String, String> getProperties() {
    return TestDatabases.postgresProperties("onenumber_api");
  }
}
