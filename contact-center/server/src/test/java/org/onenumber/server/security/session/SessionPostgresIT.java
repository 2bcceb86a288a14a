package org.onenumber.server.security.session;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/** {@link SessionH2IT} on a real PostgreSQL server ({@code bin/pg-setup}), a fresh database: the same six stories. */
@MicronautTest
class SessionPostgresIT extends SessionH2IT {

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(TestDatabases.postgresProperties("onenumber_session"));
    properties.put("micronaut.security.token.generator.access-token.expiration", "600");
    return properties;
  }
}
