package org.onenumber.server.channels;

import java.util.HashMap;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/** Leaving a chat, on PostgreSQL (a fresh database per test). */
class ChatLeavePostgresIT extends ChatLeaveTestBase {

  @Override
  Map<String, Object> properties() {
    Map<String, Object> p = new HashMap<>(TestDatabases.postgresProperties("chat_leave"));
    p.put(GRACE_PROPERTY, "2s");
    return p;
  }
}
