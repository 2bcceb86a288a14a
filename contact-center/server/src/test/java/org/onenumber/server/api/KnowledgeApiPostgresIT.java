package org.onenumber.server.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/** The same knowledge API tests on a real PostgreSQL server, same migrations. */
@MicronautTest
class KnowledgeApiPostgresIT extends KnowledgeApiTestBase implements TestPropertyProvider {

  @Override
  public Map<String, String> getProperties() {
    return TestDatabases.postgresProperties("onenumber_knowledge_api");
  }
}
