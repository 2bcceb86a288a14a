package org.onenumber.telephony.asterisk;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The happy-call survey by phone, run on the citizen's leg that {@code AsteriskCallControl.originate}
 * placed into the {@value AsteriskCallControl#CHECK_IN_CONTEXT} context with {@code ONENUMBER_SCRIPT}
 * {@value #SCRIPT} ({@link IvrScripts} picks it). Channel variables: {@code ONENUMBER_CONTACT} (the
 * resolved contact the survey is about) and {@code ONENUMBER_LANGUAGE}.
 *
 * <ol>
 *   <li>"Was your problem solved? Press 1 (not at all) to 5 (completely)" in the citizen's language,
 *       asked and repeated once: a key 1 to 5 is the score, thanks, goodbye.
 *   <li>Another key: "not a choice", then the repetition; silence: the repetition.
 *   <li>No score after the repetition, or a hang-up before one: not answered (the program calls
 *       again later or sends the SMS).
 * </ol>
 * A request without a contact, or a server without the happy-call program, ends the call at once.
 */
final class HappyCallSurvey implements AgiScript {

  /** {@code ONENUMBER_SCRIPT} of a happy-call (the core's {@code HappyCallVoice.SCRIPT}). */
  static final String SCRIPT = org.onenumber.core.happycall.HappyCallVoice.SCRIPT;
  static final int ASKED = 2;

  private static final Logger LOG = LoggerFactory.getLogger(HappyCallSurvey.class);

  private final Ivr ivr;
  private final CheckIns checkIns;

  HappyCallSurvey(Ivr ivr, CheckIns checkIns) {
    this.ivr = ivr;
    this.checkIns = checkIns;
  }

  @Override
  public void service(AgiRequest request, AgiChannel channel) throws AgiException {
    AgiLine line = new AgiLine(channel);
    ContactId contact = CheckInCall.contactOrHangUp(request, channel, line, checkIns.happyCalls() != null,
        "a happy-call program");
    if (contact == null) {
      return;
    }
    Language language = CheckInCall.language(channel.getVariable("ONENUMBER_LANGUAGE"));
    int score;
    try {
      score = ask(line, language);
    } catch (AgiException e) {
      notAnswered(contact);
      if (e instanceof AgiHangupException) {
        return;
      }
      throw e;
    }
    if (score == 0) {
      notAnswered(contact);
      line.play(Prompt.GOODBYE, language);
    } else {
      scored(contact, score);
      line.play(Prompt.HAPPY_CALL_THANKS, language);
    }
    line.hangUp();
  }

  /** Cases 1 and 2. @return the score, or 0 */
  private int ask(AgiLine line, Language language) throws AgiException {
    for (int asked = 0; asked < ASKED; asked++) {
      String key = line.ask(Prompt.HAPPY_CALL, language, ivr.settings().digitTimeout().toMillis());
      if (key.matches("[1-5]")) {
        return Integer.parseInt(key);
      }
      if (!key.isEmpty()) {
        line.play(Prompt.INVALID, language);
      }
    }
    return 0;
  }

  private void scored(ContactId contact, int score) {
    try {
      if (!checkIns.happyCalls().scored(contact, score)) {
        LOG.info("happy-call {} score not recorded: no call under way", contact);
      }
    } catch (RuntimeException e) {
      LOG.error("happy-call {} score not recorded: {}", contact, e.getMessage());
    }
  }

  private void notAnswered(ContactId contact) {
    try {
      checkIns.happyCalls().notAnswered(contact);
    } catch (RuntimeException e) {
      LOG.error("happy-call {} not answered, not recorded: {}", contact, e.getMessage());
    }
  }
}
