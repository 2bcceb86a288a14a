package org.onenumber.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.onenumber.server.TestHttp;
import org.onenumber.server.security.keys.ApiKeyScope;

/** The keys the access matrix calls with: one per scope, bound to no department, with a limit the matrix never reaches. */
final class ApiKeyMatrix {

  private ApiKeyMatrix() {}

  /** Scope → a fresh key's value, issued by the demo administrator through the API. */
  static Map<String, String> issueOnePerScope(EmbeddedServer server) throws IOException, InterruptedException {
    TestHttp http = new TestHttp();
    String admin = http.login(server, "admin");
    Map<String, String> keys = new LinkedHashMap<>();
    for (ApiKeyScope scope : ApiKeyScope.values()) {
      HttpResponse<String> issued = http.send(server, "POST", "/api/v1/api-keys", "{\"name\":\"matrix "
          + scope.scope() + "\",\"scopes\":[\"" + scope.scope() + "\"],\"perMinute\":100000}", admin);
      assertEquals(201, issued.statusCode(), issued.body());
      keys.put(scope.scope(), (String) http.map(server, issued).get("value"));
    }
    return keys;
  }
}
