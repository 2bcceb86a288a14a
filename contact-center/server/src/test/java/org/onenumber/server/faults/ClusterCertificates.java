package org.onenumber.server.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A cluster's certificates made with the JDK's {@code keytool}, by the steps docs/integrate.md gives a
 * city's admins: a CA of the cluster, its trust store, and per node a key store holding the node's key and
 * its certificate signed by that CA. The bus settings of a node are {@link #settings}.
 */
final class ClusterCertificates {

  static final String PASSWORD = "cluster-test-pass";

  private final Path dir;
  private final String ca;

  /** Makes the CA {@code caName} in {@code dir} and its trust store ({@code <ca>-trust.p12}). */
  ClusterCertificates(Path dir, String caName) throws IOException, InterruptedException {
    this.dir = dir;
    this.ca = caName;
    keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + caName,
        "-ext", "bc:c", "-validity", "3650", "-keystore", ca + ".p12", "-storetype", "PKCS12", "-storepass", PASSWORD);
    keytool("-exportcert", "-alias", "ca", "-keystore", ca + ".p12", "-storepass", PASSWORD, "-rfc", "-file", ca + ".pem");
    keytool("-importcert", "-noprompt", "-alias", "ca", "-file", ca + ".pem", "-keystore", ca + "-trust.p12",
        "-storetype", "PKCS12", "-storepass", PASSWORD);
  }

  /** A node's key store ({@code <node>.p12}): its key, its certificate signed by this CA. */
  Path node(String node) throws IOException, InterruptedException {
    keytool("-genkeypair", "-alias", "node", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + node,
        "-validity", "825", "-keystore", node + ".p12", "-storetype", "PKCS12", "-storepass", PASSWORD);
    keytool("-certreq", "-alias", "node", "-keystore", node + ".p12", "-storepass", PASSWORD, "-file", node + ".csr");
    keytool("-gencert", "-alias", "ca", "-keystore", ca + ".p12", "-storepass", PASSWORD, "-infile", node + ".csr",
        "-outfile", node + ".pem", "-rfc", "-validity", "825", "-ext", "ku:c=digitalSignature",
        "-ext", "eku=serverAuth,clientAuth");
    keytool("-importcert", "-noprompt", "-alias", "ca", "-file", ca + ".pem", "-keystore", node + ".p12",
        "-storepass", PASSWORD);
    keytool("-importcert", "-alias", "node", "-file", node + ".pem", "-keystore", node + ".p12", "-storepass", PASSWORD);
    return dir.resolve(node + ".p12");
  }

  Path trustStore() {
    return dir.resolve(ca + "-trust.p12");
  }

  /** The bus settings of a node whose key store is {@code keyStore}, trusting {@code trust}'s CA. */
  static Map<String, String> settings(Path keyStore, Path trustStore) {
    return Map.of("onenumber.cluster.tls.key-store", keyStore.toString(),
        "onenumber.cluster.tls.key-store-password", PASSWORD,
        "onenumber.cluster.tls.trust-store", trustStore.toString(),
        "onenumber.cluster.tls.trust-store-password", PASSWORD);
  }

  private void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
    }
  }
}
