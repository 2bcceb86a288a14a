package org.onenumber.server.channels;

import java.util.HashMap;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/** {@link CaseMediaIT} on PostgreSQL (a fresh database): migration V250 and the job queries. */
class CaseMediaPostgresIT extends CaseMediaIT {

  @Override
  Map<String, Object> properties() {
    Map<String, Object> props = new HashMap<>(super.properties());
    props.putAll(TestDatabases.postgresProperties("casemedia"));
    return props;
  }
}
