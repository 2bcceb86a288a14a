package org.onenumber.server.docs;

import static org.junit.jupiter.api.Assertions.fail;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The REST API is complete where a client reads it. The cases:
 *
 * <ol>
 *   <li>Every operation of the generated OpenAPI document ({@code /openapi.yml}) has a summary.
 *   <li>Every route of every controller (documented or {@code @Hidden}) has a {@code @Secured}
 *       rule, on the method or its class: nothing is open by accident.
 *  * </ol>
 */
class OpenApiCompletenessTest {

  private static final List<Class<? extends Annotation>> ROUTES = List.of(Get.class, Post.class, Put.class,
      Delete.class, Patch.class);

  @Test
  void everyOperationInTheOpenApiDocumentHasASummary() {
    List<String> missing = new ArrayList<>();
    operations().forEach((name, operation) -> {
      Object summary = operation.get("summary");
      if (summary == null || summary.toString().isBlank()) {
        missing.add(name + " has no summary: add @Operation(summary = \"…\") to its method");
      }
    });
    if (!missing.isEmpty()) {
      fail(String.join("\n", missing));
    }
  }

  @Test
  void everyControllerRouteHasASecuredRule() throws ClassNotFoundException {
    List<String> open = new ArrayList<>();
    for (Class<?> controller : controllers()) {
      for (Method method : controller.getDeclaredMethods()) {
        boolean route = ROUTES.stream().anyMatch(method::isAnnotationPresent);
        if (route && !method.isAnnotationPresent(Secured.class) && !controller.isAnnotationPresent(Secured.class)) {
          open.add(controller.getName() + "#" + method.getName() + " has no @Secured rule (method or class)");
        }
      }
    }
    if (!open.isEmpty()) {
      fail(String.join("\n", open));
    }
  }

  private static Map<String, Map<String, Object>> operations() {
    return OpenApiOperations.all();
  }

  /** Every {@code @Controller} class compiled from the server's main sources. */
  private static List<Class<?>> controllers() throws ClassNotFoundException {
    Path classes = Repository.server().resolve("target/classes");
    List<String> names;
    try (Stream<Path> files = Files.walk(classes.resolve("org/onenumber/server"))) {
      names = files.map(f -> classes.relativize(f).toString().replace('\\', '/'))
          .filter(n -> n.endsWith(".class") && !n.contains("$"))
          .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.')).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Class<?>> controllers = new ArrayList<>();
    for (String name : names) {
      Class<?> type = Class.forName(name, false, OpenApiCompletenessTest.class.getClassLoader());
      if (type.isAnnotationPresent(Controller.class)) {
        controllers.add(type);
      }
    }
    if (controllers.isEmpty()) {
      throw new AssertionError("no @Controller classes under " + classes);
    }
    return controllers;
  }

}
