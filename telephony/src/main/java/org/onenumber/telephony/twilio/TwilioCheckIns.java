package org.onenumber.telephony.twilio;

import java.util.Map;
import java.util.Set;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.port.in.OpenContact;
import org.onenumber.core.port.in.OpenContactCommand;
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
 *   <li>1 → {@code WELL}, thanks, hang up; 2 → {@code WANTS_TO_TALK}: with {@link Talk} (the server)
 *       the senior stays on the line, "please hold", as a VOICE contact in the welfare queue at the
 *       check-in priority ({@code OpenContact}, durable before the answer), registered like an
 *       inbound call and parked with {@code <Enqueue>} until routing's offer dials a welfare operator
 *       (as on Asterisk); without it, or if the contact cannot be opened, "someone will call you
 *       back" and hang up (the program escalates).
 *   <li>Another key: the question again, up to {@value #TRIES} tries, then {@code NO_ANSWER}.
 *   <li>No key (the {@code <Redirect>} after the {@code <Gather>}): the question again, then
 *       {@code MACHINE} (silence counts as not reached).
 *   <li>The status callback: busy → {@code BUSY}, no-answer → {@code NO_ANSWER}, failed or canceled →
 *       {@code FAILED}, completed → {@code NO_ANSWER}, which the program ignores when the senior
 *       already answered (it records one outcome per attempt). A senior who stays on the line is a
 *       carried call: the same callback ends it like {@code /status} ({@code Abandon} while waiting,
 *       {@code WrapUp} once talking).
 * </ol>
 * Thread-safe (stateless).
 */
public final class TwilioCheckIns {

  private static final Logger LOG = LoggerFactory.getLogger(TwilioCheckIns.class);
  static final int TRIES = 3;
  private static final String EMPTY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

  /**
   * What connects a senior who pressed 2 live: intake, the registry of carried calls, the offer
   * dialler, the leg handler (for the end of the call) and the welfare queue with its priority.
   */
  public record Talk(OpenContact open, TwilioVoiceCalls calls, TwilioVoiceRouting routing, TwilioVoiceLegs legs,
      QueueId queue, int priority) {}

  private final VoiceTwiml twiml;
  private final RecordCheckIn outcomes;
  private final Talk talk;

  /** Check-ins whose "2" is escalated by the program (no live connection). */
  public TwilioCheckIns(VoiceTwiml twiml, RecordCheckIn outcomes) {
    this(twiml, outcomes, null);
  }

  public TwilioCheckIns(VoiceTwiml twiml, RecordCheckIn outcomes, Talk talk) {
    this.twiml = twiml;
    this.outcomes = outcomes;
    this.talk = talk;
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
        return stayOnTheLine(language, form);
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

  /** Case 1's 2: the senior waits for a welfare operator as a contact of their own. */
  private String stayOnTheLine(Language language, Map<String, String> form) {
    String sid = form.get("CallSid");
    if (talk == null || sid == null) {
      return twiml.sayAndHangUp(Prompt.CHECK_IN_CALL_BACK, language);
    }
    var carried = talk.calls().bySid(sid);
    if (carried.isPresent()) {
      return twiml.enqueue(carried.get().contact(), carried.get().queueName());
    }
    Contact opened;
    try {
      opened = talk.open().open(new OpenContactCommand(Channel.VOICE, CallerNumbers.identity(form.get("To"), sid),
          null, language, "welfare:wants-to-talk", talk.queue(), talk.priority(), Set.of()));
    } catch (RuntimeException e) {
      LOG.error("a senior who asked to talk could not be queued: {}", e.getMessage());
      return twiml.sayAndHangUp(Prompt.CHECK_IN_CALL_BACK, language);
    }
    TwilioVoiceCalls.Call call = new TwilioVoiceCalls.Call(sid, opened.id(), language,
        TwilioVoiceIvr.queueName(opened), false);
    talk.calls().open(call);
    talk.routing().registered(opened.id());
    return twiml.enqueue(opened.id(), call.queueName(), Prompt.CHECK_IN_HOLD, language);
  }

  /** The call's status callback: how a call that was not (or no longer) answered ended. */
  public String status(ContactId contact, Map<String, String> form) {
    if (talk != null && form.get("CallSid") != null) {
      talk.legs().status(form, null);
    }
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
