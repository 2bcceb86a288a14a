package org.onenumber.server.channels;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.onenumber.server.JsonFrames;

/**
 * The setup the property tests of the public inputs share ({@link SeededInputs} draws their inputs):
 * one real server for the class, started with the settings the subclass gives (its rate limits
 * raised so that every try reaches the validators), a JSON mapper and an HTTP client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SeededServer {

  static final JsonMapper JSON = JsonMapper.createDefault();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  ServerHarness server;

  /** The settings the server starts with. */
  abstract Map<String, Object> settings();

  @BeforeAll
  void start() throws IOException {
    server = new ServerHarness(Files.createTempDirectory("onenumber-properties"), settings()).start();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  /** A WebSocket opened on the server's {@code path} (with its query), recording every frame. */
  JsonFrames socket(String path) {
    return new JsonFrames(JSON).open(HTTP, URI.create(server.uri().toString().replaceFirst("^http", "ws")
        .replaceAll("/$", "") + path));
  }
}
