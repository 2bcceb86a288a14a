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
import java.nio.charset.StandardCharsets;
import org.onenumber.server.security.RateLimits;

/**
 * Serves the OpenAPI document the build generates from the controllers, completed by {@link
 * OpenApiDocument} with roles, error answers, rate limits and examples — on the first request, not
 * at start (the server's start is on the restart path; the document is read by people and tools).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
final class OpenApiController {

  static final String DOCUMENT = "META-INF/swagger/onenumber-0.1.yml";
  static final String ACCESS_POLICY = "docs/api/access-policy.md";
  static final String EXAMPLES = "openapi/examples.yml";

  private final RateLimits limits;
  private volatile byte[] document;

  OpenApiController(RateLimits limits) {
    this.limits = limits;
  }

  /** A text resource of the jar; the build puts every one of them there. */
  static String resource(String name) {
    try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not in the build; is micronaut-openapi on the processor path?");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Get(value = "/openapi.yml", produces = "application/yaml")
  HttpResponse<byte[]> openApi() {
    byte[] completed = document;
    if (completed == null) {
      completed = OpenApiDocument.complete(resource(DOCUMENT), resource(ACCESS_POLICY), resource(EXAMPLES),
          rule -> limits.perMinute(RateLimits.Rule.valueOf(rule))).getBytes(StandardCharsets.UTF_8);
      document = completed;
    }
    return HttpResponse.ok(completed).contentType(MediaType.of("application/yaml"));
  }
}
