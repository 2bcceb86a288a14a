package org.onenumber.server.faults;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.onenumber.server.JsonFrames;

/** What the cluster ITs do as citizens and staff on a node: chats over its socket, HTTP with a bearer token. */
final class ClusterClients {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final JsonMapper json = JsonMapper.createDefault();

  HttpClient http() {
    return http;
  }

  JsonMapper json() {
    return json;
  }

  /** A citizen who opened the chat on {@code node} and wrote their first message (acknowledged). */
  JsonFrames chat(URI node, String clientId, String body) {
    JsonFrames citizen = new JsonFrames(json).open(http, ws(node, "/ws/chat"));
    citizen.send(Map.of("type", "start", "language", "ko"));
    citizen.await(type("session"));
    citizen.send(Map.of("type", "message", "clientId", clientId, "body", body));
    citizen.await(f -> "ack".equals(f.get("type")) && clientId.equals(f.get("clientId")));
    return citizen;
  }

  static String contactOf(JsonFrames citizen) {
    return (String) citizen.await(f -> "ack".equals(f.get("type")) && f.get("contactId") != null).get("contactId");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> offer(Map<String, Object> frame) {
    return (Map<String, Object>) frame.get("offer");
  }

  static Predicate<Map<String, Object>> type(String type) {
    return f -> type.equals(f.get("type"));
  }

  static URI ws(URI node, String path) {
    return URI.create("ws://" + node.getHost() + ":" + node.getPort() + path);
  }

  String token(URI node, String user) throws IOException, InterruptedException {
    return Logins.token(http, node, user);
  }

  HttpResponse<String> send(URI node, String method, String path, String body, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(node.resolve(path)).timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A GET's body as JSON (an object or a list). */
  Object get(URI node, String path, String token) throws IOException, InterruptedException {
    HttpResponse<String> response = send(node, "GET", path, null, token);
    if (response.statusCode() != 200) {
      throw new AssertionError("GET " + path + " on " + node + ": " + response.statusCode() + " " + response.body());
    }
    return json.readValue(response.body(), Object.class);
  }
}
