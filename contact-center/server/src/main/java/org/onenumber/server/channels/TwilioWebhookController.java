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
import org.onenumber.channels.twilio.TwilioSignatures;
import org.onenumber.channels.twilio.TwilioWebhooks;
import org.onenumber.core.campaign.Campaigns;
import org.onenumber.core.port.in.AnswerHappyCall;
import org.onenumber.core.port.in.ReceiveMessage;
import org.onenumber.core.port.in.RecordCheckIn;
import org.onenumber.core.port.in.UpdateDeliveryStatus;
import org.onenumber.server.admission.IntakeAdmission;
import org.onenumber.server.admission.IntakeKind;
import org.onenumber.server.admission.ShedResponses;
import org.onenumber.server.api.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twilio Messaging webhooks. The cases, for both endpoints:
 *
 * <ol>
 *   <li>Missing or wrong {@code X-Twilio-Signature}: 403, nothing read or stored.
 *   <li>An SMS "1" or "2" from a senior whose welfare text check-in is waiting: recorded by
 *       {@link RecordCheckIn} (well / wants to talk); 200 with empty TwiML, no contact opened.
 *   <li>Otherwise an SMS "1" to "5" from a citizen whose happy-call survey is waiting: the score,
 *       recorded by {@link AnswerHappyCall}; 200 with empty TwiML, no contact opened.
 *   <li>Inbound message: handed to {@link ReceiveMessage}, which returns only once it is durable
 *       (a repeated MessageSid stores nothing); then 200 with empty TwiML.
 *   <li>Status callback: applied by {@link UpdateDeliveryStatus}, or to the campaign recipient
 *       the message went to ({@link Campaigns#delivery}); 200 even for an unknown sid
 *       (Twilio would retry forever otherwise).
 *   <li>A storage failure: 503 from the exception handler, so Twilio retries.
 *   <li>More signed webhooks in flight than {@code onenumber.admission.webhooks}: 503 with
 *       {@code Retry-After} at once, nothing stored ({@link IntakeAdmission}).
 * </ol>
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "webhooks")
final class TwilioWebhookController {

  static final String SMS_PATH = "/webhooks/twilio/sms";
  static final String STATUS_PATH = "/webhooks/twilio/status";
  private static final Logger LOG = LoggerFactory.getLogger(TwilioWebhookController.class);

  private final TwilioSignatures signatures;
  private final HttpHostResolver hosts;
  private final ReceiveMessage receive;
  private final UpdateDeliveryStatus delivery;
  private final RecordCheckIn checkIns;
  private final AnswerHappyCall surveys;
  private final Campaigns campaigns;
  private final IntakeAdmission admission;
  private final ShedResponses shedResponses;

  TwilioWebhookController(TwilioSignatures signatures, HttpHostResolver hosts, ReceiveMessage receive,
      UpdateDeliveryStatus delivery, RecordCheckIn checkIns, AnswerHappyCall surveys, Campaigns campaigns, IntakeAdmission admission,
      ShedResponses shedResponses) {
    this.admission = admission;
    this.shedResponses = shedResponses;
    this.surveys = surveys;
    this.campaigns = campaigns;
    this.signatures = signatures;
    this.hosts = hosts;
    this.receive = receive;
    this.delivery = delivery;
    this.checkIns = checkIns;
  }

  @Post(SMS_PATH)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "Twilio Messaging webhook: inbound SMS, MMS and WhatsApp (signed)")
  HttpResponse<?> inbound(HttpRequest<?> request, @Body Map<String, String> form) {
    if (!signed(request, form)) {
      return forbidden();
    }
    var permit = admission.tryEnter(IntakeKind.WEBHOOK);
    if (permit == null) {
      return shedResponses.of(request, admission.refusal(IntakeKind.WEBHOOK)); // not thrown: see ShedResponses
    }
    try (permit) {
      return inbound(form);
    }
  }

  private HttpResponse<?> inbound(Map<String, String> form) {
    var command = TwilioWebhooks.inbound(form, null);
    if (command.channel() == org.onenumber.core.contact.Channel.SMS
        && command.identity() instanceof org.onenumber.core.citizen.CitizenIdentity.Phone phone
        && command.body() != null && command.body().strip().matches("[1-5]")
        && ((command.body().strip().matches("[12]") && checkIns.reply(phone, command.body()))
            || surveys.reply(phone, command.body()))) {
      return HttpResponse.ok(TwilioWebhooks.EMPTY_TWIML).contentType(MediaType.TEXT_XML_TYPE);
    }
    ReceiveMessage.Outcome outcome = receive.receive(command);
    LOG.debug("twilio message {} -> {}", outcome.message().id(), outcome.getClass().getSimpleName());
    return HttpResponse.ok(TwilioWebhooks.EMPTY_TWIML).contentType(MediaType.TEXT_XML_TYPE);
  }

  @Post(STATUS_PATH)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "Twilio delivery status callback (signed)")
  HttpResponse<?> status(HttpRequest<?> request, @Body Map<String, String> form) {
    if (!signed(request, form)) {
      return forbidden();
    }
    var permit = admission.tryEnter(IntakeKind.WEBHOOK);
    if (permit == null) {
      return shedResponses.of(request, admission.refusal(IntakeKind.WEBHOOK)); // not thrown: see ShedResponses
    }
    try (permit) {
      return status(form);
    }
  }

  private HttpResponse<?> status(Map<String, String> form) {
    TwilioWebhooks.StatusReport report = TwilioWebhooks.status(form);
    if (delivery.byProvider(report.messageSid(), report.status(), report.errorCode()).isEmpty()
        && !campaigns.delivery(report.messageSid(), report.status().name().toLowerCase(java.util.Locale.ROOT))) {
      LOG.info("status callback for unknown message {}", report.messageSid());
    }
    return HttpResponse.ok(TwilioWebhooks.EMPTY_TWIML).contentType(MediaType.TEXT_XML_TYPE);
  }

  private boolean signed(HttpRequest<?> request, Map<String, String> form) {
    String pathAndQuery = request.getUri().toString();
    String requestUrl = hosts.resolve(request) + pathAndQuery;
    return signatures.valid(requestUrl, pathAndQuery, form, request.getHeaders().get("X-Twilio-Signature"));
  }

  private static HttpResponse<?> forbidden() {
    return HttpResponse.status(io.micronaut.http.HttpStatus.FORBIDDEN)
        .body(new ApiError("forbidden", "X-Twilio-Signature is missing or does not match"));
  }
}
