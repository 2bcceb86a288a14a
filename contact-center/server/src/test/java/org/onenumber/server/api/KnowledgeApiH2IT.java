package org.onenumber.server.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/** The knowledge API on the embedded H2 default. */
@MicronautTest
class KnowledgeApiH2IT extends KnowledgeApiTestBase implements TestPropertyProvider {

  @Override
  public Map<String, String> getProperties() {
    return Map.of("datasources.default.url", TestDatabases.h2Url());
  }
}
