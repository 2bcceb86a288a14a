package org.onenumber.server.security;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/** The access matrix on PostgreSQL (record rules read the database). */
@MicronautTest
class AccessPolicyPostgresIT extends AccessPolicyTestBase implements TestPropertyProvider {

  @Override
  public Map<String, String> getProperties() {
    return TestDatabases.postgresProperties("onenumber_access");
  }
}
