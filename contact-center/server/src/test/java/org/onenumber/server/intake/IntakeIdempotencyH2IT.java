package org.onenumber.server.intake;

import java.util.Map;
import org.onenumber.server.TestDatabases;

/** {@link IntakeIdempotencyTestBase} on H2. */
class IntakeIdempotencyH2IT extends IntakeIdempotencyTestBase {

  @Override
  Map<String, String> database() {
    return Map.of("datasources.default.url", TestDatabases.h2Url());
  }
}
