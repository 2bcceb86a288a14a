package org.onenumber.server.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.server.api.OpenApiDocument;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document clients read is complete: every operation says who may call it (roles and
 * a security requirement from the access-policy table), which errors it answers with the error
 * body and an example, its rate limit where one applies, an example of every request body and of
 * every success answer — whose fields are the schema's own (an example with a field the server
 * does not read or write fails) — and the 409 of operations that can meet a state conflict.
 */
class OpenApiDocumentTest {

  private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> completed() {
    String document = OpenApiDocument.complete(resource("META-INF/swagger/onenumber-0.1.yml"),
        resource("docs/api/access-policy.md"), resource("openapi/examples.yml"), rule -> 7);
    return new Yaml().load(document);
  }

  @SuppressWarnings("unchecked")
  @Test
  void everyOperationHasRolesSecurityErrorsAndExamples() {
    Map<String, Object> document = completed();
    Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components"))
        .get("schemas");
    List<String> missing = new ArrayList<>();
    ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, methods) -> methods.forEach((m, o) -> {
      if (!METHODS.contains(m)) {
        return;
      }
      String name = m.toUpperCase(Locale.ROOT) + " " + path;
      Map<String, Object> operation = (Map<String, Object>) o;
      if (!operation.containsKey("x-roles") || !operation.containsKey("security")) {
        missing.add(name + ": no roles (a row in docs/api/access-policy.md)");
      }
      Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
      if (!responses.containsKey("503")) {
        missing.add(name + ": no error answers");
      }
      responses.entrySet().stream().filter(e -> e.getKey().startsWith("2")).findFirst()
          .map(e -> (Map<String, Object>) e.getValue())
          .filter(ok -> ok.get("content") instanceof Map<?, ?>)
          .ifPresent(ok -> ((Map<String, Map<String, Object>>) ok.get("content")).forEach((type, media) -> {
            Object example = media.get("example");
            if (example == null) {
              missing.add(name + " (" + type + "): no response example (examples.yml or the schema)");
            } else {
              missing.addAll(fieldsNotInSchema(name + " response", example,
                  (Map<String, Object>) media.get("schema"), schemas));
            }
          }));
      if (operation.get("requestBody") instanceof Map<?, ?> body) {
        ((Map<String, Map<String, Object>>) body.get("content")).forEach((type, media) -> {
          Object example = media.get("example");
          if (example == null) {
            missing.add(name + " (" + type + "): no request example in openapi/examples.yml");
          } else {
            missing.addAll(fieldsNotInSchema(name, example, (Map<String, Object>) media.get("schema"), schemas));
          }
        });
      }
    }));
    if (!missing.isEmpty()) {
      fail(missing.size() + " gaps:\n" + String.join("\n", missing));
    }
  }

  @SuppressWarnings("unchecked")
  @Test
  void rateLimitsAndWhoMayCallAreWrittenOnTheOperation() {
    Map<String, Object> paths = (Map<String, Object>) completed().get("paths");
    Map<String, Object> intake = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/v1/contacts")).get("post");
    assertEquals(Map.of("perMinute", 7, "per", "source address"), intake.get("x-rate-limit"));
    assertTrue(((Map<String, Object>) intake.get("responses")).containsKey("429"));
    assertEquals(List.of(Map.of(), Map.of("apiKey", List.of())), intake.get("security"),
        "anonymous callers may open contacts, and so may an API key with contacts:create");
    assertEquals(List.of("contacts:create"), intake.get("x-api-key-scopes"));
    Map<String, Object> aCase = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/v1/cases/{id}")).get("get");
    assertEquals(List.of(Map.of("bearer", List.of()), Map.of("apiKey", List.of())), aCase.get("security"));
    assertTrue(aCase.get("description").toString().contains("API keys with the scope cases:read"), aCase.toString());
    Map<String, Object> erasure = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/v1/citizens/{id}/erasure"))
        .get("post");
    assertTrue(erasure.get("description").toString().contains("Who may call: admin"), erasure.toString());
    assertEquals(List.of(Map.of("bearer", List.of())), erasure.get("security"));
    assertTrue(((Map<String, Object>) erasure.get("responses")).keySet().containsAll(Set.of("400", "401", "403", "404")));
  }

  @SuppressWarnings("unchecked")
  @Test
  void stateConflictsAndBuiltResponseExamplesAreWrittenOnTheOperation() {
    Map<String, Object> paths = (Map<String, Object>) completed().get("paths");
    Map<String, Object> resolve = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/v1/cases/{id}/resolve"))
        .get("post");
    Map<String, Object> conflict = (Map<String, Object>) ((Map<String, Object>) resolve.get("responses")).get("409");
    assertTrue(conflict.toString().contains("version_conflict"), conflict.toString());
    Map<String, Object> intake = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/v1/contacts")).get("post");
    assertTrue(((Map<String, Object>) intake.get("responses")).get("422").toString().contains("Idempotency-Key"));
    Map<String, Object> contact = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/v1/contacts/{id}"))
        .get("get");
    Map<String, Object> ok = (Map<String, Object>) ((Map<String, Object>) contact.get("responses")).get("200");
    Map<String, Object> example = (Map<String, Object>) ((Map<String, Map<String, Object>>) ok.get("content"))
        .get("application/json").get("example");
    assertEquals("en", example.get("language"), "a demo value by field name: " + example);
  }

  @SuppressWarnings("unchecked")
  private static List<String> fieldsNotInSchema(String name, Object example, Map<String, Object> schema,
      Map<String, Object> schemas) {
    Map<String, Object> resolved = resolve(schema, schemas);
    if (example instanceof Collection<?> items && resolved.get("items") instanceof Map<?, ?> itemSchema) {
      List<String> gaps = new ArrayList<>();
      items.forEach(item -> gaps.addAll(fieldsNotInSchema(name, item, (Map<String, Object>) itemSchema, schemas)));
      return gaps;
    }
    if (example instanceof Map<?, ?> fields && resolved.get("properties") instanceof Map<?, ?> properties) {
      return fields.keySet().stream().filter(k -> !properties.containsKey(k))
          .map(k -> name + ": the example's field '" + k + "' is not in the schema " + properties.keySet()).toList();
    }
    return List.of();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> schemas) {
    if (schema != null && schema.get("$ref") instanceof String ref) {
      return (Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return schema == null ? Map.of() : schema;
  }

  private static String resource(String name) {
    try (InputStream in = OpenApiDocumentTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new AssertionError(name + " is not on the class path; build the server module first");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
