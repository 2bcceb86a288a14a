package org.onenumber.server.telephony;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.function.Supplier;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.server.api.ApiError;
import org.onenumber.telephony.twilio.TwilioVoiceIvr;
import org.onenumber.telephony.twilio.TwilioVoiceLegs;
import org.onenumber.telephony.twilio.TwilioVoiceSignatures;
import org.onenumber.telephony.twilio.VoiceMenu;
import org.onenumber.telephony.twilio.VoiceUrls;

/**
 * Twilio Voice webhooks (the chain is described in the {@code telephony.twilio} package). Every
 * endpoint: a missing or wrong {@code X-Twilio-Signature}, or no Twilio account configured → 403 and
 * nothing read; otherwise the adapter answers with TwiML after its contact and routing commands are
 * committed; a storage failure → 503 from the exception handler, so Twilio retries.
 */
@Controller(VoiceUrls.PATH)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Tag(name = "webhooks")
final class TwilioVoiceController {

  private final TwilioVoiceSignatures signatures;
  private final HttpHostResolver hosts;
  private final TwilioVoiceIvr ivr;
  private final TwilioVoiceLegs legs;
  private final org.onenumber.telephony.twilio.TwilioCheckIns checkIns;
  private final org.onenumber.telephony.twilio.TwilioHappyCalls happyCalls;
  private final org.onenumber.telephony.twilio.TwilioCallControl control;

  TwilioVoiceController(TwilioVoiceSignatures signatures, HttpHostResolver hosts, TwilioVoiceIvr ivr,
      TwilioVoiceLegs legs, org.onenumber.telephony.twilio.TwilioCheckIns checkIns,
      org.onenumber.telephony.twilio.TwilioHappyCalls happyCalls, org.onenumber.telephony.twilio.TwilioCallControl control) {
    this.control = control;
    this.happyCalls = happyCalls;
    this.signatures = signatures;
    this.hosts = hosts;
    this.ivr = ivr;
    this.legs = legs;
    this.checkIns = checkIns;
  }

  @Post
  @Operation(summary = "Twilio Voice: a call to the one number (signed); answers with the language menu")
  HttpResponse<?> incoming(HttpRequest<?> request, @Body Map<String, String> form) {
    return signed(request, form, () -> ivr.incoming(form));
  }

  @Post("/gather")
  @Operation(summary = "Twilio Voice: the caller's digits in the language, options or self-service topic menu, or after an answer (signed)")
  HttpResponse<?> gather(HttpRequest<?> request, @Body Map<String, String> form, @QueryValue String step,
      @Nullable @QueryValue Integer tries, @Nullable @QueryValue String lang, @Nullable @QueryValue String topic) {
    int tried = tries == null ? 0 : tries;
    return signed(request, form, () -> switch (step) {
      case "options" -> ivr.optionChosen(form, VoiceMenu.languageOf(lang));
      case "topic" -> ivr.topicChosen(form, VoiceMenu.languageOf(lang), tried);
      case "answer" -> ivr.afterAnswer(form, VoiceMenu.languageOf(lang), topic == null ? "" : topic, tried);
      default -> ivr.languageChosen(form, tried);
    });
  }

  @Post("/queue")
  @Operation(summary = "Twilio Voice: open the contact and wait in line (signed)")
  HttpResponse<?> queue(HttpRequest<?> request, @Body Map<String, String> form, @Nullable @QueryValue String lang) {
    return signed(request, form, () -> ivr.queue(form, VoiceMenu.languageOf(lang)));
  }

  @Post("/wait")
  @Operation(summary = "Twilio Voice: one turn of the wait loop, position and estimated wait (signed)")
  HttpResponse<?> waiting(HttpRequest<?> request, @Body Map<String, String> form, @QueryValue String contact) {
    return signed(request, form, () -> ivr.waiting(new ContactId(contact)));
  }

  @Post("/enqueue-action")
  @Operation(summary = "Twilio Voice: the caller left the Twilio queue (signed)")
  HttpResponse<?> leftQueue(HttpRequest<?> request, @Body Map<String, String> form, @QueryValue String contact) {
    return signed(request, form, () -> ivr.leftQueue(new ContactId(contact), form));
  }

  @Post("/answered")
  @Operation(summary = "Twilio Voice: the operator answered (signed)")
  HttpResponse<?> answered(HttpRequest<?> request, @Body Map<String, String> form, @QueryValue String contact,
      @QueryValue String agent) {
    return signed(request, form, () -> legs.answered(new ContactId(contact), new AgentId(agent)));
  }

  @Post("/dial-action")
  @Operation(summary = "Twilio Voice: the dial to the operator ended (signed)")
  HttpResponse<?> dialEnded(HttpRequest<?> request, @Body Map<String, String> form, @QueryValue String contact,
      @QueryValue String agent) {
    return signed(request, form, () -> legs.dialEnded(new ContactId(contact), new AgentId(agent), form));
  }

  @Post("/status")
  @Operation(summary = "Twilio Voice: call status callback (signed); leg=consult: a consulted party's leg")
  HttpResponse<?> status(HttpRequest<?> request, @Body Map<String, String> form, @Nullable @QueryValue String contact,
      @Nullable @QueryValue String leg) {
    if ("consult".equals(leg) && contact != null) {
      return signed(request, form, () -> control.consultLegStatus(form, new ContactId(contact)));
    }
    return signed(request, form, () -> {
      ivr.ended(form);
      return legs.status(form, contact == null ? null : new ContactId(contact));
    });
  }

  @Post("/callback-answered")
  @Operation(summary = "Twilio Voice: a callback's citizen answered (signed)")
  HttpResponse<?> callbackAnswered(HttpRequest<?> request, @Body Map<String, String> form,
      @QueryValue String contact) {
    return signed(request, form, () -> legs.callbackAnswered(new ContactId(contact)));
  }

  @Post("/callback-action")
  @Operation(summary = "Twilio Voice: a callback's dial to the citizen ended (signed)")
  HttpResponse<?> callbackEnded(HttpRequest<?> request, @Body Map<String, String> form, @QueryValue String contact) {
    return signed(request, form, () -> legs.callbackEnded(new ContactId(contact), form));
  }

  @Post("/check-in")
  @Operation(summary = "Twilio Voice: the key a senior pressed in the welfare check-in, or none (signed)")
  HttpResponse<?> checkIn(HttpRequest<?> request, @Body Map<String, String> form, @QueryValue String contact,
      @Nullable @QueryValue String lang, @Nullable @QueryValue Boolean slow, @Nullable @QueryValue Integer tries) {
    return signed(request, form, () -> checkIns.gathered(new ContactId(contact), VoiceMenu.languageOf(lang),
        Boolean.TRUE.equals(slow), tries == null ? 0 : tries, form));
  }

  @Post("/check-in-status")
  @Operation(summary = "Twilio Voice: status callback of a welfare check-in call (signed)")
  HttpResponse<?> checkInStatus(HttpRequest<?> request, @Body Map<String, String> form, @QueryValue String contact) {
    return signed(request, form, () -> checkIns.status(new ContactId(contact), form));
  }

  @Post("/happy-call")
  @Operation(summary = "Twilio Voice: the key a citizen pressed in the happy-call survey, or none (signed)")
  HttpResponse<?> happyCall(HttpRequest<?> request, @Body Map<String, String> form, @QueryValue String contact,
      @Nullable @QueryValue String lang, @Nullable @QueryValue Integer asked) {
    return signed(request, form, () -> happyCalls.gathered(new ContactId(contact), VoiceMenu.languageOf(lang),
        asked == null ? 1 : asked, form));
  }

  @Post("/happy-call-status")
  @Operation(summary = "Twilio Voice: status callback of a happy-call survey call (signed)")
  HttpResponse<?> happyCallStatus(HttpRequest<?> request, @Body Map<String, String> form,
      @QueryValue String contact, @Nullable @QueryValue Integer call) {
    return signed(request, form, () -> happyCalls.status(new ContactId(contact), call, form));
  }

  private HttpResponse<?> signed(HttpRequest<?> request, Map<String, String> form, Supplier<String> answer) {
    String pathAndQuery = request.getUri().toString();
    if (!signatures.valid(hosts.resolve(request) + pathAndQuery, pathAndQuery, form,
        request.getHeaders().get("X-Twilio-Signature"))) {
      return HttpResponse.status(HttpStatus.FORBIDDEN)
          .body(new ApiError("forbidden", "X-Twilio-Signature is missing or does not match"));
    }
    return HttpResponse.ok(answer.get()).contentType(MediaType.TEXT_XML_TYPE);
  }
}
