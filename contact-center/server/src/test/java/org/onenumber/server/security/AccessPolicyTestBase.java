package org.onenumber.server.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.fail;

import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.websocket.annotation.ServerWebSocket;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onenumber.server.TestHttp;
import org.onenumber.server.api.AccessPolicyTable;
import org.onenumber.server.docs.OpenApiOperations;

/**
 * The access policy as a matrix, generated from the OpenAPI document: every operation is called
 * as each role (anonymous, an operator, a department's staff, a supervisor, an administrator) with
 * placeholder ids and an empty body, and the answer is compared with the row for that operation
 * in {@code docs/api/access-policy.md}. The cells mean:
 *
 * <ul>
 *   <li>{@code yes}: the role's rule lets the call through (any answer but 401/403);
 *   <li>{@code own}: the role may, for records that are part of its work (an operator's own
 *       agent or held contacts, staff's own department): through, or 403 "not part of your work";
 *   <li>{@code —}: refused (401 without login, 403 with).
 * </ul>
 *
 * An operation without a row fails the build with the row the server behaves as (review it before
 * pasting it into the table), so a new endpoint cannot ship without a decided rule; a row whose
 * operation no longer exists fails too. The API key column is tried with a key of each scope in
 * {@link #everyOperationAnswersEveryApiKeyScopeAsThePolicyTableSays}. The WebSockets have their own
 * table (rows {@code WS /ws/...}), tried by each caller in {@link
 * #everySocketAcceptsEveryCallerAsThePolicyTableSays}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccessPolicyTestBase {

  static final String TABLE = "docs/api/access-policy.md";
  private static final List<String> ROLES = List.of("anonymous", "operator", "staff", "supervisor", "admin",
      "analyst", "monitor");
  private static final Map<String, String> ACCOUNTS = Map.of("operator", "op-001", "staff", "staff-transport",
      "supervisor", "sv-01", "admin", "admin", "analyst", "analyst-01", "monitor", "monitor-01");
  private static final Pattern ROW = Pattern.compile("^\\| `((?!WS )[A-Z]+ [^`]+)` \\|(.*)$");
  private static final Pattern SOCKET_ROW = Pattern.compile("^\\| `WS ([^`]+)` \\|(.*)$");
  /** The socket table's columns: who connects; {@code {agentId}} is always the operator's own, op-001. */
  private static final List<String> SOCKET_ROLES = List.of("anonymous", "operator", "operator (another)", "staff",
      "supervisor", "admin", "analyst", "monitor");
  private static final Map<String, String> SOCKET_ACCOUNTS = Map.of("operator", "op-001", "operator (another)",
      "op-002", "staff", "staff-transport", "supervisor", "sv-01", "admin", "admin", "analyst", "analyst-01",
      "monitor", "monitor-01");
  private static final String NOT_YOUR_WORK = "not part of your work";

  @Inject
  EmbeddedServer server;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void everyOperationAnswersEveryRoleAsThePolicyTableSays() throws Exception {
    Map<String, List<String>> table = table();
    Map<String, String> tokens = new LinkedHashMap<>();
    TestHttp login = new TestHttp();
    for (var account : ACCOUNTS.entrySet()) {
      tokens.put(account.getKey(), login.login(server, account.getValue()));
    }
    Map<String, Map<String, Object>> document = OpenApiOperations.all();
    Set<String> operations = new LinkedHashSet<>(document.keySet());
    List<String> problems = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String operation : operations) {
      List<String> observed = new ArrayList<>();
      for (String role : ROLES) {
        String token = tokens.get(role);
        observed.add(observe(operation, document.get(operation), ACCOUNTS.get(role), "Authorization",
            token == null ? null : "Bearer " + token));
      }
      List<String> expected = table.get(operation);
      if (expected == null) {
        missing.add("| `" + operation + "` | " + String.join(" | ", observed) + " |");
        continue;
      }
      for (int i = 0; i < ROLES.size(); i++) {
        if (!agrees(expected.get(i), observed.get(i))) {
          problems.add(operation + " as " + ROLES.get(i) + ": the table says " + expected.get(i) + ", the server "
              + observed.get(i));
        }
      }
    }
    table.keySet().stream().filter(row -> !operations.contains(row))
        .forEach(row -> problems.add(row + " is in " + TABLE + " but not in the OpenAPI document"));
    if (!missing.isEmpty()) {
      problems.add("operations without a row in " + TABLE + "; the server answers as below — decide, then add:\n"
          + String.join("\n", missing));
    }
    if (!problems.isEmpty()) {
      fail(String.join("\n", problems));
    }
  }

  /**
   * The API key column as a matrix: an unbound key of each scope calls every operation of the
   * OpenAPI document. Where the row's {@code API key} cell names the scope, the key must be let
   * through ({@code yes}); everywhere else it must get nothing an anonymous caller would not (a key
   * authenticates nothing beyond its scopes). A cell naming an unknown scope fails too.
   */
  @Test
  void everyOperationAnswersEveryApiKeyScopeAsThePolicyTableSays() throws Exception {
    Map<String, List<String>> cells = AccessPolicyTable.keyScopes(Files.readString(OpenApiOperations.repositoryFile(TABLE)));
    Map<String, String> keys = ApiKeyMatrix.issueOnePerScope(server);
    Map<String, Map<String, Object>> document = OpenApiOperations.all();
    List<String> problems = new ArrayList<>();
    cells.forEach((operation, scopes) -> scopes.stream().filter(s -> !keys.containsKey(s))
        .forEach(s -> problems.add(operation + ": " + s + " is not an API key scope")));
    for (String operation : document.keySet()) {
      List<String> opens = cells.getOrDefault(operation, List.of());
      String anonymous = observe(operation, document.get(operation), null, null, null);
      for (var key : keys.entrySet()) {
        String observed = observe(operation, document.get(operation), null, "X-Api-Key", key.getValue());
        boolean expected = opens.contains(key.getKey());
        if (expected && !observed.equals("yes")) {
          problems.add(operation + " with a " + key.getKey() + " key: the table opens it, the server " + observed);
        } else if (!expected && observed.equals("yes") && !anonymous.equals("yes")) {
          problems.add(operation + " with a " + key.getKey() + " key: the table opens nothing, the server lets it in");
        }
      }
    }
    if (!problems.isEmpty()) {
      fail(String.join("\n", problems));
    }
  }

  /**
   * The WebSockets as a matrix: each socket of the socket table is opened by each caller (a login's
   * token in {@code ?token=}, as browsers send it) and the outcome ({@link SocketAccessProbe}) is
   * compared with the row. A socket the server serves without a row, or a row without a socket,
   * fails.
   */
  @Test
  void everySocketAcceptsEveryCallerAsThePolicyTableSays() throws Exception {
    Map<String, List<String>> table = table(SOCKET_ROW, SOCKET_ROLES);
    List<String> served = server.getApplicationContext().getBeanDefinitions(Qualifiers.byStereotype(ServerWebSocket.class))
        .stream().map(d -> d.stringValue(ServerWebSocket.class).orElseThrow()).toList();
    List<String> problems = new ArrayList<>();
    served.stream().filter(s -> !table.containsKey(s)).forEach(s -> problems.add(s + " has no row in " + TABLE));
    table.keySet().stream().filter(s -> !served.contains(s)).forEach(s -> problems.add(s + " is not a socket"));
    TestHttp login = new TestHttp();
    Map<String, String> tokens = new LinkedHashMap<>();
    for (String account : SOCKET_ACCOUNTS.values()) {
      tokens.put(account, login.login(server, account));
    }
    for (var row : table.entrySet()) {
      for (int i = 0; i < SOCKET_ROLES.size(); i++) {
        String account = SOCKET_ACCOUNTS.get(SOCKET_ROLES.get(i));
        String token = account == null ? null : tokens.get(account);
        URI uri = URI.create("ws://localhost:" + server.getPort() + row.getKey().replace("{agentId}", "op-001")
            + (token == null ? "" : "?token=" + token));
        String observed = SocketAccessProbe.attempt(http, uri);
        if (!observed.equals(row.getValue().get(i))) {
          problems.add("WS " + row.getKey() + " as " + SOCKET_ROLES.get(i) + ": the table says " + row.getValue().get(i)
              + ", the server " + observed);
        }
      }
    }
    if (!problems.isEmpty()) {
      fail(String.join("\n", problems));
    }
  }

  /**
   * {@code yes}, {@code own} or {@code —}, from one call with placeholder ids (an agent id is the
   * caller's own login, so an operator calls about themselves) and an empty body of the first
   * media type the operation accepts.
   */
  private String observe(String operation, Map<String, Object> spec, String login, String header, String credential)
      throws IOException, InterruptedException {
    String method = operation.substring(0, operation.indexOf(' '));
    // A key is tried on Open311's real format (a scope names requests.json, never requests.matrix-x).
    String path = operation.substring(operation.indexOf(' ') + 1)
        .replace("{format}", "X-Api-Key".equals(header) ? "json" : "{format}")
        .replace("{agentId}", login == null ? "matrix-x" : login).replaceAll("\\{[^}]+}", "matrix-x");
    boolean body = Set.of("POST", "PUT", "PATCH").contains(method);
    String type = mediaType(spec);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).method(method,
        body ? HttpRequest.BodyPublishers.ofString(type.contains("json") ? "{}" : "") : HttpRequest.BodyPublishers.noBody());
    if (body) {
      request.header("Content-Type", type);
    }
    if (credential != null) {
      request.header(header, credential);
    }
    request.timeout(Duration.ofSeconds(30));
    // Streams (server-sent events) answer their headers and then keep going: read the status, and
    // the body only of a refusal, which is short and complete.
    HttpResponse<InputStream> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    int status = answer.statusCode();
    try (InputStream content = answer.body()) {
      if (status == 401 || status == 403 && !new String(content.readAllBytes(), UTF_8).contains(NOT_YOUR_WORK)) {
        return "—";
      }
    }
    return status == 403 ? "own" : "yes";
  }

  @SuppressWarnings("unchecked")
  private static String mediaType(Map<String, Object> spec) {
    Object requestBody = spec.get("requestBody");
    if (requestBody instanceof Map<?, ?> body && body.get("content") instanceof Map<?, ?> content
        && !content.isEmpty()) {
      return ((Map<String, Object>) content).keySet().iterator().next();
    }
    return "application/json";
  }

  private static boolean agrees(String expected, String observed) {
    return switch (expected) {
      case "own" -> !observed.equals("—");
      default -> expected.equals(observed);
    };
  }

  /** The table's rows: operation → the five cells in {@link #ROLES} order. */
  private static Map<String, List<String>> table() throws IOException {
    return table(ROW, ROLES);
  }

  /** The rows {@code pattern} matches: first cell → the next cells, one per role. */
  private static Map<String, List<String>> table(Pattern pattern, List<String> roles) throws IOException {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (String line : Files.readAllLines(OpenApiOperations.repositoryFile(TABLE))) {
      Matcher row = pattern.matcher(line);
      if (!row.matches()) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      for (String cell : row.group(2).split("\\|")) {
        if (!cell.isBlank()) {
          cells.add(cell.strip().toLowerCase(Locale.ROOT));
        }
      }
      if (cells.size() < roles.size()) {
        throw new AssertionError(TABLE + ": " + row.group(1) + " has " + cells.size() + " cells, needs " + roles.size());
      }
      rows.put(row.group(1), cells.subList(0, roles.size()));
    }
    return rows;
  }
}
