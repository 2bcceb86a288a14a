package org.onenumber.server.channels;

import java.util.Map;
import org.onenumber.server.TestDatabases;

/** {@link Open311IdempotencyIT} on PostgreSQL (a fresh database): concurrent keys wait on each other's row. */
class Open311IdempotencyPostgresIT extends Open311IdempotencyIT {

  @Override
  Map<String, Object> properties() {
    return new java.util.HashMap<>(TestDatabases.postgresProperties("open311_idem"));
  }
}
