package org.onenumber.telephony.twilio;

import java.util.Map;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.port.in.RecordHappyCallAnswer;
import org.onenumber.telephony.twilio.VoicePrompts.Prompt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The happy-call survey on Twilio Voice: the call {@link TwilioCallControl#originate} placed for a
 * {@code happy-call} script runs {@link VoiceTwiml#happyCall} ("was your problem solved? press 1
 * to 5" in the citizen's language), whose {@code <Gather>} (and the {@code <Redirect>} after it)
 * posts here:
 *
 * <ol>
 *   <li>A key 1 to 5: the score, thanks, hang up.
 *   <li>Another key or none, asked fewer than {@value #ASKED} times: the question again (after "not a
 *       choice" for a key).
 *   <li>Still no score after the repetition: not answered, goodbye, hang up.
 *   <li>The status callback: any end (busy, no-answer, failed, canceled, completed) is not answered,
 *       which the program ignores when the citizen already scored or the call was already reported. Its URL
 *       names the call number ({@code call=2}, signed with the URL): a late callback of an earlier call (the
 *       next call already placed) changes nothing. One without it (placed before the number was in the URL)
 *       ends the call under way.
 * </ol>
 * Thread-safe (stateless).
 */
public final class TwilioHappyCalls {

  private static final Logger LOG = LoggerFactory.getLogger(TwilioHappyCalls.class);
  static final int ASKED = 2;
  private static final java.util.Set<String> ENDS = java.util.Set.of("busy", "no-answer", "failed", "canceled",
      "completed");
  private static final String EMPTY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

  private final VoiceTwiml twiml;
  private final RecordHappyCallAnswer answers;

  public TwilioHappyCalls(VoiceTwiml twiml, RecordHappyCallAnswer answers) {
    this.twiml = twiml;
    this.answers = answers;
  }

  /** Cases 1 to 3: the {@code <Gather>} action or the redirect after it, the question asked {@code asked} times. */
  public String gathered(ContactId contact, Language language, int asked, Map<String, String> form) {
    String key = form.getOrDefault("Digits", "").strip();
    if (key.matches("[1-5]")) {
      try {
        answers.scored(contact, Integer.parseInt(key));
      } catch (RuntimeException e) {
        LOG.error("happy-call {} score not recorded: {}", contact, e.getMessage());
      }
      return twiml.sayAndHangUp(Prompt.HAPPY_CALL_THANKS, language);
    }
    if (asked < ASKED) {
      return twiml.happyCall(contact, language, asked, key.isEmpty() ? null : Prompt.NOT_A_CHOICE);
    }
    notAnswered(contact);
    return twiml.sayAndHangUp(Prompt.GOODBYE, language);
  }

  /** Case 4 for call number {@code call} (null: the call under way); a status that is no end (ringing) changes nothing. */
  public String status(ContactId contact, Integer call, Map<String, String> form) {
    if (ENDS.contains(form.getOrDefault("CallStatus", ""))) {
      try {
        if (call == null) {
          answers.notAnswered(contact);
        } else if (!answers.notAnswered(contact, call)) {
          LOG.info("happy-call {} call {} ended: not the call under way, ignored", contact, call);
        }
      } catch (RuntimeException e) {
        LOG.error("happy-call {} not answered, not recorded: {}", contact, e.getMessage());
      }
    }
    return EMPTY;
  }

  private void notAnswered(ContactId contact) {
    try {
      answers.notAnswered(contact);
    } catch (RuntimeException e) {
      LOG.error("happy-call {} not answered, not recorded: {}", contact, e.getMessage());
    }
  }
}
