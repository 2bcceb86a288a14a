package org.onenumber.telephony.twilio;

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
 * The Twilio SDK's {@link HttpClient} over {@code java.net.http} for the voice adapter: every request
 * goes to {@code apiBase} (Twilio's, or a local fake Twilio in tests) with the path and query the
 * SDK built. Thread-safe. Network failures are {@link RetriableException}s; HTTP error statuses go
 * back to the SDK, which raises its {@code ApiException}.
 */
final class TwilioVoiceHttp extends HttpClient {

  private final String apiBase;
  private final java.net.http.HttpClient http =
      java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  TwilioVoiceHttp(URI apiBase) {
    String base = apiBase.toString();
    this.apiBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  @Override
  public Response makeRequest(Request request) {
    URL sdkUrl = request.constructURL();
    String target = apiBase + sdkUrl.getPath() + (sdkUrl.getQuery() == null ? "" : "?" + sdkUrl.getQuery());
    HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(15))
        .header("Accept", "application/json");
    if (request.getUsername() != null) {
      String credentials = request.getUsername() + ":" + request.getPassword();
      out.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    if (request.getMethod() == HttpMethod.POST) {
      out.header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofString(request.encodeFormBody(), StandardCharsets.UTF_8));
    } else {
      out.method(request.getMethod().toString(), HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> answer = http.send(out.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(answer.body(), answer.statusCode());
    } catch (IOException e) {
      throw new RetriableException("Twilio Voice API unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetriableException("interrupted while calling the Twilio Voice API", e);
    }
  }
}
