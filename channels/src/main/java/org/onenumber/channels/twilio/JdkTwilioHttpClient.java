package org.onenumber.channels.twilio;

import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.onenumber.core.error.RetriableException;

/**
 * The Twilio SDK's {@link HttpClient} over {@code java.net.http}, sending every request to a
 * configurable base URL instead of the host the SDK computed (the path and query are kept). In
 * production the base is {@code https://api.twilio.com}; tests point it at a local server.
 * Thread-safe. Network failures become {@link RetriableException}; HTTP error statuses are
 * returned to the SDK, which turns them into its {@code ApiException}; nothing is retried here.
 */
public final class JdkTwilioHttpClient extends HttpClient {

  private final URI base;
  private final java.net.http.HttpClient http;

  public JdkTwilioHttpClient(URI base) {
    this.base = base;
    this.http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /**
   * One request, never repeated here: the SDK would re-post a message at once on a 5xx (up to
   * three times, which can send it twice if Twilio took the first); the caller's outbox retries
   * with backoff and jitter instead, counted and visible.
   */
  @Override
  public Response reliableRequest(Request request) {
    return reliableRequest(request, new int[0], 1, 0);
  }

  @Override
  public Response makeRequest(Request request) {
    URL original = request.constructURL();
    String query = original.getQuery() == null ? "" : "?" + original.getQuery();
    URI target = URI.create(stripSlash(base.toString()) + original.getPath() + query);
    HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json");
    if (request.getUsername() != null) {
      String basic = request.getUsername() + ":" + request.getPassword();
      builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    if (request.getMethod() == HttpMethod.POST) {
      builder.header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofString(request.encodeFormBody(), StandardCharsets.UTF_8));
    } else {
      builder.method(request.getMethod().toString(), HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.body(), response.statusCode());
    } catch (IOException e) {
      throw new RetriableException("Twilio unreachable at " + base + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetriableException("interrupted while calling Twilio", e);
    }
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
