package org.onenumber.server.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onenumber.channels.twilio.TwilioRequestSigner;
import org.onenumber.server.JsonFrames;
import org.onenumber.server.TestDatabases;

/**
 * TLS at the front door (issue 11, session 17): HAProxy as {@code bin/haproxy-config --tls --redirect}
 * configures it, terminating TLS in front of one server on H2 whose {@code onenumber.public-url} is
 * the https address. Over TLS: HTTP/2 is negotiated, every answer carries HSTS, a webhook signed
 * for the https URL Twilio called is accepted (one signed for the plain-http URL the node sees is
 * not: the signature covers the scheme), a citizen's chat crosses as {@code wss} and is
 * acknowledged. Plain HTTP on the redirect listener is sent to https with 308 (method and body
 * kept). Skipped without HAProxy or openssl, except in CI.
 */
class HaproxyTlsIT {

  @Test
  void theFrontDoorSpeaksTlsAndSendsPlainHttpThere(@TempDir Path dir) throws Exception {
    Haproxy.requireInstalled();
    boolean openssl = Files.isExecutable(Path.of("/usr/bin/openssl"));
    assertTrue(openssl || System.getenv("CI") == null || System.getenv("CI").isBlank(),
        "openssl is not installed in CI: bin/prereqs installs it");
    Assumptions.assumeTrue(openssl, "openssl is not installed (apt-get install openssl, or bin/prereqs)");
    Path pem = selfSigned(dir);
    int port = Haproxy.freePort();
    int plainPort = Haproxy.freePort();
    String publicUrl = "https://127.0.0.1:" + port;
    Map<String, String> settings = new HashMap<>(Map.of("datasources.default.url", TestDatabases.h2Url(),
        "onenumber.trusted-proxies", Haproxy.SOURCE, "micronaut.server.port", "-1", "onenumber.public-url", publicUrl));
    HttpClient https = HttpClient.newBuilder().sslContext(trusting(dir.resolve("cert.pem")))
        .connectTimeout(Duration.ofSeconds(2)).build();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, PartitionFailoverPostgresIT.properties(settings));
        Haproxy haproxy = Haproxy.startTls(Map.of("node-a", server.getURI()), port, pem, plainPort)) {
      URI front = haproxy.uri();
      await("HAProxy's /health check brings the node up").atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(100)).until(() -> "UP".equals(haproxy.states().get("nodes/node-a")));

      HttpResponse<String> health = https.send(HttpRequest.newBuilder(front.resolve("/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode());
      assertEquals(HttpClient.Version.HTTP_2, health.version(), "HTTP/2 negotiated over TLS");
      assertEquals("max-age=31536000", health.headers().firstValue("strict-transport-security").orElse(""), "HSTS");

      AckedLoad twilio = new AckedLoad(front, "lbtls");
      Map<String, String> form = new LinkedHashMap<>(Map.of("MessageSid", "SMlbtls000000000000000000000000001",
          "SmsSid", "SMlbtls000000000000000000000000001", "AccountSid", ServerProcess.ACCOUNT, "From", "+821055501235",
          "To", "+8215880120", "Body", "보안등 고장", "NumMedia", "0"));
      assertEquals(200, twilio.send(https, new AckedLoad.Webhook(form.get("MessageSid"), form.get("From"), form)),
          "a webhook signed for the https URL Twilio called is accepted behind TLS");
      form.put("MessageSid", "SMlbtls000000000000000000000000002");
      String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
      HttpResponse<Void> forPlain = https.send(HttpRequest.newBuilder(front.resolve(AckedLoad.SMS_PATH))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-Twilio-Signature", new TwilioRequestSigner(ServerProcess.TOKEN)
              .sign("http://127.0.0.1:" + port + AckedLoad.SMS_PATH, form))
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
      assertEquals(403, forPlain.statusCode(), "a signature for the plain-http URL does not hold for the https one");

      JsonFrames chat = new JsonFrames(JsonMapper.createDefault()).open(https,
          URI.create("wss://127.0.0.1:" + port + "/ws/chat"));
      chat.send(Map.of("type", "start", "language", "ko"));
      chat.await(f -> "session".equals(f.get("type")));
      chat.send(Map.of("type", "message", "clientId", "tls-1", "body", "over wss"));
      assertEquals("ack", chat.await(f -> "tls-1".equals(f.get("clientId"))).get("type"), "the socket crossed TLS");

      HttpResponse<Void> plain = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + plainPort
          + "/api/v1/contacts?x=1")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
          HttpResponse.BodyHandlers.discarding());
      assertEquals(308, plain.statusCode(), "plain HTTP is sent to https, keeping the method");
      assertEquals(publicUrl + "/api/v1/contacts?x=1", plain.headers().firstValue("location").orElse(""));
    }
  }

  /** A self-signed certificate for 127.0.0.1 (openssl) and HAProxy's PEM: the certificate, then its key. */
  private static Path selfSigned(Path dir) throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
        "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-addext",
        "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(), "-out", cert.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
    assertEquals(0, openssl.waitFor(), () -> "openssl failed: " + read(dir.resolve("openssl.log")));
    Path pem = dir.resolve("front.pem");
    Files.writeString(pem, Files.readString(cert) + Files.readString(key));
    return pem;
  }

  private static SSLContext trusting(Path cert) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(cert)) {
      trust.setCertificateEntry("front", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
