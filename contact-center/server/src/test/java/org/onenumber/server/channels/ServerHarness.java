package org.onenumber.server.channels;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.onenumber.channels.twilio.TwilioRequestSigner;
import org.onenumber.testkit.FakeTwilioApi;

/**
 * Starts the real server (H2 file database in {@code dataDir}, demo city seed, Twilio pointed at
 * its own local {@link FakeTwilioApi}) and stops it; starting again on the same directory is a
 * server restart. {@link #close} stops the server and the fake Twilio.
 */
final class ServerHarness implements AutoCloseable, BeforeEachCallback, AfterEachCallback {

  static final String ACCOUNT = "AC00000000000000000000000000000000";
  static final String TOKEN = "test-auth-token-0123456789abcdef";
  private static final String SECRET = "test-jwt-secret-0123456789abcdef0123456789abcdef";

  private final Path dataDir;
  private final FakeTwilioApi twilio = new FakeTwilioApi();
  private final Map<String, Object> extra;
  private final Map<String, Object> overrides = new HashMap<>();
  private EmbeddedServer server;
  private HttpClient client;

  ServerHarness(Path dataDir, Map<String, Object> extra) {
    this.dataDir = dataDir;
    this.extra = extra;
  }

  /**
   * A JUnit extension: a fresh server in a new temporary directory before each test, stopped and
   * deleted after it. Use with {@code @RegisterExtension}.
   */
  static ServerHarness perTest() {
    return perTest(Map.of());
  }

  /** Same, with extra configuration properties. */
  static ServerHarness perTest(Map<String, Object> extra) {
    try {
      return new ServerHarness(Files.createTempDirectory("onenumber-it"), extra);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    start();
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    close();
    try (var files = Files.walk(dataDir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The local Twilio this server sends to. */
  FakeTwilioApi twilio() {
    return twilio;
  }

  ServerHarness start() {
    Map<String, Object> props = new HashMap<>();
    props.put("onenumber.data-dir", dataDir.toString());
    props.put("datasources.default.url", "jdbc:h2:file:" + dataDir.resolve("db/onenumber")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;ANALYZE_AUTO=0");
    props.put("micronaut.server.port", extra.getOrDefault("micronaut.server.port", -1));
    props.put("micronaut.security.token.jwt.signatures.secret.generator.secret", SECRET);
    props.put("onenumber.twilio.account-sid", ACCOUNT);
    props.put("onenumber.twilio.auth-token", TOKEN);
    props.put("onenumber.twilio.api-base", twilio.baseUri().toString());
    props.putAll(extra);
    props.putAll(overrides);
    server = ApplicationContext.run(EmbeddedServer.class, props);
    client = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
    return this;
  }

  /** Sets {@code key} for the next {@link #start()} (a restart with other settings); the running server keeps its own. */
  void override(String key, Object value) {
    overrides.put(key, value);
  }

  void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.getApplicationContext().close();
    }
    client = null;
    server = null;
  }

  URI uri() {
    return server.getURI();
  }

  HttpClient client() {
    return client;
  }

  <T> T bean(Class<T> type) {
    return server.getApplicationContext().getBean(type);
  }

  /** The bean of {@code type} named {@code name} ({@code @Named}). */
  <T> T bean(Class<T> type, String name) {
    return server.getApplicationContext().getBean(type, io.micronaut.inject.qualifiers.Qualifiers.byName(name));
  }

  String login(String user) {
    Map<?, ?> body = client.toBlocking().retrieve(HttpRequest.POST("/login",
        Map.of("username", user, "password", "demo1234")), Map.class);
    return (String) body.get("access_token");
  }

  /** Posts a webhook as Twilio would, signed for the URL the server sees. */
  io.micronaut.http.HttpResponse<String> webhook(String path, Map<String, String> form, String signature) {
    HttpRequest<?> request = HttpRequest.POST(path, form).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
        .header("X-Twilio-Signature", signature);
    return client.toBlocking().exchange(request, String.class);
  }

  String sign(String path, Map<String, String> form) {
    return new TwilioRequestSigner(TOKEN).sign(uri().toString().replaceAll("/$", "") + path, form);
  }

  @Override
  public void close() {
    stop();
    twilio.close();
  }
}
