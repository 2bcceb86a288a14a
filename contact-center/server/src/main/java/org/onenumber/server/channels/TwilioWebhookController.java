package org.onenumber.server.channels;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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
import org.onenumber.channels.twilio.TwilioWebhooks;
import org.onenumber.server.admission.IntakeAdmission;
import org.onenumber.server.admission.IntakeKind;
import org.onenumber.server.admission.ShedResponses;
import org.onenumber.server.api.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twilio Messaging webhooks through Micronaut: what HTTP/1.1 requests never reach, since {@link
 * TwilioWebhookHandler} answers them in the Netty pipeline; HTTP/2 requests come here, and the
 * OpenAPI document and access policy are read from here. The cases are {@link
 * TwilioMessagingWebhooks}'; besides them: a wrong signature is 403 with nothing read or stored, a
 * storage failure 503 from the exception handler (Twilio retries), more signed webhooks in flight
 * than {@code onenumber.admission.webhooks} 503 with {@code Retry-After} at once, nothing stored
 * ({@link IntakeAdmission}).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "webhooks")
final class TwilioWebhookController {

  private static final Logger LOG = LoggerFactory.getLogger(TwilioWebhookController.class);

  private final TwilioMessagingWebhooks webhooks;
  private final HttpHostResolver hosts;
  private final IntakeAdmission admission;
  private final ShedResponses shedResponses;

  TwilioWebhookController(TwilioMessagingWebhooks webhooks, HttpHostResolver hosts, IntakeAdmission admission,
      ShedResponses shedResponses) {
    this.webhooks = webhooks;
    this.shedResponses = shedResponses;
    this.hosts = hosts;
    this.admission = admission;
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
    if (!webhooks.signed(hosts.resolve(request) + pathAndQuery, pathAndQuery, form,
        request.getHeaders().get(RawTwilioWebhooks.SIGNATURE))) {
      return HttpResponse.status(io.micronaut.http.HttpStatus.FORBIDDEN).body(RawTwilioWebhooks.FORBIDDEN);
    }
    var permit = admission.tryEnter(IntakeKind.WEBHOOK);
    if (permit == null) {
      return shedResponses.of(request, admission.refusal(IntakeKind.WEBHOOK)); // not thrown: see ShedResponses
    }
    try (permit) {
      if (!webhooks.handle(path, form)) {
        LOG.info("status callback for unknown message {}", form.getOrDefault("MessageSid", form.get("SmsSid")));
      }
    }
    return HttpResponse.ok(TwilioWebhooks.EMPTY_TWIML).contentType(MediaType.TEXT_XML_TYPE);
  }
}
