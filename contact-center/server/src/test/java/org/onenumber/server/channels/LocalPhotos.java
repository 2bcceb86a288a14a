package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A local HTTP server with one picture at {@code /hole.jpg} that records each path it served, and
 * the Open311 request that links to it: the photo link of the media tests (loopback allowed there).
 */
final class LocalPhotos implements AutoCloseable {

  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};

  private final List<String> served = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  LocalPhotos() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/hole.jpg", x -> {
      served.add(x.getRequestURI().getPath());
      x.sendResponseHeaders(200, JPEG.length);
      try (OutputStream out = x.getResponseBody()) {
        out.write(JPEG);
      }
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hole.jpg";
  }

  /** The paths served so far. */
  List<String> served() {
    return served;
  }

  /** Files a pothole through Open311 at {@code onenumber} with this photo's link; the case number. */
  String fileWithPhoto(URI onenumber) throws IOException, InterruptedException {
    Map<String, String> f = Map.of("api_key", "demo-open311-key", "service_code", "roads-01", "lat", "37.5665",
        "long", "126.978", "description", "A deep hole", "media_url", url());
    String form = f.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        onenumber.resolve("/open311/v2/requests.json")).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body().replaceAll("(?s).*\"service_request_id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
