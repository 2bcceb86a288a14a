package org.onenumber.server.telephony;

import java.nio.file.Path;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/** Twilio Voice through the server on PostgreSQL (a fresh database per test; bin/pg-setup starts it). */
class TwilioVoicePostgresIT extends TwilioVoiceTestBase {

  @Override
  Map<String, Object> database(Path dataDir) {
    return new java.util.HashMap<>(TestDatabases.postgresProperties("twilio_voice"));
  }
}
