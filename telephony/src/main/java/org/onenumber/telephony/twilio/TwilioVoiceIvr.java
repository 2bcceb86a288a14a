package org.onenumber.telephony.twilio;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.port.in.OpenContact;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.core.port.in.RouteContact;
import org.onenumber.core.port.in.ServeSelf;
import org.onenumber.core.port.out.MessageGateway;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.telephony.twilio.TwilioVoiceCalls.Call;
import org.onenumber.telephony.twilio.VoicePrompts.Prompt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caller's side until an operator is rung: the voice webhook and its menus, the contact, the
 * queue and the wait loop. Each method answers one signed webhook (its form parameters as Twilio
 * posted them) with TwiML. Blocking (opens contacts, asks routing): run on a worker thread.
 * Thread-safe. A contact is durable before its {@code <Enqueue>} is returned.
 */
public final class TwilioVoiceIvr {

  private static final Logger LOG = LoggerFactory.getLogger(TwilioVoiceIvr.class);
  private static final Duration CALLBACK_WAIT = Duration.ofSeconds(3);

  private final VoiceTwiml twiml;
  private final TwilioVoiceCalls calls;
  private final OpenContact open;
  private final RouteContact routing;
  private final TwilioVoiceRouting events;
  private final MessageGateway texts;
  private final String videoLink;
  private final Predicate<Contact> recordingAllowed;
  private final TwilioSelfService selfService;

  /**
   * @param texts sends the sign-language video-call link by SMS
   * @param videoLink the link texted to callers who choose the sign-language option
   * @param recordingAllowed whether consent and queue allow recording the contact's call
   */
  public TwilioVoiceIvr(VoiceTwiml twiml, TwilioVoiceCalls calls, OpenContact open, RouteContact routing,
      TwilioVoiceRouting events, MessageGateway texts, String videoLink, Predicate<Contact> recordingAllowed) {
    this(twiml, calls, open, routing, events, texts, videoLink, recordingAllowed, ServeSelf.NONE);
  }

  /** As above, with the self-service topic menu of {@code serveSelf} after the options menu. */
  public TwilioVoiceIvr(VoiceTwiml twiml, TwilioVoiceCalls calls, OpenContact open, RouteContact routing,
      TwilioVoiceRouting events, MessageGateway texts, String videoLink, Predicate<Contact> recordingAllowed,
      ServeSelf serveSelf) {
    this(twiml, calls, open, routing, events, texts, videoLink, recordingAllowed, serveSelf, HeardAnswers.inMemory());
  }

  /** As above, keeping which call heard which answer in {@code heard} (durable in the server). */
  public TwilioVoiceIvr(VoiceTwiml twiml, TwilioVoiceCalls calls, OpenContact open, RouteContact routing,
      TwilioVoiceRouting events, MessageGateway texts, String videoLink, Predicate<Contact> recordingAllowed,
      ServeSelf serveSelf, HeardAnswers heard) {
    this.selfService = new TwilioSelfService(serveSelf, twiml, texts, heard);
    this.twiml = twiml;
    this.calls = calls;
    this.open = open;
    this.routing = routing;
    this.events = events;
    this.texts = texts;
    this.videoLink = videoLink;
    this.recordingAllowed = recordingAllowed;
  }

  /** A new call to the one number: the language menu (or the queue again, for a call already carried). */
  public String incoming(Map<String, String> form) {
    return calls.bySid(form.get("CallSid")).map(this::enqueueAgain).orElseGet(() -> twiml.languageMenu(0));
  }

  /** The language menu's answer (see {@link VoiceMenu}). */
  public String languageChosen(Map<String, String> form, int tries) {
    return switch (VoiceMenu.language(form.get("Digits"), tries)) {
      case VoiceMenu.Choice.Chosen c -> twiml.options(c.language());
      case VoiceMenu.Choice.Invalid i -> twiml.languageMenu(i.tries());
      case VoiceMenu.Choice.SignLanguage s -> signLanguage(form);
    };
  }

  /** The second menu's answer: 1 is a callback, anything else the topic menu (or the queue without one). */
  public String optionChosen(Map<String, String> form, Language language) {
    if (!VoiceMenu.wantsCallback(form.get("Digits"))) {
      return calls.bySid(form.get("CallSid")).isPresent() ? queue(form, language)
          : selfService.menu(language, 0).orElseGet(() -> queue(form, language));
    }
    Optional<Contact> contact = openOrBusy(form, language, "IVR: callback requested");
    if (contact.isEmpty()) {
      return twiml.goodbye(Prompt.LINES_BUSY, language);
    }
    requestCallback(contact.get().id());
    return twiml.goodbye(Prompt.CALLBACK_CONFIRMED, language);
  }

  /** The topic menu's digits (see {@link TwilioSelfService}). */
  public String topicChosen(Map<String, String> form, Language language, int tries) {
    return next(form, language, selfService.topicChosen(form, language, tries));
  }

  /** The digits after a self-service answer of {@code topic}. */
  public String afterAnswer(Map<String, String> form, Language language, String topic, int silences) {
    return next(form, language, selfService.afterAnswer(form, language, topic, silences));
  }

  /** The number's status callback: a call that ended after a self-service answer is journaled as self-served. */
  public void ended(Map<String, String> form) {
    selfService.ended(form);
  }

  private String next(Map<String, String> form, Language language, TwilioSelfService.Next next) {
    return switch (next) {
      case TwilioSelfService.Next.Twiml t -> t.xml();
      case TwilioSelfService.Next.Queue q -> queue(form, language, q.topic());
    };
  }

  /** The caller stays on the line: the call becomes a VOICE contact and waits in a Twilio queue. */
  public String queue(Map<String, String> form, Language language) {
    return queue(form, language, null);
  }

  private String queue(Map<String, String> form, Language language, String topic) {
    // Before anything is written: a call without its id could not be found again (was a 500, after a contact was opened).
    String callSid = InvalidInputException.requireText(form.get("CallSid"), "CallSid");
    var known = calls.bySid(callSid);
    if (known.isPresent()) {
      return enqueueAgain(known.get());
    }
    Optional<Contact> opened = openOrBusy(form, language, topic == null ? "IVR: " + language.code() : topic);
    if (opened.isEmpty()) {
      return twiml.goodbye(Prompt.LINES_BUSY, language);
    }
    Contact contact = opened.get();
    Call call = new Call(callSid, contact.id(), language, queueName(contact), recordingAllowed.test(contact));
    calls.open(call);
    events.registered(contact.id());
    return twiml.enqueue(contact.id(), call.queueName());
  }

  /** One turn of the wait loop, with the last place in line routing announced. */
  public String waiting(ContactId contact) {
    return calls.byContact(contact).map(c -> twiml.waiting(c.language(), c.position(), c.estimatedWait()))
        .orElseGet(() -> twiml.waiting(Language.KOREAN, null, null));
  }

  /**
   * The caller left the Twilio queue on their own ({@code QueueResult}): hung up (the status
   * callback abandons the contact), or an error/full queue (enqueued again, keeping routing's place).
   */
  public String leftQueue(ContactId contact, Map<String, String> form) {
    String result = form.getOrDefault("QueueResult", "");
    if (Set.of("hangup", "redirected", "bridged", "bridging-in-process").contains(result)) {
      return twiml.empty();
    }
    return calls.byContact(contact).filter(c -> c.phase() == TwilioVoiceCalls.Phase.WAITING)
        .map(this::enqueueAgain).orElseGet(twiml::empty);
  }

  private String enqueueAgain(Call call) {
    return twiml.enqueue(call.contact(), call.queueName());
  }

  /**
   * The call as a new contact, or empty when it cannot be taken in now (the database unavailable:
   * {@link RetriableException}, nothing stored): the caller then hears "all
   * lines are busy, call again" and the call ends, as on Asterisk — before, the webhook failed
   * with 503 and Twilio played its own application error to the caller.
   */
  private Optional<Contact> openOrBusy(Map<String, String> form, Language language, String topic) {
    try {
      return Optional.of(openContact(form, language, topic));
    } catch (RetriableException e) {
      LOG.warn("a call could not become a contact now: {}", e.getMessage());
      return Optional.empty();
    }
  }

  private Contact openContact(Map<String, String> form, Language language, String topic) {
    CitizenIdentity caller = CallerNumbers.identity(form.get("From"), form.get("CallSid"));
    return open.open(new OpenContactCommand(Channel.VOICE, caller, null, language, topic, null, null, Set.of()));
  }

  private String signLanguage(Map<String, String> form) {
    CitizenIdentity caller = CallerNumbers.identity(form.get("From"), form.get("CallSid"));
    if (caller instanceof CitizenIdentity.Phone phone) {
      try {
        texts.send(new MessageGateway.Outbound(null, Channel.SMS, phone.value(),
            "OneNumber 수어 영상 상담 / Sign-language video call: " + videoLink, null));
        return twiml.goodbye(Prompt.SIGN_LINK_SENT, Language.KOREAN);
      } catch (RuntimeException e) {
        LOG.warn("could not text the video-call link to {}: {}", phone.masked(), e.getMessage());
      }
    }
    return twiml.options(Language.KOREAN);
  }

  /**
   * Routing learns of the new contact from intake's event, a moment after it is durable; the
   * callback request waits (briefly) until routing tracks the contact.
   */
  private void requestCallback(ContactId contact) {
    Instant deadline = Instant.now().plus(CALLBACK_WAIT);
    String why = null;
    do {
      try {
        Decisions decisions = routing.route(new RoutingCommand.RequestCallback(contact));
        if (!decisions.isRefused()) {
          return;
        }
        why = decisions.refused();
      } catch (RuntimeException e) {
        why = e.getMessage();
      }
      pause();
    } while (Instant.now().isBefore(deadline));
    LOG.warn("callback request for {} not taken by routing: {}", contact, why);
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The Twilio queue a contact waits in, named after its routing queue (only a parking place). */
  static String queueName(Contact contact) {
    return "onenumber-" + (contact.queue() == null ? "voice" : contact.queue().value());
  }
}
