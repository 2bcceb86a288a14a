package org.onenumber.channels.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallSettingsTest {

  private static final Duration GRACE = Duration.ofSeconds(30);

  @Test
  void theIceTransportPolicyIsAllUnlessRelayIsAskedFor() {
    assertEquals("all", new CallSignalling.Settings(GRACE, IceServers.NONE).iceTransportPolicy());
    assertEquals("all", new CallSignalling.Settings(GRACE, IceServers.NONE, " ").iceTransportPolicy());
    assertEquals("relay", new CallSignalling.Settings(GRACE, IceServers.NONE, "relay").iceTransportPolicy());
  }

  @Test
  void anUnknownIceTransportPolicyIsRefusedAtStart() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CallSignalling.Settings(GRACE, IceServers.NONE, "none"));
    assertEquals("the ICE transport policy is all or relay, not none", e.getMessage());
  }
}
