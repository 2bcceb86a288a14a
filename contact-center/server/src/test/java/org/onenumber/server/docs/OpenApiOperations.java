package org.onenumber.server.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/** The operations of the OpenAPI document the build generates ({@code /openapi.yml}). */
public final class OpenApiOperations {

  private static final String DOCUMENT = "META-INF/swagger/onenumber-0.1.yml";

  private OpenApiOperations() {}

  /** Every operation by {@code "METHOD /path"}, in document order. */
  public static Map<String, Map<String, Object>> all() {
    Map<String, Object> document;
    try (InputStream in = OpenApiOperations.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
      if (in == null) {
        throw new AssertionError(DOCUMENT + " was not generated; is micronaut-openapi on the processor path?");
      }
      document = new Yaml().load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Map<String, Object>> operations = new LinkedHashMap<>();
    Map<String, Map<String, Object>> paths = cast(document.get("paths"));
    paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
      if (Set.of("get", "post", "put", "delete", "patch").contains(method)) {
        operations.put(method.toUpperCase(Locale.ROOT) + " " + path, cast(operation));
      }
    }));
    return operations;
  }

  /** The repository's file at {@code relative} (for documents the tests compare with the code). */
  public static java.nio.file.Path repositoryFile(String relative) {
    return Repository.root().resolve(relative);
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }
}
