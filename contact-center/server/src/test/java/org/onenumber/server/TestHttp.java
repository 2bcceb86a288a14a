package org.onenumber.server;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** JSON over HTTP to a server started by a test (restart tests run several servers in turn). */
public final class TestHttp {

  private final HttpClient http = HttpClient.newHttpClient();

  public HttpResponse<String> send(EmbeddedServer server, String method, String path, String body, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> map(EmbeddedServer server, HttpResponse<String> response) throws IOException {
    return server.getApplicationContext().getBean(JsonMapper.class).readValue(response.body(), Map.class);
  }

  /** A bearer token for a demo account (password demo1234). */
  public String login(EmbeddedServer server, String user) throws IOException, InterruptedException {
    return (String) map(server, send(server, "POST", "/login",
        "{\"username\":\"" + user + "\",\"password\":\"demo1234\"}", null)).get("access_token");
  }
}
