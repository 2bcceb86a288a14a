package org.onenumber.server.channels;

import java.util.Map;
import org.onenumber.server.TestDatabases;

/** {@link SlowTwilioReplyIT} on PostgreSQL (a fresh database). */
class SlowTwilioReplyPostgresIT extends SlowTwilioReplyIT {

  @Override
  Map<String, Object> properties() {
    return new java.util.HashMap<>(TestDatabases.postgresProperties("slow_twilio_reply"));
  }
}
