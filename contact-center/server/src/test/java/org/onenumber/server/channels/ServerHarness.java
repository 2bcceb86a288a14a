package org.onenumber.server.channels;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.onenumber.channels.twilio.TwilioRequestSigner;

/**
 * Starts the real server (H2 file database in {@code dataDir}, demo city seed, Twilio pointed at
 * a local fake) and stops it; starting again on the same directory is a server restart.
 */
final class ServerHarness implements AutoCloseable {

  static final String ACCOUNT = "AC00000000000000000000000000000000";
  static final String TOKEN = "test-auth-token-0123456789abcdef";
  private static final String SECRET = "test-jwt-secret-0123456789abcdef0123456789abcdef";

  private final Path dataDir;
  private final URI twilioApi;
  private final Map<String, Object> extra;
  private EmbeddedServer server;
  private HttpClient client;

  ServerHarness(Path dataDir, URI twilioApi, Map<String, Object> extra) {
    this.dataDir = dataDir;
    this.twilioApi = twilioApi;
    this.extra = extra;
  }

  ServerHarness start() {
    Map<String, Object> props = new HashMap<>();
    props.put("onenumber.data-dir", dataDir.toString());
    props.put("datasources.default.url", "jdbc:h2:file:" + dataDir.resolve("db/onenumber")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    props.put("micronaut.server.port", extra.getOrDefault("micronaut.server.port", -1));
    props.put("micronaut.security.token.jwt.signatures.secret.generator.secret", SECRET);
    props.put("onenumber.twilio.account-sid", ACCOUNT);
    props.put("onenumber.twilio.auth-token", TOKEN);
    props.put("onenumber.twilio.api-base", twilioApi.toString());
    props.putAll(extra);
    server = ApplicationContext.run(EmbeddedServer.class, props);
    client = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
    return this;
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

  String login(String user) {
    Map<?, ?> body = client.toBlocking().retrieve(HttpRequest.POST("/login",
        Map.of("username", user, "password", "demo1234")), Map.class);
    return (String) body.get("access_token");
  }

  /** Posts a webhook as Twilio would, signed for the URL the server sees. */
  io.micronaut.http.HttpResponse<String> twilio(String path, Map<String, String> form, String signature) {
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
  }
}
