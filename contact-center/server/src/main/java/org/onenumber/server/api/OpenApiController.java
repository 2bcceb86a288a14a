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

/** Serves the OpenAPI document that the build generates from the controllers. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
final class OpenApiController {

  static final String DOCUMENT = "META-INF/swagger/onenumber-0.1.yml";

  private final byte[] document;

  OpenApiController() {
    try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
      if (in == null) {
        throw new IllegalStateException(DOCUMENT + " was not generated; is micronaut-openapi on the processor path?");
      }
      document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Get(value = "/openapi.yml", produces = "application/yaml")
  HttpResponse<byte[]> openApi() {
    return HttpResponse.ok(document).contentType(MediaType.of("application/yaml"));
  }
}
