package org.onenumber.server.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  @Test
  void aCidrRangeTrustsEveryAddressInsideItAndNoneOutside() {
    TrustedProxies proxies = new TrustedProxies("10.0.0.0/8, 192.168.1.7, fd00::/8");
    assertTrue(proxies.contains("10.0.0.1"));
    assertTrue(proxies.contains("10.255.255.254"));
    assertFalse(proxies.contains("11.0.0.1"));
    assertTrue(proxies.contains("192.168.1.7"), "a bare address is a /32");
    assertFalse(proxies.contains("192.168.1.8"));
    assertTrue(proxies.contains("fd12:3456::1"));
    assertFalse(proxies.contains("fe80::1"));
  }

  @Test
  void somethingThatIsNotALiteralAddressIsNeverTrustedAndNeverLookedUp() {
    TrustedProxies proxies = new TrustedProxies("0.0.0.0/0");
    assertTrue(proxies.contains("203.0.113.9"));
    assertFalse(proxies.contains("localhost"));
    assertFalse(proxies.contains("unknown"));
    assertFalse(new TrustedProxies("").contains("10.0.0.1"), "none by default");
  }

  @Test
  void aMalformedEntryRefusesToStart() {
    assertThrows(ConfigurationException.class, () -> new TrustedProxies("10.0.0.0/33"));
    assertThrows(ConfigurationException.class, () -> new TrustedProxies("10.0.0.0/x"));
    assertThrows(ConfigurationException.class, () -> new TrustedProxies("proxy.example"));
  }
}
