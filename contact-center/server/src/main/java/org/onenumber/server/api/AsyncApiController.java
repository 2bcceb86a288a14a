package org.onenumber.server.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onenumber.core.error.NotFoundException;

/**
 * Serves the AsyncAPI documents of the WebSockets beside {@code /openapi.yml}: {@code /asyncapi/chat.yml}
 * ({@code /ws/chat}), {@code /asyncapi/agents.yml} ({@code /ws/agents/{agentId}}) and
 * {@code /asyncapi/call.yml} ({@code /ws/call}). The files in
 * {@code src/main/resources/asyncapi} are the only copy; {@code docs/api} links to them. Read once
 * at start; a missing one fails the start.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
final class AsyncApiController {

  /** The documents served, by name; the classpath holds each as {@code asyncapi/<name>.yml}. */
  static final List<String> DOCUMENTS = List.of("chat", "agents", "call");

  private final Map<String, byte[]> documents = new LinkedHashMap<>();

  AsyncApiController() {
    for (String name : DOCUMENTS) {
      documents.put(name, read("asyncapi/" + name + ".yml"));
    }
  }

  @Get(value = "/asyncapi/{name}.yml", produces = "application/yaml")
  HttpResponse<byte[]> document(String name) {
    byte[] document = documents.get(name);
    if (document == null) {
      throw new NotFoundException("AsyncAPI document", name);
    }
    return HttpResponse.ok(document).contentType(MediaType.of("application/yaml"));
  }

  private static byte[] read(String resource) {
    try (InputStream in = AsyncApiController.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
