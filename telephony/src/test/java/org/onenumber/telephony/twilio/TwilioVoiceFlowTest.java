package org.onenumber.telephony.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onenumber.testkit.FakeTwilioVoice.attribute;
import static org.onenumber.testkit.FakeTwilioVoice.text;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.event.QueuePositionChanged;
import org.onenumber.core.port.in.OpenContact;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.core.port.in.RouteContact;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.testkit.FakeAgentDevices;
import org.onenumber.testkit.FakeMessageGateway;
import org.onenumber.testkit.FakeTwilioVoice;

/**
 * The adapter's flow without a server: webhooks answered by the IVR and leg handlers, routing events
 * turned into REST updates received by a local fake Twilio over HTTP, commands recorded by a
 * hand-written routing. REST work runs on the calling thread here, so nothing is waited for.
 */
class TwilioVoiceFlowTest {

  private static final String CALLER = "+821099990001";
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
  private final FakeTwilioVoice twilio = new FakeTwilioVoice((url, form) -> "unused");
  private final RecordingRouting routing = new RecordingRouting();
  private final TwilioVoiceCalls calls = new TwilioVoiceCalls();
  private final VoiceTwiml twiml = new VoiceTwiml(new VoiceUrls(() -> "https://city.example"),
      new VoiceTwiml.Settings("https://city.example/moh.mp3", 20, "+8215880120"));
  private final TwilioVoiceApi api = new TwilioVoiceApi("AC0001", "token", twilio.baseUri());
  private final FakeAgentDevices devices = new FakeAgentDevices().put(new AgentId("op-022"), "+821055550022");
  private final TwilioVoiceRouting events = new TwilioVoiceRouting(calls, twiml, api, devices, Runnable::run);
  private final FakeMessageGateway texts = new FakeMessageGateway();
  private final List<OpenContactCommand> opened = new ArrayList<>();
  /** Intake as the server's is while its database is unreachable: a retriable failure, nothing stored. */
  private boolean databaseDown;
  private final OpenContact open = command -> {
    if (databaseDown) {
      throw new org.onenumber.core.error.RetriableException("database unavailable (test)", null);
    }
    opened.add(command);
    Contact c = Contact.create(new ContactId("c-" + opened.size()), command.channel(), new CitizenId("z-1"),
        command.language(), command.requiredSkills(), 0, command.topic(), T0);
    return c.moveTo(new ContactStep(ContactState.QUEUED, T0, null, new QueueId("english"), null));
  };
  private final TwilioVoiceIvr ivr = new TwilioVoiceIvr(twiml, calls, open, routing, events, texts,
      "https://city.example/video", contact -> false);
  private final TwilioVoiceLegs legs = new TwilioVoiceLegs(twiml, calls, routing);
  private final TwilioCallControl control = new TwilioCallControl(calls, twiml, api, devices, routing,
      Runnable::run, "+8215880120");
  private final AgentId agent = new AgentId("op-022");
  private final ContactId contact = new ContactId("c-1");

  @AfterEach
  void stop() {
    twilio.close();
  }

  private String enqueued(String callSid) {
    return ivr.queue(Map.of("CallSid", callSid, "From", "010-9999-0001"), Language.ENGLISH);
  }

  private static ContactStateChanged offered(ContactId contact, AgentId agent) {
    return new ContactStateChanged(contact, Channel.VOICE, Language.ENGLISH, ContactState.QUEUED,
        ContactState.OFFERED, new QueueId("english"), agent, null, T0);
  }

  @Test
  void theQueueStepOpensAVoiceContactWithTheNormalisedNumberAndEnqueuesIt() {
    String sid = twilio.ring();
    String xml = enqueued(sid);
    assertEquals(new CitizenIdentity.Phone(CALLER), opened.get(0).identity());
    assertEquals(Channel.VOICE, opened.get(0).channel());
    assertEquals(Language.ENGLISH, opened.get(0).language());
    assertEquals("onenumber-english", text(xml, "Enqueue"));
    assertTrue(control.carries(contact));
    assertEquals(xml, enqueued(sid), "Twilio's retry of the same webhook opens nothing new");
    assertEquals(1, opened.size());
  }

  @Test
  void aCallThatCannotBecomeAContactWhileTheDatabaseIsDownHearsLinesBusyAndEndsInsteadOfTwiliosError() {
    databaseDown = true;
    String sid = twilio.ring();
    String queued = enqueued(sid);
    String busy = VoicePrompts.text(VoicePrompts.Prompt.LINES_BUSY, Language.ENGLISH);
    assertEquals(busy, text(queued, "Say"), "told, not Twilio's application error after a 503");
    assertTrue(queued.contains("<Hangup"), queued);
    String callback = ivr.optionChosen(Map.of("CallSid", sid, "From", "010-9999-0001", "Digits", "1"), Language.ENGLISH);
    assertEquals(busy, text(callback, "Say"), "a callback asked for then is not confirmed: nothing was stored");
    assertTrue(opened.isEmpty());
    assertFalse(control.carries(contact));

    databaseDown = false;
    assertEquals("onenumber-english", text(enqueued(twilio.ring()), "Enqueue"), "the next call once it is back waits in line");
  }

  @Test
  void theWaitLoopSaysRoutingsLatestPlaceInLine() {
    enqueued(twilio.ring());
    events.on(new QueuePositionChanged(contact, new QueueId("english"), 2, Duration.ofSeconds(90), T0));
    assertEquals("You are number 2 in line. The estimated wait is about 2 minutes.", text(ivr.waiting(contact), "Say"));
  }

  @Test
  void anOfferUpdatesTheLiveCallWithADialAndTheAnswerAcceptsIt() {
    String sid = twilio.ring();
    enqueued(sid);
    events.on(offered(contact, agent));
    events.on(offered(contact, agent));
    List<FakeTwilioVoice.Recorded> updates = twilio.updatesOf(sid);
    assertEquals(1, updates.size(), "one Dial per offer");
    assertEquals("+821055550022", text(updates.get(0).param("Twiml"), "Number"));

    String whisper = legs.answered(contact, agent);
    assertTrue(text(whisper, "Say").contains("en"));
    legs.answered(contact, agent);
    assertEquals(List.of("Accept op-022 c-1"), routing.lines());
  }

  @Test
  void anOfferBeforeTheCallIsRegisteredIsDialledOnRegistration() {
    String sid = twilio.ring();
    events.on(offered(contact, agent));
    assertTrue(twilio.requests().isEmpty());
    enqueued(sid);
    assertEquals(1, twilio.updatesOf(sid).size());
  }

  @Test
  void noAnswerDeclinesAndPutsTheCallerBackInLineInTheSameAnswer() {
    String sid = twilio.ring();
    enqueued(sid);
    events.on(offered(contact, agent));
    String xml = legs.dialEnded(contact, agent, Map.of("CallSid", sid, "DialCallStatus", "no-answer"));
    assertEquals("onenumber-english", text(xml, "Enqueue"));
    assertEquals(List.of("Decline op-022 c-1 twilio no-answer"), routing.lines());
    events.on(new ContactStateChanged(contact, Channel.VOICE, Language.ENGLISH, ContactState.OFFERED,
        ContactState.QUEUED, new QueueId("english"), null, "declined", T0));
    assertEquals(1, twilio.updatesOf(sid).size(), "routing's own back-in-line event sends nothing more");
  }

  @Test
  void routingsOfferTimeoutWhileRingingEnqueuesTheCallerAgain() {
    String sid = twilio.ring();
    enqueued(sid);
    events.on(offered(contact, agent));
    events.on(new ContactStateChanged(contact, Channel.VOICE, Language.ENGLISH, ContactState.OFFERED,
        ContactState.QUEUED, new QueueId("english"), null, "timeout", T0));
    assertEquals("onenumber-english", text(twilio.updatesOf(sid).get(1).param("Twiml"), "Enqueue"));
  }

  @Test
  void hangingUpWhileWaitingAbandonsOnceEvenWhenReportedTwice() {
    String sid = twilio.ring();
    enqueued(sid);
    legs.status(Map.of("CallSid", sid, "CallStatus", "completed"), null);
    legs.status(Map.of("CallSid", sid, "CallStatus", "completed"), null);
    assertEquals(List.of("Abandon c-1"), routing.lines());
    assertFalse(control.carries(contact));
  }

  @Test
  void theOperatorHangingUpWrapsUpAndTheLaterStatusCallbackAddsNothing() {
    String sid = twilio.ring();
    enqueued(sid);
    events.on(offered(contact, agent));
    legs.answered(contact, agent);
    String bye = legs.dialEnded(contact, agent, Map.of("CallSid", sid, "DialCallStatus", "completed"));
    assertTrue(bye.contains("<Hangup/>"), bye);
    legs.status(Map.of("CallSid", sid, "CallStatus", "completed"), null);
    assertEquals(List.of("Accept op-022 c-1", "WrapUp c-1 RESOLVED"), routing.lines());
  }

  @Test
  void holdPlaysMusicAndResumeDialsTheSameOperatorWithoutANewAccept() {
    String sid = twilio.ring();
    enqueued(sid);
    events.on(offered(contact, agent));
    legs.answered(contact, agent);
    control.hold(contact);
    assertEquals("0", attribute(twilio.updatesOf(sid).get(1).param("Twiml"), "Play", "loop"));
    control.resume(contact);
    assertEquals("+821055550022", text(twilio.updatesOf(sid).get(2).param("Twiml"), "Number"));
    legs.answered(contact, agent);
    assertEquals(List.of("Accept op-022 c-1"), routing.lines());
  }

  @Test
  void transferConferenceAndHangUpUseTheCallsApi() {
    String sid = twilio.ring();
    enqueued(sid);
    events.on(offered(contact, agent));
    legs.answered(contact, agent);
    control.conference(contact, "+82221330000");
    assertEquals("onenumber-c-1", text(twilio.updatesOf(sid).get(1).param("Twiml"), "Conference"));
    List<String> placed = twilio.requests().stream().filter(r -> r.callSid() == null).map(r -> r.param("To")).toList();
    assertEquals(List.of("+821055550022", "+82221330000"), placed);
    control.hangUp(contact);
    assertEquals("completed", twilio.updatesOf(sid).get(2).param("Status"));
    control.transfer(contact, "+82221330001");
    assertEquals("+82221330001", text(twilio.updatesOf(sid).get(3).param("Twiml"), "Number"));
  }

  /** Consult: the caller holds, Twilio calls the operator and the consulted desk into a consult conference. */
  private String consulting() {
    String sid = twilio.ring();
    enqueued(sid);
    events.on(offered(contact, agent));
    legs.answered(contact, agent);
    control.consult(contact, "+82221330000");
    assertEquals("0", attribute(twilio.updatesOf(sid).get(1).param("Twiml"), "Play", "loop"), "the caller holds");
    List<FakeTwilioVoice.Recorded> placed = twilio.requests().stream().filter(r -> r.callSid() == null).toList();
    assertEquals(List.of("+821055550022", "+82221330000"), placed.stream().map(r -> r.param("To")).toList());
    for (FakeTwilioVoice.Recorded leg : placed) {
      assertEquals("onenumber-consult-c-1", text(leg.param("Twiml"), "Conference"));
    }
    return sid;
  }

  @Test
  void aCompletedConsultJoinsTheCallerToTheConsultConferenceAndEndsTheOperatorsLeg() {
    String sid = consulting();
    control.completeConsult(contact);
    assertEquals("onenumber-consult-c-1", text(twilio.updatesOf(sid).get(2).param("Twiml"), "Conference"));
    String operatorLeg = String.format("CA%032x", 2);
    assertEquals("completed", twilio.updatesOf(operatorLeg).getLast().param("Status"));
    assertTrue(twilio.updatesOf(String.format("CA%032x", 3)).isEmpty(), "the consulted party stays");
    int before = twilio.requests().size();
    control.cancelConsult(contact);
    assertEquals(before, twilio.requests().size(), "no consult left to cancel");
  }

  @Test
  void aConsultWhoseConsultedPartyHungUpIsNotCompletedAndTheCallerStaysOnHold() {
    String sid = consulting();
    String consultedLeg = String.format("CA%032x", 3);
    String callback = twilio.requests().stream().filter(r -> "+82221330000".equals(r.param("To"))).findFirst()
        .orElseThrow().param("StatusCallback");
    assertTrue(callback != null && callback.endsWith("/status?contact=c-1&leg=consult"), "status of the consulted leg: " + callback);
    control.consultLegStatus(Map.of("CallSid", consultedLeg, "CallStatus", "ringing"), contact);
    assertFalse(control.consultPartyLeft(contact), "still ringing");
    control.consultLegStatus(Map.of("CallSid", consultedLeg, "CallStatus", "completed"), contact);
    assertTrue(control.consultPartyLeft(contact));
    int before = twilio.requests().size();
    assertThrows(IllegalTransitionException.class, () -> control.completeConsult(contact));
    assertEquals(before, twilio.requests().size(), "nothing sent: the caller stays on hold");
    control.cancelConsult(contact);
    assertEquals("onenumber-consult-c-1", text(twilio.updatesOf(sid).get(2).param("Twiml"), "Conference"),
        "cancelled: the caller joins the operator");
    assertFalse(control.consultPartyLeft(contact), "no consult under way");
  }

  @Test
  void aConsultedPartyWhoDidNotAnswerLeavesTheConsultRefusedToo() {
    consulting();
    control.consultLegStatus(Map.of("CallSid", String.format("CA%032x", 2), "CallStatus", "completed"), contact);
    assertFalse(control.consultPartyLeft(contact), "the operator's leg is not the consulted party");
    control.consultLegStatus(Map.of("CallSid", String.format("CA%032x", 3), "CallStatus", "no-answer"), contact);
    assertThrows(IllegalTransitionException.class, () -> control.completeConsult(contact));
  }

  @Test
  void afterACompletedConsultHoldAndResumeActOnTheConsultedOperatorsLine() {
    String sid = consulting();
    AgentId consulted = new AgentId("op-023");
    events.on(new ContactStateChanged(contact, Channel.VOICE, Language.ENGLISH, ContactState.HELD,
        ContactState.CONNECTED, new QueueId("english"), consulted, "consult-transfer:op-022", T0));
    control.completeConsult(contact);
    control.hold(contact);
    assertEquals("0", attribute(twilio.updatesOf(sid).get(3).param("Twiml"), "Play", "loop"), "held");
    control.resume(contact);
    String dial = twilio.updatesOf(sid).get(4).param("Twiml");
    assertEquals("op-023", text(dial, "Client"), "the consulted operator is rung again, not op-022: " + dial);
    legs.answered(contact, consulted);
    assertTrue(routing.lines().stream().noneMatch(l -> l.startsWith("Accept op-023")), "no new offer: " + routing.lines());
  }

  @Test
  void aCancelledConsultEndsTheConsultedLegAndTheCallerJoinsTheOperator() {
    String sid = consulting();
    control.cancelConsult(contact);
    assertEquals("onenumber-consult-c-1", text(twilio.updatesOf(sid).get(2).param("Twiml"), "Conference"));
    assertEquals("completed", twilio.updatesOf(String.format("CA%032x", 3)).getLast().param("Status"));
    assertTrue(twilio.updatesOf(String.format("CA%032x", 2)).isEmpty(), "the operator stays");
  }

  private final List<String> checkInOutcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final TwilioCheckIns checkIns = new TwilioCheckIns(twiml, new org.onenumber.core.port.in.RecordCheckIn() {
    @Override
    public boolean record(ContactId c, org.onenumber.core.welfare.CallOutcome outcome) {
      boolean first = checkInOutcomes.stream().noneMatch(o -> o.startsWith(c.value() + " "));
      checkInOutcomes.add(c.value() + " " + outcome);
      return first;
    }

    @Override
    public boolean reply(CitizenIdentity.Phone from, String body) {
      return false;
    }
  });

  @Test
  void aCheckInCallAsksInTheSeniorsLanguageSlowlyAndRecordsWellThenIgnoresTheEnd() {
    ContactId w1 = new ContactId("w-1");
    control.originate(new org.onenumber.core.port.out.OutboundCall(w1, new CitizenIdentity.Phone("+821012345678"),
        Language.VIETNAMESE, "welfare", true));
    FakeTwilioVoice.Recorded placed = twilio.requests().get(0);
    assertEquals("+821012345678", placed.param("To"));
    assertEquals("https://city.example/webhooks/twilio/voice/check-in-status?contact=w-1", placed.param("StatusCallback"));
    String question = placed.param("Twiml");
    assertTrue(text(question, "Say").startsWith("Xin chào"), question);
    assertEquals("https://city.example/webhooks/twilio/voice/check-in?contact=w-1&lang=vi&slow=true&tries=0",
        attribute(question, "Gather", "action"));
    assertTrue(question.contains("<Pause"), "said twice with a pause when slow: " + question);

    String thanks = checkIns.gathered(w1, Language.VIETNAMESE, true, 0, Map.of("Digits", "1"));
    assertTrue(thanks.contains("<Hangup"), thanks);
    checkIns.status(w1, Map.of("CallStatus", "completed"));
    assertEquals(List.of("w-1 WELL", "w-1 NO_ANSWER"), checkInOutcomes, "the program keeps the first outcome only");
  }

  private final org.onenumber.testkit.RecordingHappyCallAnswers surveyCalls =
      new org.onenumber.testkit.RecordingHappyCallAnswers();
  private final TwilioHappyCalls happyCalls = new TwilioHappyCalls(twiml, surveyCalls);

  @Test
  void aHappyCallAsksInTheCitizensLanguageOnceMoreThenTakesTheKeyAsTheScore() {
    ContactId h1 = new ContactId("h-1");
    control.originate(new org.onenumber.core.port.out.OutboundCall(h1, new CitizenIdentity.Phone("+821012345679"),
        Language.JAPANESE, "happy-call", false, 2));
    FakeTwilioVoice.Recorded placed = twilio.requests().get(0);
    assertEquals("https://city.example/webhooks/twilio/voice/happy-call-status?contact=h-1&call=2",
        placed.param("StatusCallback"));
    String question = placed.param("Twiml");
    assertTrue(text(question, "Say").contains("ソウル120"), question);
    assertEquals("https://city.example/webhooks/twilio/voice/happy-call?contact=h-1&lang=ja&asked=1",
        attribute(question, "Gather", "action"));
    String again = happyCalls.gathered(h1, Language.JAPANESE, 1, Map.of("Digits", "8"));
    assertTrue(text(again, "Say").startsWith("申し訳ありません") && attribute(again, "Gather", "action").endsWith("&asked=2"),
        again);
    String thanks = happyCalls.gathered(h1, Language.JAPANESE, 2, Map.of("Digits", "3"));
    assertTrue(thanks.contains("<Hangup") && !thanks.contains("<Gather"), thanks);
    happyCalls.status(h1, 2, Map.of("CallStatus", "ringing"));
    ContactId h2 = new ContactId("h-2");
    String goodbye = happyCalls.gathered(h2, Language.ENGLISH, 2, Map.of());
    assertTrue(goodbye.contains("<Hangup"), goodbye);
    happyCalls.status(new ContactId("h-3"), 1, Map.of("CallStatus", "no-answer"));
    happyCalls.status(new ContactId("h-4"), null, Map.of("CallStatus", "busy"));
    assertEquals(List.of("h-1 3", "h-2 not answered", "h-3 call 1 not answered", "h-4 not answered"),
        surveyCalls.heard(), "the call number in the callback URL reaches the program");
  }

  @Test
  void aCheckInAsksAgainThenCountsSilenceAsAMachineAndOtherKeysAsNoAnswer() {
    ContactId w2 = new ContactId("w-2");
    String again = checkIns.gathered(w2, Language.ENGLISH, false, 1, Map.of());
    assertEquals("https://city.example/webhooks/twilio/voice/check-in?contact=w-2&lang=en&slow=false&tries=1",
        attribute(again, "Gather", "action"));
    assertTrue(checkInOutcomes.isEmpty());
    checkIns.gathered(w2, Language.ENGLISH, false, TwilioCheckIns.TRIES, Map.of());
    ContactId w3 = new ContactId("w-3");
    String next = checkIns.gathered(w3, Language.ENGLISH, false, 0, Map.of("Digits", "9"));
    assertEquals("https://city.example/webhooks/twilio/voice/check-in?contact=w-3&lang=en&slow=false&tries=1",
        attribute(next, "Gather", "action"));
    checkIns.gathered(w3, Language.ENGLISH, false, TwilioCheckIns.TRIES - 1, Map.of("Digits", "7"));
    ContactId w4 = new ContactId("w-4");
    checkIns.gathered(w4, Language.KOREAN, false, 0, Map.of("Digits", "2"));
    checkIns.status(new ContactId("w-5"), Map.of("CallStatus", "busy"));
    checkIns.status(new ContactId("w-6"), Map.of("CallStatus", "ringing"));
    assertEquals(List.of("w-2 MACHINE", "w-3 NO_ANSWER", "w-4 WANTS_TO_TALK", "w-5 BUSY"), checkInOutcomes);
  }

  @Test
  void aSeniorWhoPressesTwoStaysOnTheLineAsAWelfareContactAndIsDialledToTheOfferedOperator() {
    TwilioCheckIns live = new TwilioCheckIns(twiml, new org.onenumber.core.port.in.RecordCheckIn() {
      @Override
      public boolean record(ContactId c, org.onenumber.core.welfare.CallOutcome outcome) {
        checkInOutcomes.add(c.value() + " " + outcome);
        return true;
      }

      @Override
      public boolean reply(CitizenIdentity.Phone from, String body) {
        return false;
      }
    }, new TwilioCheckIns.Talk(open, calls, events, legs, new QueueId("welfare-outbound"), 80));
    String sid = twilio.ring();
    Map<String, String> pressed = Map.of("CallSid", sid, "To", "+821012345678", "Digits", "2");
    String xml = live.gathered(new ContactId("w-7"), Language.KOREAN, false, 0, pressed);
    assertEquals("onenumber-english", text(xml, "Enqueue"), "parked like an inbound call: " + xml);
    assertTrue(text(xml, "Say").startsWith("잠시만"), "asked to hold in Korean");
    assertEquals(List.of("w-7 WANTS_TO_TALK"), checkInOutcomes);
    assertEquals(new QueueId("welfare-outbound"), opened.get(0).queue());
    assertEquals(80, opened.get(0).priority());
    assertEquals(new CitizenIdentity.Phone("+821012345678"), opened.get(0).identity());
    assertEquals("onenumber-english", text(live.gathered(new ContactId("w-7"), Language.KOREAN, false, 0, pressed),
        "Enqueue"), "Twilio's retry parks the same call");
    assertEquals(1, opened.size());

    events.on(offered(contact, agent));
    assertEquals("+821055550022", text(twilio.updatesOf(sid).get(0).param("Twiml"), "Number"));
    live.status(new ContactId("w-7"), Map.of("CallSid", sid, "CallStatus", "completed"));
    assertEquals(List.of("Abandon c-1"), routing.lines(), "hung up while ringing: abandoned once");
  }

  @Test
  void aControlForACallOverIsIgnoredAndAFailedUpdateIsNotFatal() {
    String sid = twilio.ring();
    enqueued(sid);
    control.hold(contact);
    assertTrue(twilio.requests().isEmpty(), "hold needs a connected call");
    twilio.hangUp(sid);
    events.on(offered(contact, agent));
    assertEquals(1, twilio.updatesOf(sid).size(), "tried, refused by Twilio with 21220, logged");
  }

  @Test
  void aCallbackCallsTheOperatorThenTheCitizenAndReportsTheAnswer() {
    control.placeCallback(contact, new CitizenIdentity.Phone(CALLER), agent);
    FakeTwilioVoice.Recorded created = twilio.requests().get(0);
    assertEquals("+821055550022", created.param("To"));
    assertEquals("+8215880120", created.param("From"));
    assertEquals(CALLER, text(created.param("Twiml"), "Number"));
    assertEquals("https://city.example/webhooks/twilio/voice/status?contact=c-1", created.param("StatusCallback"));
    assertTrue(control.carries(contact));
    legs.callbackAnswered(contact);
    legs.callbackEnded(contact, Map.of("DialCallStatus", "completed"));
    assertEquals(List.of("CallbackResult c-1 true", "WrapUp c-1 RESOLVED"), routing.lines());
  }

  @Test
  void aCallbackTheCitizenDoesNotAnswerIsReportedNotAnswered() {
    control.placeCallback(contact, new CitizenIdentity.Phone(CALLER), agent);
    legs.callbackEnded(contact, Map.of("DialCallStatus", "busy"));
    legs.status(Map.of("CallSid", twilio.requests().get(0).param("To"), "CallStatus", "completed"), contact);
    assertEquals(List.of("CallbackResult c-1 false"), routing.lines());
  }

  @Test
  void theCallbackOptionOpensTheContactAsksRoutingAndSaysGoodbye() {
    String xml = ivr.optionChosen(Map.of("CallSid", twilio.ring(), "From", CALLER, "Digits", "1"), Language.CHINESE);
    assertTrue(xml.contains("<Hangup/>"));
    assertEquals(List.of("RequestCallback c-1"), routing.lines());
    assertFalse(control.carries(contact), "the call ends; nothing to carry");
  }

  @Test
  void theSignLanguageOptionTextsTheVideoLink() {
    String xml = ivr.languageChosen(Map.of("CallSid", twilio.ring(), "From", CALLER, "Digits", "7"), 0);
    assertTrue(xml.contains("<Hangup/>"));
    assertEquals(CALLER, texts.sent().get(0).to());
    assertTrue(texts.sent().get(0).body().contains("https://city.example/video"));
    assertTrue(opened.isEmpty());
  }

  /** Records routing commands as short lines and accepts them all. */
  static final class RecordingRouting implements RouteContact {
    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized Decisions route(RoutingCommand command) {
      lines.add(switch (command) {
        case RoutingCommand.Accept a -> "Accept " + a.agent() + " " + a.contact();
        case RoutingCommand.Decline d -> "Decline " + d.agent() + " " + d.contact() + " " + d.reason();
        case RoutingCommand.Abandon a -> "Abandon " + a.contact();
        case RoutingCommand.WrapUp w -> "WrapUp " + w.contact() + " " + w.outcome();
        case RoutingCommand.CallbackResult r -> "CallbackResult " + r.contact() + " " + r.answered();
        case RoutingCommand.RequestCallback r -> "RequestCallback " + r.contact();
        default -> command.toString();
      });
      return new Decisions(List.of(), List.of(), null);
    }

    @Override
    public void routeLater(RoutingCommand command) {
      route(command);
    }

    synchronized List<String> lines() {
      return List.copyOf(lines);
    }
  }
}
