package org.onenumber.server.channels;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequestWrapper;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.netty.handler.codec.http.HttpHeaders;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.onenumber.channels.twilio.TwilioMessagingWebhooks;
import org.onenumber.channels.twilio.TwilioWebhooks;
import org.onenumber.core.error.OneNumberException;
import org.onenumber.core.error.RetriableException;
import org.onenumber.server.admission.IntakeAdmission;
import org.onenumber.server.admission.IntakeKind;
import org.onenumber.server.admission.IntakeShedException;
import org.onenumber.server.api.ApiError;
import org.onenumber.server.api.ErrorStatus;
import org.onenumber.server.api.RetryAdvice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a complete Twilio Messaging webhook read by {@link TwilioWebhookHandler}, without
 * Micronaut's routing, binding and filters, in the order Micronaut checks {@link
 * TwilioWebhookController}'s; the form's own cases ({@link #take}) are the controller's too. The
 * cases:
 *
 * <ol>
 *   <li>A content type other than {@code application/x-www-form-urlencoded}: 415; an empty body: 400
 *       (as the controller's required {@code @Body}); a malformed form: 400.
 *   <li>Missing or wrong {@code X-Twilio-Signature}: 403 {@code forbidden}, nothing stored.
 *   <li>More signed webhooks in flight than {@code onenumber.admission.webhooks}: 503 with {@code
 *       Retry-After} at once, nothing stored.
 *   <li>Handled ({@link TwilioMessagingWebhooks#handle}, which returns once durable): 200 with
 *       empty TwiML; a domain failure: the status {@link ErrorStatus} gives it (a storage failure 503
 *       with {@code Retry-After}, logged); anything else 500, logged, its details never sent.
 * </ol>
 *
 * Every answer carries the headers {@code SecurityHeadersFilter} gives the server's others, and is
 * timed in {@code http.server.requests} with Micronaut's tags. Thread-safe.
 */
@Singleton
final class RawTwilioWebhooks {

  /** What a webhook is answered: status, content type, body, and the Retry-After (0: none). */
  record Answer(int status, String contentType, byte[] body, int retryAfterSeconds) {}

  /** The signature header Twilio sends. */
  static final String SIGNATURE = "X-Twilio-Signature";
  private static final ApiError FORBIDDEN = new ApiError("forbidden", "X-Twilio-Signature is missing or does not match");

  private static final Logger LOG = LoggerFactory.getLogger(RawTwilioWebhooks.class);
  private static final byte[] TWIML = TwilioWebhooks.EMPTY_TWIML.getBytes(StandardCharsets.UTF_8);

  private final TwilioMessagingWebhooks webhooks;
  private final HttpHostResolver hosts;
  private final IntakeAdmission admission;
  private final RetryAdvice retry;
  private final JsonMapper json;
  private final MeterRegistry meters;
  private final ExecutorService blocking;
  private final long maxRequestSize;

  RawTwilioWebhooks(TwilioMessagingWebhooks webhooks, HttpHostResolver hosts, IntakeAdmission admission,
      RetryAdvice retry, JsonMapper json, MeterRegistry meters, NettyHttpServerConfiguration server,
      @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
    this.webhooks = webhooks;
    this.hosts = hosts;
    this.admission = admission;
    this.retry = retry;
    this.json = json;
    this.meters = meters;
    this.blocking = blocking;
    this.maxRequestSize = server.getMaxRequestSize();
  }

  /** The largest body accepted ({@code micronaut.server.max-request-size}, as for every other request). */
  long maxRequestSize() {
    return maxRequestSize;
  }

  /** Where the answering runs: the executor of Micronaut's blocking controllers (virtual threads). */
  ExecutorService executor() {
    return blocking;
  }

  /**
   * The answer to a POST of {@code uri} (path and query; the path one of {@link
   * TwilioMessagingWebhooks#serves}) with {@code headers} and {@code body}; blocks until durable.
   *
   * @param secure whether the request came over TLS (the scheme of the URL Twilio signed)
   */
  Answer answer(String uri, HttpHeaders headers, byte[] body, boolean secure) {
    long start = System.nanoTime();
    String path = path(uri);
    Answer answer;
    try {
      answer = answerOrThrow(path, uri, headers, body, secure);
    } catch (OneNumberException e) {
      HttpStatus status = ErrorStatus.of(e);
      if (e instanceof RetriableException && !(e instanceof IntakeShedException)) {
        LOG.warn("POST {} failed: {}", path, e.getMessage());
      }
      answer = error(status, e.code(), e.getMessage(),
          status == HttpStatus.SERVICE_UNAVAILABLE ? ErrorStatus.retryAfterSeconds(e, retry) : 0);
    } catch (RuntimeException e) {
      LOG.error("POST {} failed", path, e);
      answer = error(HttpStatus.INTERNAL_SERVER_ERROR, "internal_server_error", "Internal Server Error", 0);
    }
    Timer.builder("http.server.requests").tags("method", "POST", "uri", path, "status",
        Integer.toString(answer.status()), "exception", "none").register(meters).record(System.nanoTime() - start,
        java.util.concurrent.TimeUnit.NANOSECONDS);
    return answer;
  }

  private Answer answerOrThrow(String path, String uri, HttpHeaders headers, byte[] body, boolean secure) {
    String type = headers.get(io.netty.handler.codec.http.HttpHeaderNames.CONTENT_TYPE);
    if (type == null || !MediaType.of(type).getName().equalsIgnoreCase(MediaType.APPLICATION_FORM_URLENCODED)) {
      return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
          "Content Type [" + (type == null ? "none" : MediaType.of(type).getName()) + "] not allowed. Allowed types: ["
              + MediaType.APPLICATION_FORM_URLENCODED + "]", 0);
    }
    if (body.length == 0) {
      return error(HttpStatus.BAD_REQUEST, "bad_request", "Required Body [form] not specified", 0);
    }
    Map<String, String> form = TwilioMessagingWebhooks.form(new String(body, StandardCharsets.UTF_8));
    return take(path, uri, () -> hosts.resolve(asMicronaut(uri, headers, secure)) + uri, form, headers.get(SIGNATURE));
  }

  /**
   * A webhook's form taken in, the same for both ways in (this class's {@link #answer}, and {@link
   * TwilioWebhookController} for what Micronaut reads): not signed, 403 {@code forbidden}; the
   * webhook lane full, 503 {@code unavailable} with {@code Retry-After}, nothing stored (not thrown:
   * see {@code ShedResponses}); else handled until durable, 200 with empty TwiML. A domain failure
   * is thrown, for each way in to answer.
   *
   * @param requestUrl the URL Twilio signed, asked for only when no public URL is configured
   */
  Answer take(String path, String pathAndQuery, Supplier<String> requestUrl, Map<String, String> form,
      String signature) {
    if (!webhooks.signed(webhooks.needsRequestUrl() ? requestUrl.get() : null, pathAndQuery, form, signature)) {
      return json(HttpStatus.FORBIDDEN, FORBIDDEN, 0);
    }
    var permit = admission.tryEnter(IntakeKind.WEBHOOK);
    if (permit == null) {
      IntakeShedException shed = admission.refusal(IntakeKind.WEBHOOK);
      return error(HttpStatus.SERVICE_UNAVAILABLE, shed.code(), shed.getMessage(), shed.retryAfterSeconds());
    }
    try (permit) {
      if (!webhooks.handle(path, form)) {
        LOG.info("status callback for unknown message {}", form.getOrDefault("MessageSid", form.get("SmsSid")));
      }
    }
    return new Answer(200, MediaType.TEXT_XML, TWIML, 0);
  }

  /** The request as Micronaut's host resolver reads it (Host, Forwarded, X-Forwarded-*). */
  private static io.micronaut.http.HttpRequest<?> asMicronaut(String uri, HttpHeaders headers, boolean secure) {
    MutableHttpRequest<Object> request = io.micronaut.http.HttpRequest.create(HttpMethod.POST, uri);
    headers.forEach(header -> request.getHeaders().add(header.getKey(), header.getValue()));
    return !secure ? request : new HttpRequestWrapper<>(request) {
      @Override
      public boolean isSecure() {
        return true;
      }
    };
  }

  private static String path(String uri) {
    int query = uri.indexOf('?');
    return query < 0 ? uri : uri.substring(0, query);
  }

  private Answer error(HttpStatus status, String code, String message, int retryAfterSeconds) {
    return json(status, new ApiError(code, message), retryAfterSeconds);
  }

  private Answer json(HttpStatus status, ApiError error, int retryAfterSeconds) {
    try {
      return new Answer(status.getCode(), MediaType.APPLICATION_JSON, json.writeValueAsBytes(error), retryAfterSeconds);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
