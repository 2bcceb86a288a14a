package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent event streams held open by a test, as a signed-in user: each event (its block of
 * lines, {@code event:name} and {@code data:...}) arrives in a queue; {@link #close} ends them all.
 */
final class SseStreams implements AutoCloseable {

  private final ServerHarness server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<InputStream> streams = new ArrayList<>();

  SseStreams(ServerHarness server) {
    this.server = server;
  }

  /** Opens {@code path} as {@code user}; returns its events once the {@code ready} event came. */
  BlockingQueue<String> open(String path, String user) throws Exception {
    HttpResponse<InputStream> response = http.send(java.net.http.HttpRequest.newBuilder(server.uri().resolve(path))
        .header("Authorization", "Bearer " + server.login(user)).header("Accept", "text/event-stream").GET().build(),
        HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, response.statusCode());
    streams.add(response.body());
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    Thread.ofVirtual().name("sse-" + user).start(() -> {
      try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        StringBuilder block = new StringBuilder();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (line.isEmpty() && !block.isEmpty()) {
            events.add(block.toString());
            block.setLength(0);
          } else if (!line.isEmpty() && !line.startsWith(":")) { // a comment (the heartbeat) is no event
            block.append(line.replace(": ", ":")).append('\n');
          }
        }
      } catch (IOException closed) {
        // the test closed the stream
      }
    });
    String ready = events.poll(10, TimeUnit.SECONDS);
    assertTrue(ready != null && ready.contains("event:ready"), String.valueOf(ready));
    return events;
  }

  @Override
  public void close() throws IOException {
    for (InputStream s : streams) {
      s.close();
    }
  }
}
