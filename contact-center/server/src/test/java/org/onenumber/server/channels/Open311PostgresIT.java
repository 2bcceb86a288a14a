package org.onenumber.server.channels;

import java.util.Map;
import org.onenumber.server.TestDatabases;

/** {@link Open311IT} on PostgreSQL (a fresh database): the same migrations and queries. */
class Open311PostgresIT extends Open311IT {

  @Override
  Map<String, Object> properties() {
    return new java.util.HashMap<>(TestDatabases.postgresProperties("open311"));
  }
}
