package org.onenumber.server.routing;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/** The routing API on a fresh database on the real PostgreSQL server (migration V10 included). */
@MicronautTest
class RoutingApiPostgresIT extends RoutingApiWrapUpsTestBase implements TestPropertyProvider {

  @Override
  public Map<String, String> getProperties() {
    return TestDatabases.postgresProperties("onenumber_routing_it");
  }
}
