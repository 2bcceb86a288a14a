package org.onenumber.channels.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IceServersTest {

  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void withoutServersBrowsersUseHostCandidatesOnly() {
    assertEquals(List.of(), IceServers.NONE.forUser("c-1", NOW));
  }

  @Test
  void turnCredentialsExpireAndAreTheHmacOfTheUserNameUnderTheSharedSecret() {
    IceServers servers = new IceServers(List.of("stun:turn.example:3478"), List.of("turn:turn.example:3478?transport=udp"),
        "north-pole-secret", Duration.ofMinutes(30));
    List<Map<String, Object>> given = servers.forUser("c-1", NOW);
    assertEquals(Map.of("urls", List.of("stun:turn.example:3478")), given.get(0));
    assertEquals(NOW.plusSeconds(1800).getEpochSecond() + ":c-1", given.get(1).get("username"));
    // openssl: printf '1772443800:c-1' | openssl dgst -sha1 -hmac north-pole-secret -binary | base64
    assertEquals("X5vEo6wr//ZindPcn338jgzLNQM=", given.get(1).get("credential"));
  }

  @Test
  void turnWithoutASecretIsLeftOutRatherThanOfferedAsAnOpenRelay() {
    IceServers servers = new IceServers(List.of(), List.of("turn:turn.example:3478"), " ", null);
    assertEquals(List.of(), servers.forUser("c-1", NOW));
  }
}
