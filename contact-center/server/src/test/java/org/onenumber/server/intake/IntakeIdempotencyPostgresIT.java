package org.onenumber.server.intake;

import java.util.Map;
import org.onenumber.server.TestDatabases;

/** {@link IntakeIdempotencyTestBase} on PostgreSQL (the concurrent repeats wait on the key's row lock). */
class IntakeIdempotencyPostgresIT extends IntakeIdempotencyTestBase {

  @Override
  Map<String, String> database() {
    return TestDatabases.postgresProperties("intake_idempotency");
  }
}
