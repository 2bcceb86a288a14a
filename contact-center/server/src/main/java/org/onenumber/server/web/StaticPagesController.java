package org.onenumber.server.web;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Serves the static pages under {@code classpath:public/chat}, {@code classpath:public/call},
 * {@code classpath:public/console}, {@code classpath:public/department} (the department portal; its
 * data comes from APIs that need a department login), {@code classpath:public/track} (the public case
 * tracking page), {@code classpath:public/report} (the citizen's Open311 report form) and
 * {@code classpath:public/transparency} (the city's public service levels and department figures)
 * and {@code classpath:public/monitoring} (the citizen monitoring member's own page), and the scripts
 * several of them load from {@code classpath:public/shared}.
 * The cases:
 *
 * <ol>
 *   <li>{@code /chat}, {@code /call} and {@code /console} (with or without the slash), {@code /report/},
 *       {@code /track/}, {@code /transparency/}, {@code /monitoring/} and {@code /department/} are the folder's {@code index.html},
 *       which refers to its files by absolute path.
 *   <li>A file name must be plain ({@code [a-z0-9-]+.(html|js|css|svg)}): no traversal, no hidden files; else 404.
 *   <li>Found files are sent with their type, {@code no-cache} (pages change with the server) and the
 *       security headers: a strict CSP, and for the console and tracking page no framing at all. The chat may be framed
 *       (the widget embeds it).
 * </ol>
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
final class StaticPagesController {

  private static final Pattern FILE = Pattern.compile("[a-z0-9-]+\\.(html|js|css|svg)");
  private static final Map<String, MediaType> TYPES = Map.of(
      "html", new MediaType("text/html; charset=utf-8"),
      "js", new MediaType("text/javascript; charset=utf-8"),
      "css", new MediaType("text/css; charset=utf-8"),
      "svg", new MediaType("image/svg+xml"));
  private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: https:;"
      + " connect-src 'self' ws: wss:; base-uri 'none'; form-action 'self'";

  private final ResourceResolver resources;

  StaticPagesController(ResourceResolver resources) {
    this.resources = resources;
  }

  @Get("/chat/")
  HttpResponse<?> chatPage() {
    return file("chat", "index.html");
  }

  @Get("/call/")
  HttpResponse<?> callPage() {
    return file("call", "index.html");
  }

  @Get("/call/{name}")
  HttpResponse<?> call(@PathVariable String name) {
    return file("call", name);
  }

  @Get("/console/")
  HttpResponse<?> consolePage() {
    return file("console", "index.html");
  }

  @Get("/department/")
  HttpResponse<?> departmentPage() {
    return file("department", "index.html");
  }

  @Get("/department/{name}")
  HttpResponse<?> department(@PathVariable String name) {
    return file("department", name);
  }

  @Get("/track/")
  HttpResponse<?> trackPage() {
    return file("track", "index.html");
  }

  @Get("/track/{name}")
  HttpResponse<?> track(@PathVariable String name) {
    return file("track", name);
  }

  @Get("/monitoring/")
  HttpResponse<?> monitoringPage() {
    return file("monitoring", "index.html");
  }

  @Get("/monitoring/{name}")
  HttpResponse<?> monitoring(@PathVariable String name) {
    return file("monitoring", name);
  }

  @Get("/transparency/")
  HttpResponse<?> transparencyPage() {
    return file("transparency", "index.html");
  }

  @Get("/transparency/{name}")
  HttpResponse<?> transparency(@PathVariable String name) {
    return file("transparency", name);
  }

  @Get("/report/")
  HttpResponse<?> reportPage() {
    return file("report", "index.html");
  }

  @Get("/report/{name}")
  HttpResponse<?> report(@PathVariable String name) {
    return file("report", name);
  }

  /** Scripts several pages load ({@code language-select.js}: the citizen pages' language choice). */
  @Get("/shared/{name}")
  HttpResponse<?> shared(@PathVariable String name) {
    return file("shared", name);
  }

  @Get("/chat/{name}")
  HttpResponse<?> chat(@PathVariable String name) {
    return file("chat", name);
  }

  @Get("/console/{name}")
  HttpResponse<?> console(@PathVariable String name) {
    return file("console", name);
  }

  private HttpResponse<?> file(String folder, String name) {
    if (!FILE.matcher(name).matches()) {
      return HttpResponse.notFound();
    }
    Optional<InputStream> stream = resources.getResourceAsStream("classpath:public/" + folder + "/" + name);
    if (stream.isEmpty()) {
      return HttpResponse.notFound();
    }
    try (InputStream in = stream.get()) {
      MutableHttpResponse<byte[]> response = HttpResponse.ok(in.readAllBytes())
          .contentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1)))
          .header("Cache-Control", "no-cache")
          .header("X-Content-Type-Options", "nosniff")
          .header("Referrer-Policy", "no-referrer")
          .header("Content-Security-Policy", !folder.equals("chat") ? CSP + "; frame-ancestors 'none'" : CSP);
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
