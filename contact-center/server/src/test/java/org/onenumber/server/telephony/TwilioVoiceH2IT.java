package org.onenumber.server.telephony;

import java.nio.file.Path;
import java.util.Map;

/** Twilio Voice through the server on the embedded H2 file database. */
class TwilioVoiceH2IT extends TwilioVoiceTestBase {

  @Override
  Map<String, Object> database(Path dataDir) {
    return Map.of("datasources.default.url", "jdbc:h2:file:" + dataDir.resolve("db/onenumber")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;ANALYZE_AUTO=0");
  }
}
