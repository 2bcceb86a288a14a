package org.onenumber.telephony.asterisk;

import java.util.Optional;
import java.util.concurrent.FutureTask;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.core.routing.RoutingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One caller on the one number, from the first ring to the contact in line: cases 1–5 of the call
 * flow in the package documentation (answer, know the caller, language, main menu, open the
 * contact, with the self-service topic menu of {@link TopicMenu} before it), then hands the call to {@link CallConductor} (cases 6–13). Runs on one FastAGI session
 * thread for the whole call. A caller who hangs up before the contact exists leaves nothing behind;
 * a malformed request (no channel or uniqueid) is ended without a command.
 */
final class CallerSession implements AgiScript {

  private static final Logger LOG = LoggerFactory.getLogger(CallerSession.class);

  private final Ivr ivr;

  CallerSession(Ivr ivr) {
    this.ivr = ivr;
  }

  @Override
  public void service(AgiRequest request, AgiChannel channel) throws AgiException {
    if (blank(request.getChannel()) || blank(request.getUniqueId())) {
      LOG.warn("FastAGI request without channel or uniqueid; ignored");
      return;
    }
    AgiLine line = new AgiLine(channel);
    // Case 2 starts at once, off this thread: know the caller by number (libphonenumber; withheld
    // numbers stay anonymous) and their remembered language, while Asterisk answers and greets.
    FutureTask<CallerLookup.Caller> lookup = CallerLookup.start(ivr, request.getCallerIdNumber());
    try {
      // Case 1: answer.
      line.answer();
      // Case 3: the language, remembered from the last call or chosen in the menu.
      IvrMenu menu = new IvrMenu(line, ivr.settings());
      line.play(Prompt.WELCOME, Language.KOREAN);
      CallerLookup.Caller caller = CallerLookup.await(ivr, request.getCallerIdNumber(), lookup);
      Optional<CitizenIdentity.Phone> phone = caller.phone();
      Language language = caller.remembered();
      if (language == null) {
        language = menu.language();
        Language chosen = language;
        phone.ifPresent(p -> CallerLookup.remember(ivr, p, chosen));
      }
      line.speak(language);
      // Case 4: the main menu.
      IvrMenu.Choice choice = menu.mainMenu(language);
      if (choice == IvrMenu.Choice.SIGN_LANGUAGE && signLanguage(line, phone, language)) {
        return;
      }
      CitizenIdentity identity = phone.<CitizenIdentity>map(p -> p).orElseGet(
          () -> new CitizenIdentity.ChatHandle("asterisk-anonymous:" + request.getUniqueId()));
      String name = blank(request.getCallerIdName()) ? null : request.getCallerIdName();
      String topic = choice == IvrMenu.Choice.CALLBACK && phone.isPresent() ? "ivr:callback" : TopicMenu.OPERATOR;
      if (choice == IvrMenu.Choice.OPERATOR) {
        // Case 4b: the self-service topic menu; a caller served by an answer ends here.
        Optional<String> wanted = new TopicMenu(ivr, line, language).offer(identity, name);
        if (wanted.isEmpty()) {
          return;
        }
        topic = wanted.get();
      }
      // Case 5: the call becomes a contact in line. Its Linkedid is read first, so that the call is
      // registered as soon as intake answers: routing may offer the contact within milliseconds, and a
      // caller gone in between would have left a contact no session carries.
      String linkedId = linkedId(line, request);
      Contact contact;
      try {
        contact = ivr.intake().open(new OpenContactCommand(Channel.VOICE, identity, name, language, topic, null, null,
            null));
      } catch (RetriableException e) {
        // Case 5c: too many calls becoming contacts at once (the server's admission lane is full) or
        // the database unavailable: "all lines are busy, call again" rather than silence or a wait.
        LOG.warn("a call could not become a contact now: {}", e.getMessage());
        line.play(Prompt.LINES_BUSY, language);
        line.hangUp();
        return;
      } catch (RuntimeException e) {
        // Case 5d: intake refused (no queue for the language): say goodbye rather than leave silence.
        LOG.error("a call could not become a contact: {}", e.getMessage());
        line.play(Prompt.GOODBYE, language);
        line.hangUp();
        return;
      }
      if (choice == IvrMenu.Choice.CALLBACK && phone.isPresent()) {
        // Case 5a: keep my place and call me back.
        ivr.tell(new RoutingCommand.RequestCallback(contact.id()));
        line.play(Prompt.CALLBACK_CONFIRMED, language);
        line.hangUp();
        return;
      }
      ivr.calls().open(new AsteriskCalls.Call(contact.id(), request.getChannel(), request.getUniqueId(), linkedId));
      CallConductor conductor = new CallConductor(ivr, line, contact.id(), language);
      try {
        conductor.conduct();
      } finally {
        conductor.closeCall();
      }
    } catch (AgiHangupException e) {
      LOG.debug("caller hung up in the IVR before waiting");
    }
  }

  /** Case 5b: the video-call link by SMS; false (go on to an operator) when it could not be sent. */
  private boolean signLanguage(AgiLine line, Optional<CitizenIdentity.Phone> phone, Language language)
      throws AgiException {
    if (phone.isPresent() && SignLanguageLink.send(ivr, phone.get(), language)) {
      line.play(Prompt.SIGN_LANGUAGE_SENT, language);
      line.hangUp();
      return true;
    }
    line.play(Prompt.SIGN_LANGUAGE_UNAVAILABLE, language);
    return false;
  }


  private static String linkedId(AgiLine line, AgiRequest request) throws AgiException {
    String linked = line.linkedId();
    return blank(linked) ? request.getUniqueId() : linked;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank() || "unknown".equals(s);
  }
}
