package org.onenumber.server.ops;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/** The service-level APIs on a real PostgreSQL server: the batch report's SQL and V30 there too. */
@MicronautTest
class OpsApiPostgresIT extends OpsApiTestBase implements TestPropertyProvider {

  @Override
  public Map<String, String> getProperties() {
    return TestDatabases.postgresProperties("onenumber_ops");
  }
}
