package org.onenumber.server.channels;

import java.util.Map;

/** Leaving a chat, on the embedded H2 default. */
class ChatLeaveIT extends ChatLeaveTestBase {

  @Override
  Map<String, Object> properties() {
    return Map.of(GRACE_PROPERTY, "2s");
  }
}
