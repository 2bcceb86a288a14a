package org.onenumber.server.telephony;

import java.nio.file.Path;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/** {@link TelephonyTestBase} on a fresh database on the real PostgreSQL server (migration V72 included). */
class TelephonyPostgresIT extends TelephonyTestBase {

  @Override
  Map<String, ?> database(Path dir) {
    return TestDatabases.postgresProperties("onenumber_telephony_it");
  }
}
