package org.onenumber.telephony.asterisk;

import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.core.welfare.CallOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The welfare program's automated check-in ({@code agi://host:4573/checkin}), run on the senior's
 * leg that {@code AsteriskCallControl.originate} placed into the {@value AsteriskCallControl#CHECK_IN_CONTEXT}
 * context once the senior answered. Channel variables: {@code ONENUMBER_CONTACT} (the attempt's
 * contact), {@code ONENUMBER_LANGUAGE}, {@code ONENUMBER_SLOW} ("1": the slow recording and longer
 * waits), {@code ONENUMBER_PHONE} (the senior's number).
 *
 * <ol>
 *   <li>"Press 1 if you are well, 2 to talk to someone", in the senior's language, up to the menu's
 *       attempts: 1 → {@code WELL}, thanks, goodbye.
 *   <li>2 → {@code WANTS_TO_TALK}; "please hold", then a VOICE contact in the welfare queue with its
 *       priority and the call waits for a welfare operator like any call ({@link CallConductor}).
 *   <li>Silence every time → {@code MACHINE}; keys that are no choice → {@code NO_ANSWER}; a hang-up
 *       before a choice → {@code NO_ANSWER}: not reached, so the program's retry ladder goes on.
 * </ol>
 * A request without a contact, or a server without {@link CheckIns#outcomes}, ends the call at once.
 */
final class CheckInCall implements AgiScript {

  private static final Logger LOG = LoggerFactory.getLogger(CheckInCall.class);

  private final Ivr ivr;
  private final CheckIns checkIns;

  CheckInCall(Ivr ivr, CheckIns checkIns) {
    this.ivr = ivr;
    this.checkIns = checkIns;
  }

  @Override
  public void service(AgiRequest request, AgiChannel channel) throws AgiException {
    AgiLine line = new AgiLine(channel);
    ContactId contact = contactOrHangUp(request, channel, line, checkIns.outcomes() != null, "a welfare program");
    if (contact == null) {
      return;
    }
    Language language = language(channel.getVariable("ONENUMBER_LANGUAGE"));
    boolean slow = "1".equals(channel.getVariable("ONENUMBER_SLOW"));
    CallOutcome outcome;
    try {
      outcome = ask(line, language, slow);
    } catch (AgiHangupException e) {
      record(contact, CallOutcome.NO_ANSWER);
      return;
    }
    record(contact, outcome);
    switch (outcome) {
      case WELL -> {
        line.play(Prompt.CHECK_IN_THANKS, language);
        line.hangUp();
      }
      case WANTS_TO_TALK -> talk(request, line, channel.getVariable("ONENUMBER_PHONE"), language);
      default -> line.hangUp();
    }
  }

  private CallOutcome ask(AgiLine line, Language language, boolean slow) throws AgiException {
    Prompt question = slow ? Prompt.CHECK_IN_SLOW : Prompt.CHECK_IN;
    long wait = ivr.settings().digitTimeout().toMillis() * (slow ? 2 : 1);
    boolean pressed = false;
    for (int attempt = 0; attempt < ivr.settings().menuAttempts(); attempt++) {
      String key = line.ask(question, language, wait);
      switch (key) {
        case "1" -> {
          return CallOutcome.WELL;
        }
        case "2" -> {
          return CallOutcome.WANTS_TO_TALK;
        }
        case "" -> { }
        default -> {
          pressed = true;
          line.play(Prompt.INVALID, language);
        }
      }
    }
    return pressed ? CallOutcome.NO_ANSWER : CallOutcome.MACHINE;
  }

  /** Case 2: the senior waits for a welfare operator as a contact of their own, with priority. */
  private void talk(AgiRequest request, AgiLine line, String phone, Language language) throws AgiException {
    line.play(Prompt.CHECK_IN_OPERATOR, language);
    Optional<CitizenIdentity.Phone> number = ivr.numbers().parse(phone);
    CitizenIdentity identity = number.<CitizenIdentity>map(p -> p)
        .orElseGet(() -> new CitizenIdentity.ChatHandle("asterisk-anonymous:" + request.getUniqueId()));
    Contact opened;
    try {
      opened = ivr.intake().open(new OpenContactCommand(Channel.VOICE, identity, null, language,
          "welfare:wants-to-talk", checkIns.queue(), checkIns.priority(), null));
    } catch (RuntimeException e) {
      LOG.error("a senior who asked to talk could not be queued: {}", e.getMessage());
      line.play(Prompt.GOODBYE, language);
      line.hangUp();
      return;
    }
    ivr.calls().open(new AsteriskCalls.Call(opened.id(), request.getChannel(), request.getUniqueId(),
        request.getUniqueId()));
    CallConductor conductor = new CallConductor(ivr, line, opened.id(), language);
    try {
      conductor.conduct();
    } finally {
      conductor.closeCall();
    }
  }

  private void record(ContactId contact, CallOutcome outcome) {
    try {
      if (!checkIns.outcomes().record(contact, outcome)) {
        LOG.info("check-in {} outcome {} not recorded: no check-in under way", contact, outcome);
      }
    } catch (RuntimeException e) {
      LOG.error("check-in {} outcome {} not recorded: {}", contact, outcome, e.getMessage());
    }
  }

  /**
   * The call's {@code ONENUMBER_CONTACT}; null after hanging up when there is none or no program
   * {@code served} it ({@code program} names it in the log). Shared with {@link HappyCallSurvey}.
   */
  static ContactId contactOrHangUp(AgiRequest request, AgiChannel channel, AgiLine line, boolean served,
      String program) throws AgiException {
    String contactId = channel.getVariable("ONENUMBER_CONTACT");
    if (served && contactId != null && !contactId.isBlank()) {
      return new ContactId(contactId.strip());
    }
    LOG.warn("{} call on {} without {}; hung up", request.getScript(), request.getChannel(),
        served ? "a contact" : program);
    line.hangUp();
    return null;
  }

  static Language language(String code) {
    try {
      return code == null || code.isBlank() ? Language.KOREAN : Language.of(code.strip());
    } catch (RuntimeException e) {
      return Language.KOREAN;
    }
  }
}
