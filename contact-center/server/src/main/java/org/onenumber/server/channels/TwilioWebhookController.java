package org.onenumber.server.channels;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.onenumber.channels.twilio.TwilioMessagingWebhooks;

/**
 * Twilio Messaging webhooks through Micronaut: what HTTP/1.1 requests never reach, since {@link
 * TwilioWebhookHandler} answers them in the Netty pipeline; HTTP/2 requests come here, and so do
 * HTTP/1.1 webhooks with a {@code Content-Encoding}; the OpenAPI document and access policy are read
 * from here. The form is taken in by {@link RawTwilioWebhooks#take}, as on the pipeline's way: a
 * wrong signature is 403 with nothing stored, more signed webhooks in flight than {@code
 * onenumber.admission.webhooks} 503 with {@code Retry-After} at once, nothing stored; a storage
 * failure is 503 from the exception handler (Twilio retries).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "webhooks")
final class TwilioWebhookController {

  private final RawTwilioWebhooks webhooks;
  private final HttpHostResolver hosts;

  TwilioWebhookController(RawTwilioWebhooks webhooks, HttpHostResolver hosts) {
    this.webhooks = webhooks;
    this.hosts = hosts;
  }

  @Post(TwilioMessagingWebhooks.SMS_PATH)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "Twilio Messaging webhook: inbound SMS, MMS and WhatsApp (signed)")
  HttpResponse<?> inbound(HttpRequest<?> request, @Body Map<String, String> form) {
    return handle(TwilioMessagingWebhooks.SMS_PATH, request, form);
  }

  @Post(TwilioMessagingWebhooks.STATUS_PATH)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "Twilio delivery status callback (signed)")
  HttpResponse<?> status(HttpRequest<?> request, @Body Map<String, String> form) {
    return handle(TwilioMessagingWebhooks.STATUS_PATH, request, form);
  }

  private HttpResponse<?> handle(String path, HttpRequest<?> request, Map<String, String> form) {
    String pathAndQuery = request.getUri().toString();
    RawTwilioWebhooks.Answer answer = webhooks.take(path, pathAndQuery, () -> hosts.resolve(request) + pathAndQuery,
        form, request.getHeaders().get(RawTwilioWebhooks.SIGNATURE));
    MutableHttpResponse<byte[]> response = HttpResponse.<byte[]>status(HttpStatus.valueOf(answer.status()))
        .contentType(answer.contentType()).body(answer.body());
    return answer.retryAfterSeconds() > 0
        ? response.header(HttpHeaders.RETRY_AFTER, Integer.toString(answer.retryAfterSeconds())) : response;
  }
}
