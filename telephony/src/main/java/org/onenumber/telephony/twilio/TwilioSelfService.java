package org.onenumber.telephony.twilio;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.directory.Language;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.core.port.in.ServeSelf;
import org.onenumber.core.port.out.MessageGateway;
import org.onenumber.core.selfservice.SelfServiceAnswer;
import org.onenumber.telephony.twilio.HeardAnswers.Heard;
import org.onenumber.telephony.twilio.VoicePrompts.Prompt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The self-service topic menu on Twilio, the same cases as the Asterisk IVR's {@code TopicMenu}:
 *
 * <ol>
 *   <li>After the options menu (no callback): the topics with an answer in the caller's language,
 *       each by its answer's title ({@code <Say>}); 0 or silence → the queue; a key that is no topic
 *       → the menu again, the third time the queue. No topics: the queue at once.
 *   <li>A topic: {@code <Say language=…>} reads the answer's text, then "0 operator, 9 again, 8 by
 *       text message, or hang up". 0 → the queue with topic {@code IVR: topic <key>}; 9 → again;
 *       8 → the title and text by SMS (a withheld number or a failed send is said so); silence three
 *       times → goodbye and hang-up.
 *   <li>The call's status callback ({@code completed} and the other ends) for a call that heard an
 *       answer and was not queued: a self-served contact ({@code ServeSelf.served}), once.
 * </ol>
 * Which calls heard which answer is kept in {@link HeardAnswers} (the server's table {@code
 * twilio_heard_answers}: a restart between the answer and the hang-up keeps the call's self-served
 * count) for up to two hours. Thread-safe.
 */
public final class TwilioSelfService {

  /** What {@link TwilioVoiceIvr} does next: answer with TwiML, or queue the call with a topic. */
  public sealed interface Next {
    record Twiml(String xml) implements Next {}

    record Queue(String topic) implements Next {}
  }

  private static final Logger LOG = LoggerFactory.getLogger(TwilioSelfService.class);
  private static final Set<String> ENDS = Set.of("completed", "busy", "failed", "no-answer", "canceled");
  private static final Duration REMEMBERED = Duration.ofHours(2);
  private static final int SMS_LIMIT = 640;
  private static final int SPOKEN_LIMIT = 3_000;

  private final ServeSelf serve;
  private final VoiceTwiml twiml;
  private final MessageGateway texts;
  private final HeardAnswers heard;

  public TwilioSelfService(ServeSelf serve, VoiceTwiml twiml, MessageGateway texts, HeardAnswers heard) {
    this.serve = serve;
    this.twiml = twiml;
    this.texts = texts;
    this.heard = heard;
  }

  /** Case 1: the topic menu, or empty when there is none in {@code language}. */
  public Optional<String> menu(Language language, int tries) {
    List<Map.Entry<String, String>> titles = serve.topics(language).stream()
        .flatMap(t -> serve.answer(t.digit(), language).map(a -> Map.entry(t.digit(), a.title())).stream())
        .toList();
    return titles.isEmpty() ? Optional.empty() : Optional.of(twiml.topicMenu(language, titles, tries));
  }

  /** Case 1's digits. */
  public Next topicChosen(Map<String, String> form, Language language, int tries) {
    String digits = form.getOrDefault("Digits", "");
    if (digits.isEmpty() || "0".equals(digits)) {
      return new Next.Queue(null);
    }
    Optional<SelfServiceAnswer> answer = serve.answer(digits, language);
    if (answer.isEmpty()) {
      return tries + 1 >= VoiceMenu.MAX_TRIES ? new Next.Queue(null)
          : menu(language, tries + 1).<Next>map(Next.Twiml::new).orElse(new Next.Queue(null));
    }
    forgetOld();
    heard.heard(new Heard(form.get("CallSid"), answer.get().topic(), language,
        CallerNumbers.identity(form.get("From"), form.get("CallSid")), Instant.now()));
    return new Next.Twiml(twiml.selfServiceAnswer(language, answer.get().topic(), spoken(answer.get()), null, 0));
  }

  /** Case 2's digits ({@code silences}: time-outs so far). */
  public Next afterAnswer(Map<String, String> form, Language language, String topic, int silences) {
    String sid = form.get("CallSid");
    Heard call = heard.find(sid).orElse(null);
    Optional<SelfServiceAnswer> answer = serve.topics(language).stream().filter(t -> t.key().equals(topic))
        .findFirst().flatMap(t -> serve.answer(t.digit(), language));
    String digits = form.getOrDefault("Digits", "");
    if ("0".equals(digits) || call == null || answer.isEmpty()) {
      heard.forget(sid);
      return new Next.Queue("IVR: topic " + topic);
    }
    return switch (digits) {
      case "9" -> new Next.Twiml(twiml.selfServiceAnswer(language, topic, spoken(answer.get()), null, 0));
      case "8" -> new Next.Twiml(twiml.selfServiceAnswer(language, topic, null,
          text(answer.get(), call.caller()) ? Prompt.ANSWER_TEXTED : Prompt.ANSWER_NOT_TEXTED, 0));
      case "" -> new Next.Twiml(silences >= VoiceMenu.MAX_TRIES ? twiml.goodbye(Prompt.GOODBYE, language)
          : twiml.selfServiceAnswer(language, topic, null, null, silences));
      default -> new Next.Twiml(twiml.selfServiceAnswer(language, topic, null, null, silences));
    };
  }

  /** Case 3: the caller's leg ended; a call that heard an answer and was not queued was self-served. */
  public void ended(Map<String, String> form) {
    if (!ENDS.contains(form.getOrDefault("CallStatus", ""))) {
      return;
    }
    String sid = form.getOrDefault("CallSid", "");
    Optional<Heard> found = heard.find(sid);
    if (found.isEmpty() || !heard.forget(sid)) {
      return;
    }
    Heard call = found.get();
    try {
      serve.served(new OpenContactCommand(Channel.VOICE, call.caller(), null, call.language(),
          "IVR: self-service " + call.topic(), null, null, null), call.at());
    } catch (RuntimeException e) {
      LOG.error("a self-served call ({}) could not be journaled: {}", call.topic(), e.getMessage());
      heard.heard(call); // Twilio retries the callback after a 5xx
      throw e;
    }
  }

  private boolean text(SelfServiceAnswer answer, CitizenIdentity caller) {
    if (!(caller instanceof CitizenIdentity.Phone phone)) {
      return false;
    }
    try {
      texts.send(new MessageGateway.Outbound(null, Channel.SMS, phone.value(),
          limit(answer.title() + "\n" + answer.text(), SMS_LIMIT), List.of()));
      return true;
    } catch (RuntimeException e) {
      LOG.warn("self-service answer {} not texted to {}: {}", answer.topic(), phone.masked(), e.getMessage());
      return false;
    }
  }

  private static String spoken(SelfServiceAnswer answer) {
    return limit(answer.title() + ". " + answer.text(), SPOKEN_LIMIT);
  }

  private static String limit(String text, int max) {
    return text.length() > max ? text.substring(0, max - 1) + "…" : text;
  }

  private void forgetOld() {
    heard.forgetBefore(Instant.now().minus(REMEMBERED));
  }
}
