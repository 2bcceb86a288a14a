package org.onenumber.server.telephony;

import java.nio.file.Path;
import java.util.Map;

/** {@link TelephonyTestBase} on an H2 file database. */
class TelephonyH2IT extends TelephonyTestBase {

  @Override
  Map<String, ?> database(Path dir) {
    return Map.of("datasources.default.url", "jdbc:h2:file:" + dir.resolve("db/onenumber")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;ANALYZE_AUTO=0");
  }
}
