package org.onenumber.telephony.asterisk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.directory.Language;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.core.port.out.MessageGateway;
import org.onenumber.core.selfservice.SelfServiceAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Case 4b of the call flow, after the caller asked for an operator: the self-service topic menu
 * in the caller's language, when the city configured topics in it ({@code core.selfservice}).
 *
 * <ol>
 *   <li>"Press 1 for …, 0 for an operator": 0, silence or no topics → an operator (topic {@code
 *       ivr:operator}); a key that is no topic → "not a choice", again, up to the menu's attempts.
 *   <li>A topic: its answer is played ({@code onenumber/<lang>/answer-<key>}), then "0 an operator,
 *       9 again, 8 by text message, or hang up".
 *       <ol type="a">
 *         <li>0 → an operator, topic {@code ivr:topic:<key>} (the operator sees what was heard);
 *         <li>9 → the answer again; 8 → the answer's title and text by SMS (once; a withheld
 *             number or a failed send is said so);
 *         <li>the caller hangs up, or stays silent through every attempt (goodbye, hang-up): the call
 *             is journaled as <b>self-served</b> ({@code ServeSelf.served}), never as abandoned.
 *       </ol>
 * </ol>
 * Runs on the call's session thread; not thread-safe.
 */
final class TopicMenu {

  static final String OPERATOR = "ivr:operator";
  private static final int SMS_LIMIT = 640;
  private static final int MAX_ROUNDS = 10;
  private static final Logger LOG = LoggerFactory.getLogger(TopicMenu.class);

  private final Ivr ivr;
  private final AgiLine line;
  private final Language language;

  TopicMenu(Ivr ivr, AgiLine line, Language language) {
    this.ivr = ivr;
    this.line = line;
    this.language = language;
  }

  /**
   * Offers the menu; returns the topic of the contact to queue, or empty when the call was served
   * (journaled, and the line hung up or gone).
   */
  Optional<String> offer(CitizenIdentity caller, String callerName) throws AgiException {
    if (topics().isEmpty()) {
      return Optional.of(OPERATOR);
    }
    SelfServiceAnswer answer = null;
    for (int attempt = 0; attempt < ivr.settings().menuAttempts() && answer == null; attempt++) {
      String key = line.ask(Prompt.TOPIC_MENU, language, ivr.settings().digitTimeout().toMillis());
      if (key.isEmpty() || "0".equals(key)) {
        return Optional.of(OPERATOR);
      }
      answer = answer(key);
      if (answer == null) {
        line.play(Prompt.INVALID, language);
      }
    }
    if (answer == null) {
      return Optional.of(OPERATOR);
    }
    Instant heardFrom = Instant.now();
    try {
      if (listen(answer, caller)) {
        return Optional.of("ivr:topic:" + answer.topic());
      }
      line.play(Prompt.GOODBYE, language);
      line.hangUp();
    } catch (AgiHangupException e) {
      LOG.debug("caller hung up after the self-service answer");
    }
    served(caller, callerName, answer, heardFrom);
    return Optional.empty();
  }

  /** Case 2: the answer and what may follow; true when the caller asked for an operator. */
  private boolean listen(SelfServiceAnswer answer, CitizenIdentity caller) throws AgiException {
    line.playFile(Prompt.answerFile(answer.topic(), language));
    boolean texted = false;
    int silences = 0;
    for (int round = 0; round < MAX_ROUNDS && silences < ivr.settings().menuAttempts(); round++) {
      String key = line.ask(Prompt.AFTER_ANSWER, language, ivr.settings().digitTimeout().toMillis());
      switch (key) {
        case "0" -> {
          return true;
        }
        case "9" -> line.playFile(Prompt.answerFile(answer.topic(), language));
        case "8" -> {
          texted = texted || text(answer, caller);
          line.play(texted ? Prompt.ANSWER_TEXTED : Prompt.ANSWER_NOT_TEXTED, language);
        }
        case "" -> silences++;
        default -> line.play(Prompt.INVALID, language);
      }
    }
    return false;
  }

  private boolean text(SelfServiceAnswer answer, CitizenIdentity caller) {
    if (!(caller instanceof CitizenIdentity.Phone phone)) {
      return false;
    }
    String body = answer.title() + "\n" + answer.text();
    try {
      ivr.sms().send(new MessageGateway.Outbound(null, Channel.SMS, phone.value(),
          body.length() > SMS_LIMIT ? body.substring(0, SMS_LIMIT - 1) + "…" : body, List.of()));
      return true;
    } catch (RuntimeException e) {
      LOG.warn("self-service answer {} not texted to {}: {}", answer.topic(), phone.masked(), e.getMessage());
      return false;
    }
  }

  private void served(CitizenIdentity caller, String callerName, SelfServiceAnswer answer, Instant heardFrom) {
    try {
      ivr.selfService().served(new OpenContactCommand(Channel.VOICE, caller, callerName, language,
          "ivr:self-service:" + answer.topic(), null, null, null), heardFrom);
    } catch (RuntimeException e) {
      LOG.error("a self-served call ({}) could not be journaled: {}", answer.topic(), e.getMessage());
    }
  }

  private List<?> topics() {
    try {
      return ivr.selfService().topics(language);
    } catch (RuntimeException e) {
      LOG.warn("self-service topics unavailable: {}", e.getMessage());
      return List.of();
    }
  }

  private SelfServiceAnswer answer(String key) {
    try {
      return ivr.selfService().answer(key, language).orElse(null);
    } catch (RuntimeException e) {
      LOG.warn("self-service answer {} unavailable: {}", key, e.getMessage());
      return null;
    }
  }
}
