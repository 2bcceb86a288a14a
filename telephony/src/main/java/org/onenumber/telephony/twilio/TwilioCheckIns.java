package org.onenumber.telephony.twilio;

import java.util.Map;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.port.in.RecordCheckIn;
import org.onenumber.core.welfare.CallOutcome;
import org.onenumber.telephony.twilio.VoicePrompts.Prompt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The welfare check-in on Twilio Voice: the call {@link TwilioCallControl#originate} placed runs
 * {@link VoiceTwiml#checkIn} ("press 1 if you are well, 2 to talk to someone" in the senior's
 * language, said twice with a pause when slow), whose {@code <Gather>} posts here:
 *
 * <ol>
 *   <li>1 → {@code WELL}, thanks, hang up; 2 → {@code WANTS_TO_TALK} (the program escalates it and a
 *       welfare worker calls back), "someone will call you back", hang up.
 *   <li>Another key: the question again, up to {@value #TRIES} tries, then {@code NO_ANSWER}.
 *   <li>No key (the {@code <Redirect>} after the {@code <Gather>}): the question again, then
 *       {@code MACHINE} (silence counts as not reached).
 *   <li>The status callback: busy → {@code BUSY}, no-answer → {@code NO_ANSWER}, failed or canceled →
 *       {@code FAILED}, completed → {@code NO_ANSWER}, which the program ignores when the senior
 *       already answered (it records one outcome per attempt).
 * </ol>
 * Thread-safe (stateless).
 */
public final class TwilioCheckIns {

  private static final Logger LOG = LoggerFactory.getLogger(TwilioCheckIns.class);
  static final int TRIES = 3;
  private static final String EMPTY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

  private final VoiceTwiml twiml;
  private final RecordCheckIn outcomes;

  public TwilioCheckIns(VoiceTwiml twiml, RecordCheckIn outcomes) {
    this.twiml = twiml;
    this.outcomes = outcomes;
  }

  /** The {@code <Gather>} action or the redirect after it; {@code tries} counts the questions asked. */
  public String gathered(ContactId contact, Language language, boolean slow, int tries, Map<String, String> form) {
    String key = form.getOrDefault("Digits", "").strip();
    switch (key) {
      case "1" -> {
        record(contact, CallOutcome.WELL);
        return twiml.sayAndHangUp(Prompt.CHECK_IN_THANKS, language);
      }
      case "2" -> {
        record(contact, CallOutcome.WANTS_TO_TALK);
        return twiml.sayAndHangUp(Prompt.CHECK_IN_CALL_BACK, language);
      }
      case "" -> {
        if (tries >= TRIES) {
          record(contact, CallOutcome.MACHINE);
          return twiml.sayAndHangUp(Prompt.GOODBYE, language);
        }
        return twiml.checkIn(contact, language, slow, tries);
      }
      default -> {
        if (tries + 1 >= TRIES) {
          record(contact, CallOutcome.NO_ANSWER);
          return twiml.sayAndHangUp(Prompt.GOODBYE, language);
        }
        return twiml.checkIn(contact, language, slow, tries + 1);
      }
    }
  }

  /** The call's status callback: how a call that was not (or no longer) answered ended. */
  public String status(ContactId contact, Map<String, String> form) {
    CallOutcome outcome = switch (form.getOrDefault("CallStatus", "")) {
      case "busy" -> CallOutcome.BUSY;
      case "no-answer", "completed" -> CallOutcome.NO_ANSWER;
      case "failed", "canceled" -> CallOutcome.FAILED;
      default -> null;
    };
    if (outcome != null) {
      record(contact, outcome);
    }
    return EMPTY;
  }

  private void record(ContactId contact, CallOutcome outcome) {
    try {
      if (!outcomes.record(contact, outcome)) {
        LOG.debug("check-in {} outcome {} not recorded: none under way (already answered?)", contact, outcome);
      }
    } catch (RuntimeException e) {
      LOG.error("check-in {} outcome {} not recorded: {}", contact, outcome, e.getMessage());
    }
  }
}
