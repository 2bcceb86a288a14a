package org.onenumber.telephony.twilio;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Client;
import com.twilio.twiml.voice.Conference;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Enqueue;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Play;
import com.twilio.twiml.voice.Redirect;
import com.twilio.twiml.voice.Say;
import com.twilio.twiml.voice.Sip;
import java.time.Duration;
import java.util.Map;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.onenumber.telephony.twilio.VoicePrompts.Prompt;

/**
 * Builds every TwiML document of the voice flow with the SDK's TwiML classes, one method per step
 * (see the package documentation for how they chain). Pure: no state, no I/O; thread-safe.
 * Mongolian has no Twilio text-to-speech voice: its sentences are read by the Russian voice
 * (Cyrillic script) unless the deployment records them.
 */
public final class VoiceTwiml {

  /**
   * @param holdMusic what callers hear while waiting or on hold (an MP3 URL Twilio can fetch)
   * @param ringSeconds how long an operator's phone rings before the call goes back in line
   * @param callerId the city's number shown on calls Twilio places (callbacks, transfers)
   */
  public record Settings(String holdMusic, int ringSeconds, String callerId) {}

  private static final Map<String, Say.Language> VOICES = Map.of("ko", Say.Language.KO_KR, "en", Say.Language.EN_US,
      "zh", Say.Language.CMN_CN, "ja", Say.Language.JA_JP, "vi", Say.Language.VI_VN, "mn", Say.Language.RU_RU);

  private final VoiceUrls urls;
  private final Settings settings;

  public VoiceTwiml(VoiceUrls urls, Settings settings) {
    this.urls = urls;
    this.settings = settings;
  }

  public VoiceUrls urls() {
    return urls;
  }

  /** The language menu: every language's option in its own voice, then the sign-language option. */
  public String languageMenu(int tries) {
    Gather.Builder gather = new Gather.Builder().inputs(Gather.Input.DTMF).numDigits(1).timeout(5)
        .action(urls.languageMenu(tries)).method(HttpMethod.POST);
    for (int i = 0; i < VoiceMenu.LANGUAGES.size(); i++) {
      Language language = VoiceMenu.LANGUAGES.get(i);
      gather.say(say(Prompt.LANGUAGE_OPTION, language, i + 1));
    }
    gather.say(say(Prompt.SIGN_OPTION, Language.KOREAN, VoiceMenu.SIGN_LANGUAGE_DIGIT));
    gather.say(say(Prompt.SIGN_OPTION, Language.ENGLISH, VoiceMenu.SIGN_LANGUAGE_DIGIT));
    return new VoiceResponse.Builder().gather(gather.build())
        .redirect(new Redirect.Builder(urls.languageMenu(tries)).method(HttpMethod.POST).build()).build().toXml();
  }

  /**
   * The second menu in the caller's language: 1 for a callback; silence comes back to the same
   * action without digits (the topic menu, or the queue when there are no topics).
   */
  public String options(Language language) {
    Gather gather = new Gather.Builder().inputs(Gather.Input.DTMF).numDigits(1).timeout(4)
        .action(urls.options(language)).method(HttpMethod.POST).say(say(Prompt.OPTIONS, language)).build();
    return new VoiceResponse.Builder().gather(gather)
        .redirect(new Redirect.Builder(urls.options(language)).method(HttpMethod.POST).build()).build().toXml();
  }

  /**
   * The self-service topic menu: each topic's answer title with its digit, then "0 or stay on the
   * line for an operator"; silence goes to the queue.
   */
  public String topicMenu(Language language, java.util.List<Map.Entry<String, String>> titlesByDigit, int tries) {
    Gather.Builder gather = new Gather.Builder().inputs(Gather.Input.DTMF).numDigits(1).timeout(5)
        .action(urls.topics(language, tries)).method(HttpMethod.POST);
    titlesByDigit.forEach(t -> gather.say(say(Prompt.TOPIC_OPTION, language, t.getValue(), t.getKey())));
    gather.say(say(Prompt.TOPIC_OPERATOR, language));
    return new VoiceResponse.Builder().gather(gather.build())
        .redirect(new Redirect.Builder(urls.queue(language)).method(HttpMethod.POST).build()).build().toXml();
  }

  /**
   * A self-service answer read in the caller's language ({@code lead}, when given, said first), then
   * "0 operator, 9 again, 8 by text, or hang up"; silence comes back with {@code silences + 1}.
   */
  public String selfServiceAnswer(Language language, String topic, String text, Prompt lead, int silences) {
    Gather.Builder gather = new Gather.Builder().inputs(Gather.Input.DTMF).numDigits(1).timeout(5)
        .action(urls.afterAnswer(language, topic, silences)).method(HttpMethod.POST);
    if (lead != null) {
      gather.say(say(lead, language));
    }
    if (text != null) {
      gather.say(new Say.Builder(text).language(VOICES.getOrDefault(language.code(), Say.Language.KO_KR)).build());
    }
    gather.say(say(Prompt.AFTER_ANSWER, language));
    return new VoiceResponse.Builder().gather(gather.build())
        .redirect(new Redirect.Builder(urls.afterAnswer(language, topic, silences + 1)).method(HttpMethod.POST).build())
        .build().toXml();
  }

  /** Parks the caller in Twilio queue {@code queueName}; Twilio fetches the wait URL in a loop. */
  public String enqueue(ContactId contact, String queueName) {
    Enqueue enqueue = new Enqueue.Builder(queueName).waitUrl(urls.waiting(contact)).waitUrlMethod(HttpMethod.POST)
        .action(urls.enqueueAction(contact)).method(HttpMethod.POST).build();
    return new VoiceResponse.Builder().enqueue(enqueue).build().toXml();
  }

  /** {@link #enqueue}, with {@code lead} said first. */
  public String enqueue(ContactId contact, String queueName, Prompt lead, Language language) {
    Enqueue enqueue = new Enqueue.Builder(queueName).waitUrl(urls.waiting(contact)).waitUrlMethod(HttpMethod.POST)
        .action(urls.enqueueAction(contact)).method(HttpMethod.POST).build();
    return new VoiceResponse.Builder().say(say(lead, language)).enqueue(enqueue).build().toXml();
  }

  /** One turn of the wait loop: the place in line (when routing told it), then music. */
  public String waiting(Language language, Integer position, Duration estimatedWait) {
    VoiceResponse.Builder response = new VoiceResponse.Builder();
    if (position != null) {
      long minutes = estimatedWait == null ? 1 : Math.max(1, (estimatedWait.toSeconds() + 59) / 60);
      response.say(say(Prompt.POSITION, language, position, minutes));
    } else {
      response.say(say(Prompt.WAIT, language));
    }
    return response.play(new Play.Builder(settings.holdMusic()).build()).build().toXml();
  }

  /**
   * Rings the operator: the answer URL runs on the operator's leg when they pick up (routing
   * {@code Accept}), the action URL on the caller's leg when the dial ends (no answer, busy, hung up).
   */
  public String dial(ContactId contact, AgentId agent, OperatorLine line, boolean record) {
    Dial.Builder dial = new Dial.Builder().action(urls.dialAction(contact, agent)).method(HttpMethod.POST)
        .timeout(settings.ringSeconds()).answerOnBridge(true)
        .record(record ? Dial.Record.RECORD_FROM_ANSWER_DUAL : Dial.Record.DO_NOT_RECORD);
    String answered = urls.answered(contact, agent);
    switch (line) {
      case OperatorLine.Number n ->
          dial.number(new com.twilio.twiml.voice.Number.Builder(n.e164()).url(answered).method(HttpMethod.POST).build());
      case OperatorLine.Client c ->
          dial.client(new Client.Builder(c.identity()).url(answered).method(HttpMethod.POST).build());
      case OperatorLine.Sip s -> dial.sip(new Sip.Builder(s.uri()).url(answered).method(HttpMethod.POST).build());
    }
    return new VoiceResponse.Builder().dial(dial.build()).build().toXml();
  }

  /** Said to the operator when they answer, before the caller is bridged. */
  public String whisper(Language callerLanguage) {
    return new VoiceResponse.Builder().say(say(Prompt.WHISPER, Language.KOREAN, callerLanguage.code())).build().toXml();
  }

  /** The caller on hold: a sentence, then music until the call is updated again. */
  public String hold(Language language) {
    return new VoiceResponse.Builder().say(say(Prompt.HOLD, language))
        .play(new Play.Builder(settings.holdMusic()).loop(0).build()).build().toXml();
  }

  /** Blind transfer out of the center to {@code destination} (a desk number). */
  public String transfer(Language language, String destination) {
    Dial dial = new Dial.Builder().callerId(settings.callerId())
        .number(new com.twilio.twiml.voice.Number.Builder(destination).build()).build();
    return new VoiceResponse.Builder().say(say(Prompt.TRANSFER, language)).dial(dial).build().toXml();
  }

  /**
   * The welfare check-in question in the senior's language (twice over, with a pause, when {@code
   * slow}), gathering one key for {@code tries}; no key redirects to the next try.
   */
  public String checkIn(ContactId contact, Language language, boolean slow, int tries) {
    Gather.Builder gather = new Gather.Builder().inputs(Gather.Input.DTMF).numDigits(1).timeout(slow ? 10 : 6)
        .action(urls.checkIn(contact, language, slow, tries)).method(HttpMethod.POST)
        .say(say(Prompt.CHECK_IN, language));
    if (slow) {
      gather.pause(new com.twilio.twiml.voice.Pause.Builder().length(2).build()).say(say(Prompt.CHECK_IN, language));
    }
    return new VoiceResponse.Builder().gather(gather.build())
        .redirect(new Redirect.Builder(urls.checkIn(contact, language, slow, tries + 1)).method(HttpMethod.POST).build())
        .build().toXml();
  }

  /**
   * The happy-call survey question in the citizen's language ({@code before}, when given, said
   * first), gathering one key; no key redirects to the action with {@code asked + 1} and no digits.
   */
  public String happyCall(ContactId contact, Language language, int asked, Prompt before) {
    Gather.Builder gather = new Gather.Builder().inputs(Gather.Input.DTMF).numDigits(1).timeout(8)
        .action(urls.happyCall(contact, language, asked + 1)).method(HttpMethod.POST);
    if (before != null) {
      gather.say(say(before, language));
    }
    gather.say(say(Prompt.HAPPY_CALL, language));
    return new VoiceResponse.Builder().gather(gather.build())
        .redirect(new Redirect.Builder(urls.happyCall(contact, language, asked + 1)).method(HttpMethod.POST).build())
        .build().toXml();
  }

  /** Says {@code prompt} in {@code language} and hangs up. */
  public String sayAndHangUp(Prompt prompt, Language language) {
    return new VoiceResponse.Builder().say(say(prompt, language)).hangup(new Hangup.Builder().build()).build().toXml();
  }

  /** Joins conference {@code room} (caller, operator and third party each run this). */
  public String conference(String room, boolean endWhenLeaving) {
    Conference conference = new Conference.Builder(room).startConferenceOnEnter(true)
        .endConferenceOnExit(endWhenLeaving).beep(Conference.Beep.FALSE).build();
    return new VoiceResponse.Builder().dial(new Dial.Builder().conference(conference).build()).build().toXml();
  }

  /** The operator's leg of a callback: a sentence, then the citizen is dialled. */
  public String callback(ContactId contact, String citizen, boolean record) {
    Dial dial = new Dial.Builder().action(urls.callbackAction(contact)).method(HttpMethod.POST)
        .timeout(settings.ringSeconds()).callerId(settings.callerId())
        .record(record ? Dial.Record.RECORD_FROM_ANSWER_DUAL : Dial.Record.DO_NOT_RECORD)
        .number(new com.twilio.twiml.voice.Number.Builder(citizen).url(urls.callbackAnswered(contact))
            .method(HttpMethod.POST).build())
        .build();
    return new VoiceResponse.Builder().say(say(Prompt.CALLBACK_WHISPER, Language.KOREAN)).dial(dial).build().toXml();
  }

  /** A last sentence, then the call ends. */
  public String goodbye(Prompt prompt, Language language) {
    return new VoiceResponse.Builder().say(say(prompt, language)).hangup(new Hangup.Builder().build()).build().toXml();
  }

  /** Nothing to do ({@code <Response/>}): for webhooks whose call is already over. */
  public String empty() {
    return new VoiceResponse.Builder().build().toXml();
  }

  private static Say say(Prompt prompt, Language language, Object... arguments) {
    Language spoken = VoicePrompts.has(prompt, language) ? language : Language.KOREAN;
    return new Say.Builder(VoicePrompts.text(prompt, spoken, arguments))
        .language(VOICES.getOrDefault(spoken.code(), Say.Language.KO_KR)).build();
  }
}
