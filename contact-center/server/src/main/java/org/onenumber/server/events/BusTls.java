package org.onenumber.server.events;

import io.micronaut.context.annotation.Value;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.JksOptions;
import io.vertx.core.net.KeyStoreOptionsBase;
import io.vertx.core.net.PfxOptions;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's event bus authenticated (issue 11): every bus connection between nodes is TLS with
 * a client certificate both ways ({@link ClientAuth#REQUIRED}), each node's key and certificate in a
 * key store, the certificates it accepts (the cluster's own CA) in a trust store. A process that joins
 * the Hazelcast membership without a certificate the trust store accepts can neither send a message to
 * a node (its connection is refused in the handshake) nor receive one (the nodes do not trust its
 * server certificate). Host names are not checked: the cluster's CA is the trust. Settings:
 *
 * <ul>
 *   <li>{@code onenumber.cluster.tls.key-store}: this node's key store (PKCS12 unless {@code store-type});
 *   <li>{@code onenumber.cluster.tls.key-store-password};
 *   <li>{@code onenumber.cluster.tls.trust-store}: the certificates of the cluster's CA;
 *   <li>{@code onenumber.cluster.tls.trust-store-password};
 *   <li>{@code onenumber.cluster.tls.store-type} ({@code PKCS12}).
 * </ul>
 *
 * Without the stores the bus is unauthenticated, which is allowed only when the node binds a loopback
 * address (one machine, tests, the demo): it says so in the log; on any other address the node refuses to
 * start and names the settings. docs/integrate.md shows the keytool commands. Immutable, thread-safe.
 */
@Singleton
final class BusTls {

  private static final Logger LOG = LoggerFactory.getLogger(BusTls.class);
  private static final String PREFIX = "onenumber.cluster.tls.";

  private final String keyStore;
  private final String keyStorePassword;
  private final String trustStore;
  private final String trustStorePassword;
  private final String storeType;

  BusTls(@Value("${" + PREFIX + "key-store:}") String keyStore,
      @Value("${" + PREFIX + "key-store-password:}") String keyStorePassword,
      @Value("${" + PREFIX + "trust-store:}") String trustStore,
      @Value("${" + PREFIX + "trust-store-password:}") String trustStorePassword,
      @Value("${" + PREFIX + "store-type:PKCS12}") String storeType) {
    this.keyStore = keyStore;
    this.keyStorePassword = keyStorePassword;
    this.trustStore = trustStore;
    this.trustStorePassword = trustStorePassword;
    this.storeType = storeType;
  }

  /** Makes the bus TLS with client certificates, or leaves it plain on a loopback {@code host} (refused elsewhere). */
  void apply(EventBusOptions bus, String host) {
    if (keyStore.isBlank() && trustStore.isBlank()) {
      if (!loopback(host)) {
        throw new IllegalStateException("the cluster's event bus on " + host + " needs its certificates: set "
            + PREFIX + "key-store and " + PREFIX + "trust-store (and their passwords); see docs/integrate.md."
            + " Only a node on a loopback address may run the bus unauthenticated");
      }
      LOG.warn("the cluster's event bus is UNAUTHENTICATED (no {}key-store/trust-store): allowed only because it"
          + " binds the loopback address {}", PREFIX, host);
      return;
    }
    bus.setSsl(true)
        .setClientAuth(ClientAuth.REQUIRED)
        .setKeyCertOptions(store(keyStore, keyStorePassword, "key-store"))
        .setTrustOptions(store(trustStore, trustStorePassword, "trust-store"));
    LOG.info("the cluster's event bus is TLS with client certificates (key store {}, trust store {})", keyStore,
        trustStore);
  }

  /**
   * A store as Vert.x options of its own type: the bus's options travel as JSON to its server and client,
   * which keep only {@code PfxOptions} and {@code JksOptions} (a generic {@code KeyStoreOptions} is lost
   * on the way: "Key/certificate is mandatory for SSL").
   */
  private KeyStoreOptionsBase store(String path, String password, String setting) {
    if (path.isBlank() || !Files.isReadable(Path.of(path))) {
      throw new IllegalStateException(PREFIX + setting + " is " + (path.isBlank() ? "not set" : "not readable: " + path)
          + " (the cluster's bus needs both stores; see docs/integrate.md)");
    }
    return switch (storeType.toUpperCase(java.util.Locale.ROOT)) {
      case "PKCS12" -> new PfxOptions().setPath(path).setPassword(password);
      case "JKS" -> new JksOptions().setPath(path).setPassword(password);
      default -> throw new IllegalStateException(PREFIX + "store-type must be PKCS12 or JKS, not " + storeType);
    };
  }

  private static boolean loopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
