package org.onenumber.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PfxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster profile's bus: TLS with client certificates when both stores are set; plain only on a
 * loopback address; refused elsewhere, and with a store missing, naming the setting.
 */
class BusTlsTest {

  private static BusTls none() {
    return new BusTls("", "", "", "", "PKCS12");
  }

  @Test
  void withoutStoresOnlyALoopbackNodeRunsThePlainBus() {
    EventBusOptions bus = new EventBusOptions();
    none().apply(bus, "127.0.0.1");
    assertFalse(bus.isSsl());
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> none().apply(bus, "10.0.0.11"));
    assertTrue(refused.getMessage().contains("onenumber.cluster.tls.key-store"), refused.getMessage());
  }

  @Test
  void withBothStoresTheBusIsTlsWithClientCertificatesRequired(@TempDir Path dir) throws IOException {
    Path keys = Files.writeString(dir.resolve("node-a.p12"), "not read here");
    Path trust = Files.writeString(dir.resolve("trust.p12"), "not read here");
    EventBusOptions bus = new EventBusOptions();
    new BusTls(keys.toString(), "k", trust.toString(), "t", "PKCS12").apply(bus, "10.0.0.11");
    assertTrue(bus.isSsl());
    assertEquals(ClientAuth.REQUIRED, bus.getClientAuth());
    assertEquals(keys.toString(), ((PfxOptions) bus.getKeyCertOptions()).getPath());
    assertEquals(trust.toString(), ((PfxOptions) bus.getTrustOptions()).getPath());
    assertTrue(new EventBusOptions(bus.toJson()).getKeyCertOptions() != null, "the stores survive the bus's JSON copy");
  }

  @Test
  void aMissingStoreIsNamed(@TempDir Path dir) throws IOException {
    Path keys = Files.writeString(dir.resolve("node-a.p12"), "x");
    IllegalStateException refused = assertThrows(IllegalStateException.class, () ->
        new BusTls(keys.toString(), "k", dir.resolve("absent.p12").toString(), "t", "PKCS12")
            .apply(new EventBusOptions(), "127.0.0.1"));
    assertTrue(refused.getMessage().contains("trust-store is not readable"), refused.getMessage());
  }
}
