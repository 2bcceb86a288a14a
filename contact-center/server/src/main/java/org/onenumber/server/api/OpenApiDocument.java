package org.onenumber.server.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document clients read ({@code /openapi.yml}): the one the build generates from the
 * controllers, completed with what annotations cannot say well —
 *
 * <ul>
 *   <li>who may call each operation, from the access-policy table ({@link AccessPolicyTable}):
 *       {@code x-roles}, a "Who may call" line in the description, and {@code security} (none for
 *       anonymous operations, the login token otherwise); the API key scopes that open it from the
 *       table's last column: {@code x-api-key-scopes}, a line in the description, and the {@code
 *       apiKey} scheme ({@code X-Api-Key}) as another way to meet {@code security};
 *   <li>the error answers each operation can give, every one the body {@code {"error","message"}}
 *       ({@link ApiError}) with an example: 400 with input, 401/403 when a role is refused, 404
 *       with a record in the path, 429 where a rate limit applies, 503 always (a database
 *       outage, with {@code Retry-After});
 *   <li>rate limits ({@code x-rate-limit}) as configured on this server;
 *   <li>request and response examples from {@code openapi/examples.yml}.
 * </ul>
 */
public final class OpenApiDocument {

  /** A rate limit of an operation: the rule's per-minute count and what it counts by. */
  public record RateLimit(String rule, String per) {}

  /** Operations with a rate limit, by {@code "METHOD /path"}. */
  public static final Map<String, RateLimit> RATE_LIMITED = Map.ofEntries(
      Map.entry("POST /api/v1/contacts", new RateLimit("INTAKE", "source address")),
      Map.entry("POST /api/v1/track", new RateLimit("TRACK", "source address")),
      Map.entry("POST /api/v1/track/access-log", new RateLimit("TRACK", "source address")),
      Map.entry("POST /api/v1/track/reopen", new RateLimit("TRACK", "source address")),
      Map.entry("POST /api/v1/track/attachments/{attachmentId}", new RateLimit("TRACK", "source address")),
      Map.entry("GET /api/v1/transparency", new RateLimit("TRANSPARENCY", "source address")),
      Map.entry("POST /open311/v2/requests.{format}",
          new RateLimit("OPEN311", "client application and source address")),
      Map.entry("POST /report/requests", new RateLimit("OPEN311", "source address")),
      Map.entry("GET /open311/v2/services.{format}", new RateLimit("OPEN311_READ", "source address")),
      Map.entry("GET /open311/v2/services/{code}.{format}", new RateLimit("OPEN311_READ", "source address")),
      Map.entry("GET /open311/v2/requests.{format}", new RateLimit("OPEN311_READ", "source address")),
      Map.entry("GET /open311/v2/requests/{id}.{format}", new RateLimit("OPEN311_READ", "source address")),
      Map.entry("GET /open311/v2/tokens/{token}.{format}", new RateLimit("OPEN311_READ", "source address")));

  /** The security scheme of integration API keys. */
  static final String API_KEY = "apiKey";
  private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
  private static final Map<String, String[]> ERRORS = errors();

  private OpenApiDocument() {}

  /**
   * The completed document as YAML.
   *
   * @param perMinute the configured per-minute count of a rate-limit rule
   */
  @SuppressWarnings("unchecked")
  public static String complete(String generated, String accessPolicy, String examples,
      ToLongFunction<String> perMinute) {
    Yaml yaml = new Yaml();
    Map<String, Object> document = yaml.load(generated);
    Map<String, Map<String, String>> policy = AccessPolicyTable.parse(accessPolicy);
    Map<String, List<String>> keyScopes = AccessPolicyTable.keyScopes(accessPolicy);
    Map<String, Map<String, Object>> samples = examples.isBlank() ? Map.of() : yaml.load(examples);
    Map<String, Object> components = (Map<String, Object>) document.computeIfAbsent("components",
        k -> new LinkedHashMap<>());
    ((Map<String, Object>) components.computeIfAbsent("schemas", k -> new LinkedHashMap<>())).put("Error",
        Map.of("type", "object", "required", List.of("error", "message"), "properties", Map.of(
            "error", Map.of("type", "string", "description", "a stable code: invalid_input, not_found, forbidden…"),
            "message", Map.of("type", "string", "description", "for people; never repeats stored values"))));
    Map<String, Object> responses = (Map<String, Object>) components.computeIfAbsent("responses",
        k -> new LinkedHashMap<>());
    ERRORS.forEach((status, error) -> responses.put(error[0], errorResponse(error)));
    ((Map<String, Object>) components.computeIfAbsent("securitySchemes", k -> new LinkedHashMap<>())).put(API_KEY,
        Map.of("type", "apiKey", "in", "header", "name", "X-Api-Key",
            "description", "an integration API key (administrators issue them: POST /api/v1/api-keys)"));
    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
    paths.forEach((path, methods) -> methods.forEach((method, value) -> {
      if (METHODS.contains(method)) {
        String name = method.toUpperCase(Locale.ROOT) + " " + path;
        complete(name, path, (Map<String, Object>) value, policy.get(name), samples.get(name), perMinute);
        addResponseExample((Map<String, Object>) value, samples.getOrDefault(name, Map.of()),
            (Map<String, Object>) components.get("schemas"));
        withKeys((Map<String, Object>) value, keyScopes.getOrDefault(name, List.of()));
      }
    }));
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setWidth(120);
    options.setDereferenceAliases(true);
    return new Yaml(options).dump(document);
  }

  @SuppressWarnings("unchecked")
  private static void complete(String name, String path, Map<String, Object> operation, Map<String, String> roles,
      Map<String, Object> sample, ToLongFunction<String> perMinute) {
    Map<String, Object> responses = (Map<String, Object>) operation.computeIfAbsent("responses",
        k -> new LinkedHashMap<>());
    List<String> statuses = new ArrayList<>();
    boolean input = operation.containsKey("requestBody") || operation.containsKey("parameters");
    if (input) {
      statuses.add("400");
    }
    if (roles != null) {
      operation.put("x-roles", roles);
      boolean anonymous = "yes".equals(roles.get("anonymous"));
      operation.put("security", anonymous ? List.of() : List.of(Map.of("bearer", List.of())));
      String description = (String) operation.getOrDefault("description", "");
      operation.put("description", (description.isBlank() ? "" : description + "\n\n") + whoMayCall(roles));
      if (!anonymous) {
        statuses.add("401");
      }
      if (roles.values().stream().anyMatch(cell -> !"yes".equals(cell))) {
        statuses.add("403");
      }
    }
    if (path.contains("{")) {
      statuses.add("404");
    }
    RateLimit limit = RATE_LIMITED.get(name);
    if (limit != null) {
      operation.put("x-rate-limit", Map.of("perMinute", perMinute.applyAsLong(limit.rule()), "per", limit.per()));
      statuses.add("429");
    }
    if (sample != null && sample.get("conflict") instanceof Map<?, ?> conflict) {
      responses.putIfAbsent("409", conflictResponse("Conflict", "illegal_transition", (Map<String, String>) conflict));
    }
    if (sample != null && sample.get("unprocessable") instanceof Map<?, ?> refusal) {
      responses.putIfAbsent("422", conflictResponse("Refused", "unprocessable_entity", (Map<String, String>) refusal));
    }
    statuses.add("503");
    for (String status : statuses) {
      responses.putIfAbsent(status, Map.of("$ref", "#/components/responses/" + ERRORS.get(status)[0]));
    }
    if (sample != null) {
      addExamples(operation, responses, sample);
    }
  }

  @SuppressWarnings("unchecked")
  private static void addExamples(Map<String, Object> operation, Map<String, Object> responses,
      Map<String, Object> sample) {
    Object request = sample.get("request");
    if (request != null && operation.get("requestBody") instanceof Map<?, ?> body
        && body.get("content") instanceof Map<?, ?> content) {
      content.values().forEach(media -> ((Map<String, Object>) media).put("example", request));
    }
  }

  /**
   * The example of the operation's success answer: the hand-written {@code response} of
   * examples.yml (with {@code responseType} when the answer is not JSON, e.g. TwiML), otherwise one
   * built from the answer's schema ({@link SchemaExample}); {@code responseStatus: 204} where the
   * generator assumed a 200 with a body.
   */
  @SuppressWarnings("unchecked")
  private static void addResponseExample(Map<String, Object> operation, Map<String, Object> sample,
      Map<String, Object> schemas) {
    Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
    if (Integer.valueOf(204).equals(sample.get("responseStatus"))) {
      responses.keySet().removeIf(status -> status.startsWith("2"));
      responses.put("204", Map.of("description", "Done; the answer has no body"));
      return;
    }
    responses.entrySet().stream().filter(e -> e.getKey().startsWith("2")).findFirst().ifPresent(ok -> {
      Map<String, Object> answer = new LinkedHashMap<>((Map<String, Object>) ok.getValue());
      Object written = sample.get("response");
      if (written == null && !(answer.get("content") instanceof Map<?, ?>)) {
        return;
      }
      Map<String, Object> content = new LinkedHashMap<>((Map<String, Object>) answer.getOrDefault("content",
          Map.of("application/json", Map.of())));
      if (sample.get("responseType") instanceof String type) {
        content = new LinkedHashMap<>(Map.of(type, Map.of("schema", Map.of("type", "string"))));
      }
      content.replaceAll((type, media) -> {
        Map<String, Object> withExample = new LinkedHashMap<>((Map<String, Object>) media);
        Object example = written != null ? written
            : SchemaExample.of((Map<String, Object>) withExample.get("schema"), schemas);
        if (example != null && !(example instanceof Map<?, ?> map && map.isEmpty())) {
          withExample.put("example", example);
        }
        return withExample;
      });
      answer.put("content", content);
      ok.setValue(answer);
    });
  }

  /** An operation some API key scope opens: the scopes, a line, and the key as another security requirement. */
  @SuppressWarnings("unchecked")
  private static void withKeys(Map<String, Object> operation, List<String> scopes) {
    if (scopes.isEmpty()) {
      return;
    }
    operation.put("x-api-key-scopes", scopes);
    operation.put("description", operation.getOrDefault("description", "") + "\n\nAPI keys with the scope "
        + String.join(" or ", scopes) + " may call it (header X-Api-Key).");
    List<Map<String, Object>> security = new ArrayList<>((List<Map<String, Object>>) operation.getOrDefault(
        "security", List.of()));
    if (security.isEmpty()) {
      security.add(Map.of());
    }
    security.add(Map.of(API_KEY, List.of()));
    operation.put("security", security);
  }

  private static String whoMayCall(Map<String, String> roles) {
    List<String> may = new ArrayList<>();
    roles.forEach((role, cell) -> {
      if ("yes".equals(cell)) {
        may.add(role);
      } else if ("own".equals(cell)) {
        may.add(role + " (records of their own work)");
      }
    });
    return "Who may call: " + (may.isEmpty() ? "nobody" : String.join(", ", may))
        + " (docs/api/access-policy.md).";
  }

  /**
   * A 409 or 422 answer from examples.yml's {@code conflict} or {@code unprocessable}: {@code {error,
   * when, message}}.
   */
  private static Map<String, Object> conflictResponse(String title, String code, Map<String, String> conflict) {
    return Map.of("description", title + ": " + conflict.get("when"), "content", Map.of("application/json", Map.of(
        "schema", Map.of("$ref", "#/components/schemas/Error"),
        "example", Map.of("error", conflict.getOrDefault("error", code),
            "message", conflict.getOrDefault("message", conflict.get("when"))))));
  }

  private static Map<String, Object> errorResponse(String[] error) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("description", error[1]);
    if ("TooManyRequests".equals(error[0]) || "Unavailable".equals(error[0])) {
      response.put("headers", Map.of("Retry-After", Map.of("description", "seconds to wait before trying again",
          "schema", Map.of("type", "integer"))));
    }
    response.put("content", Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Error"),
        "example", Map.of("error", error[2], "message", error[3]))));
    return response;
  }

  private static Map<String, String[]> errors() {
    Map<String, String[]> errors = new LinkedHashMap<>();
    errors.put("400", new String[] {"BadRequest", "The input is not valid; the message names the field",
        "invalid_input", "language must be one of ko, en, zh, ja, vi, mn"});
    errors.put("401", new String[] {"Unauthorized", "No valid login token (POST /login)",
        "unauthorized", "Unauthorized"});
    errors.put("403", new String[] {"Forbidden", "The role may not call this, or the record is not part of your work",
        "forbidden", "this record is not part of your work"});
    errors.put("404", new String[] {"NotFound", "No such record (the same answer for every role that may ask)",
        "not_found", "contact 01HZX3 does not exist"});
    errors.put("429", new String[] {"TooManyRequests", "Rate limit reached; try again after Retry-After seconds",
        "rate_limited", "too many requests from this address; retry after 6 s"});
    errors.put("503", new String[] {"Unavailable", "The database is briefly unreachable; nothing was stored",
        "unavailable", "the service is briefly unavailable; try again"});
    return errors;
  }
}
