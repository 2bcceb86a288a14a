package org.onenumber.server.telephony;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/** One call through FastAGI and AMI together, on a fresh database on the real PostgreSQL server. */
@MicronautTest
class VoiceCallPostgresIT extends VoiceCallTestBase {

  @Override
  Map<String, String> database() {
    return TestDatabases.postgresProperties("onenumber_voice_it");
  }
}
