package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The department figures API's rules in a running server: staff see only their own department
 * (another is 403), bad parameters are 400 JSON errors that do not echo the input, and the public
 * transparency API is limited per address (429 with {@code Retry-After}).
 */
class DepartmentFiguresIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("onenumber.rate-limits.transparency-per-minute", 3));

  private HttpClientResponseException refused(HttpRequest<?> request) {
    return assertThrows(HttpClientResponseException.class,
        () -> server.client().toBlocking().retrieve(request, String.class));
  }

  @Test
  @SuppressWarnings("unchecked")
  void staffSeeTheirOwnDepartmentOnly() throws Exception {
    String staff = server.login("staff-transport");
    Map<String, Object> own = (Map<String, Object>) server.bean(JsonMapper.class).readValue(server.client()
        .toBlocking().retrieve(HttpRequest.GET("/api/v1/reports/departments").bearerAuth(staff), String.class),
        Object.class);
    assertEquals("live", own.get("source"));
    assertTrue(((List<Map<String, Object>>) own.get("rows")).stream().allMatch(r -> r.get("department")
        .equals("transport")), own.toString());
    HttpClientResponseException other = refused(HttpRequest.GET("/api/v1/reports/departments?department=roads")
        .bearerAuth(staff));
    assertEquals(HttpStatus.FORBIDDEN, other.getStatus());
  }

  @Test
  void badParametersAreJsonErrorsWithoutTheInput() {
    String supervisor = server.login("sv-01");
    HttpClientResponseException bad = refused(HttpRequest.GET("/api/v1/reports/departments?format=xml%3Cb%3E")
        .bearerAuth(supervisor));
    assertEquals(HttpStatus.BAD_REQUEST, bad.getStatus());
    String body = bad.getResponse().getBody(String.class).orElse("");
    assertTrue(body.contains("\"error\"") && body.contains("\"message\""), body);
    assertFalse(body.contains("<b>"), body);
    assertEquals(HttpStatus.BAD_REQUEST, refused(HttpRequest.GET("/api/v1/reports/departments?source=yesterday")
        .bearerAuth(supervisor)).getStatus());
  }

  @Test
  void theTransparencyApiIsAnonymousAndLimitedPerAddress() {
    for (int i = 0; i < 3; i++) {
      String figures = server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/transparency"));
      assertTrue(figures.contains("\"days\"") && figures.contains("\"departments\""), figures);
    }
    HttpClientResponseException limited = refused(HttpRequest.GET("/api/v1/transparency"));
    assertEquals(HttpStatus.TOO_MANY_REQUESTS, limited.getStatus());
    assertTrue(limited.getResponse().header("Retry-After") != null);
  }
}
