package org.onenumber.telephony.asterisk;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.event.QueuePositionChanged;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.testkit.FakeAgentDevices;
import org.onenumber.testkit.FakeMessageGateway;
import org.onenumber.testkit.FastAgiCaller;
import org.onenumber.testkit.FastAgiCaller.DialOutcome;

/**
 * The FastAGI IVR over real TCP, with {@link FastAgiCaller} playing Asterisk from the captures in
 * {@code shared/data/asterisk} (00, 01, 02, 03a–c; replies it derives are listed on that class).
 * Routing is a recording fake; routing events reach the call's mailbox as the server's forwarder
 * would put them there.
 */
class FastAgiReplayIT {

  private static final Duration WITHIN = Duration.ofSeconds(10);
  private static final AtomicInteger CALLS = new AtomicInteger();

  private final RecordingRouting routing = new RecordingRouting();
  private final AsteriskCalls calls = new AsteriskCalls();
  private final MapCallerLanguages languages = new MapCallerLanguages();
  private final FakeMessageGateway sms = new FakeMessageGateway();
  private final FakeAgentDevices devices = new FakeAgentDevices()
      .put(new AgentId("op-001"), "PJSIP/op-001")
      .put(new AgentId("op-002"), "PJSIP/op-002")
      .put(new AgentId("op-003"), "PJSIP/op-003");
  private final List<String> checkIns = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final org.onenumber.core.port.in.RecordCheckIn outcomes = new org.onenumber.core.port.in.RecordCheckIn() {
    @Override
    public boolean record(ContactId contact, org.onenumber.core.welfare.CallOutcome outcome) {
      checkIns.add(contact.value() + " " + outcome);
      return true;
    }

    @Override
    public boolean reply(org.onenumber.core.citizen.CitizenIdentity.Phone from, String body) {
      return false;
    }
  };
  private final org.onenumber.testkit.RecordingHappyCallAnswers happyCalls =
      new org.onenumber.testkit.RecordingHappyCallAnswers();
  private AgiIvrServer server;
  private int port;

  @BeforeEach
  void start() throws IOException {
    port = freePort();
    IvrSettings settings = IvrSettings.defaults().withPort(port).withIdleThreadKeepAlive(Duration.ofMillis(200));
    server = new AgiIvrServer(new Ivr(routing, routing, devices, calls, languages, sms, new CallerNumbers("KR"),
        settings), 0, new CheckIns(outcomes, new QueueId("welfare-outbound"), 80, happyCalls)).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void answersChoosesEnglishAnnouncesThePositionAndConnectsTheOfferedOperator() throws Exception {
    FastAgiCaller caller = call("01012345678").press("2", "1").onDial(device -> DialOutcome.ANSWER).start();
    caller.await("EXEC StartMusicOnHold", WITHIN);
    ContactId contact = waiting();
    assertEquals(Language.ENGLISH, routing.opened().get(0).language());
    assertEquals(Channel.VOICE, routing.opened().get(0).channel());
    assertEquals("+821012345678", routing.opened().get(0).identity().value());
    // remembered off the session thread (CallerLookup): wait for it
    await().atMost(WITHIN).until(() -> Language.ENGLISH.equals(languages.byNumber.get("+821012345678")));

    calls.signal(contact, new CallSignal.Routed(new QueuePositionChanged(contact, new QueueId("english"), 3,
        Duration.ofSeconds(100), Instant.now())));
    caller.await("SAY NUMBER 3", WITHIN);
    caller.await("STREAM FILE onenumber/en/position", WITHIN);
    caller.await("SAY NUMBER 2", WITHIN);

    calls.signal(contact, offered(contact, "op-001"));
    caller.await("EXEC Dial PJSIP/op-001,15,U(onenumber-answered^" + contact + "^op-001)", WITHIN);
    RoutingCommand.Accept accept = routing.await(RoutingCommand.Accept.class);
    assertEquals(new AgentId("op-001"), accept.agent());
    assertEquals("PJSIP/op-001-00000001", calls.byContact(contact).orElseThrow().agentChannel(),
        "the operator's leg is known to the AMI side");

    caller.hangUp();
    RoutingCommand.WrapUp wrapUp = routing.await(RoutingCommand.WrapUp.class);
    assertEquals(RoutingCommand.Outcome.RESOLVED, wrapUp.outcome());
    caller.awaitClosed(WITHIN);
    assertTrue(calls.byContact(contact).isEmpty(), "the call left the registry");
    assertFalse(routing.routed().stream().anyMatch(RoutingCommand.Abandon.class::isInstance));
  }

  @Test
  void anAdoptedCallRedirectedIntoTheRejoinScriptIsConductedAgainInTheRememberedLanguage() throws Exception {
    // Not captured: the caller's channel arriving by AMI Redirect into agi://…/rejoin is derived from
    // 01's FastAGI environment with script "rejoin"; Bridge ends like 01's answered Dial.
    ContactId contact = new ContactId("adopted-1");
    calls.adopt(new AsteriskCalls.Call(contact, "PJSIP/caller-00000099", "1796161499.99", "1796161499.99")
        .withAgentChannel("PJSIP/op-001-00000098"));
    languages.byNumber.put("+821012345678", Language.ENGLISH);
    calls.rejoining(contact);
    calls.signal(contact, new CallSignal.Hold());
    FastAgiCaller caller = FastAgiCaller.call(InetAddress.getLoopbackAddress(), port,
        FastAgiCaller.environment("PJSIP/caller-00000099", "1796161499.99", "01012345678", "rejoin")).start();
    caller.await("EXEC StartMusicOnHold", WITHIN);
    calls.signal(contact, new CallSignal.Resume("PJSIP/op-001-00000098"));
    caller.await("EXEC Bridge PJSIP/op-001-00000098", WITHIN);
    caller.hangUp();
    assertEquals(contact, routing.await(RoutingCommand.WrapUp.class).contact());
    caller.awaitClosed(WITHIN);
    assertTrue(calls.byContact(contact).isEmpty(), "the call left the registry");
  }

  @Test
  void aRejoinForAChannelNoCallHasIsLeftToTheDialplan() throws Exception {
    FastAgiCaller caller = FastAgiCaller.call(InetAddress.getLoopbackAddress(), port,
        FastAgiCaller.environment("PJSIP/caller-00000097", "1796161499.97", "01012345678", "rejoin")).start();
    caller.awaitClosed(WITHIN);
    assertTrue(routing.routed().isEmpty());
  }

  /**
   * The welfare check-in (#16): the senior's leg that AMI Originate placed into the check-in
   * context, with the Originate's variables. Not captured: derived from 01's FastAGI session (the
   * environment, GET DATA and STREAM FILE replies) with script "checkin".
   */
  private FastAgiCaller checkIn(String contact, String language, boolean slow) throws IOException {
    int n = CALLS.incrementAndGet();
    return FastAgiCaller.call(InetAddress.getLoopbackAddress(), port,
        FastAgiCaller.environment("PJSIP/trunk-0000005" + n, "1796161600." + n, "0215880120", "checkin"))
        .variable("ONENUMBER_CONTACT", contact).variable("ONENUMBER_LANGUAGE", language)
        .variable("ONENUMBER_SLOW", slow ? "1" : "0").variable("ONENUMBER_PHONE", "+821012345678");
  }

  @Test
  void aSeniorWhoPressesOneIsRecordedWellInTheirLanguageAndThanked() throws Exception {
    FastAgiCaller senior = checkIn("w-1", "vi", true).press("1").start();
    senior.await("STREAM FILE onenumber/vi/check-in-thanks", WITHIN);
    senior.awaitClosed(WITHIN);
    assertEquals(List.of("w-1 WELL"), checkIns);
    assertTrue(senior.texts().stream().anyMatch(t -> t.startsWith("GET DATA onenumber/vi/check-in-slow")),
        "asked slowly: " + senior.texts());
    assertTrue(routing.opened().isEmpty(), "no contact for a senior who is well");
  }

  @Test
  void aSeniorWhoPressesTwoWaitsForAWelfareOperatorWithPriority() throws Exception {
    FastAgiCaller senior = checkIn("w-2", "ko", false).press("2").start();
    senior.await("EXEC StartMusicOnHold", WITHIN);
    assertEquals(List.of("w-2 WANTS_TO_TALK"), checkIns);
    OpenContactCommand opened = routing.opened().get(0);
    assertEquals(new QueueId("welfare-outbound"), opened.queue());
    assertEquals(80, opened.priority());
    assertEquals("+821012345678", opened.identity().value());
    assertEquals(Language.KOREAN, opened.language());
    assertTrue(senior.texts().stream().anyMatch(t -> t.startsWith("STREAM FILE onenumber/ko/check-in-operator")),
        senior.texts().toString());
    ContactId waiting = waiting();
    calls.signal(waiting, offered(waiting, "op-001"));
    senior.await("EXEC Dial PJSIP/op-001,", WITHIN);
    senior.hangUp();
    senior.awaitClosed(WITHIN);
  }

  @Test
  void silenceIsNotReachedAndKeysThatAreNoChoiceAreNoAnswer() throws Exception {
    FastAgiCaller silent = checkIn("w-3", "en", false).press("", "", "").start();
    silent.awaitClosed(WITHIN);
    FastAgiCaller confused = checkIn("w-4", "en", false).press("9", "", "7").start();
    confused.awaitClosed(WITHIN);
    await().atMost(WITHIN).until(() -> checkIns.size() == 2);
    assertEquals(List.of("w-3 MACHINE", "w-4 NO_ANSWER"), checkIns);
    assertTrue(routing.opened().isEmpty());
  }

  /**
   * Happy-call by phone (#16): the citizen's leg that AMI Originate placed into the check-in context
   * with {@code ONENUMBER_SCRIPT=happy-call}; derived from 01's FastAGI session like the check-in.
   */
  private FastAgiCaller happyCall(String contact, String language) throws IOException {
    int n = CALLS.incrementAndGet();
    return FastAgiCaller.call(InetAddress.getLoopbackAddress(), port,
        FastAgiCaller.environment("PJSIP/trunk-0000006" + n, "1796161700." + n, "0215880120", "checkin"))
        .variable("ONENUMBER_CONTACT", contact).variable("ONENUMBER_LANGUAGE", language)
        .variable("ONENUMBER_SCRIPT", "happy-call").variable("ONENUMBER_PHONE", "+821012345678");
  }

  @Test
  void aHappyCallScoreIsRecordedInTheCitizensLanguageAndThanked() throws Exception {
    FastAgiCaller citizen = happyCall("h-1", "mn").press("4").start();
    citizen.await("STREAM FILE onenumber/mn/happy-call-thanks", WITHIN);
    citizen.awaitClosed(WITHIN);
    assertEquals(List.of("h-1 4"), happyCalls.heard());
    assertTrue(citizen.texts().stream().anyMatch(t -> t.startsWith("GET DATA onenumber/mn/happy-call")),
        citizen.texts().toString());
    assertTrue(checkIns.isEmpty(), "a happy-call is no welfare check-in");
  }

  @Test
  void theHappyCallQuestionIsRepeatedOnceThenTheCallIsNotAnswered() throws Exception {
    FastAgiCaller late = happyCall("h-2", "ja").press("", "2").start();
    late.await("STREAM FILE onenumber/ja/happy-call-thanks", WITHIN);
    late.awaitClosed(WITHIN);
    FastAgiCaller silent = happyCall("h-3", "zh").press("", "").start();
    silent.awaitClosed(WITHIN);
    FastAgiCaller confused = happyCall("h-4", "en").press("9", "0").start();
    confused.awaitClosed(WITHIN);
    await().atMost(WITHIN).until(() -> happyCalls.heard().size() == 3);
    assertEquals(List.of("h-2 2", "h-3 not answered", "h-4 not answered"), happyCalls.heard());
    assertEquals(2, silent.texts().stream().filter(t -> t.startsWith("GET DATA onenumber/zh/happy-call")).count(),
        "asked, then repeated once: " + silent.texts());
    assertTrue(confused.texts().stream().anyMatch(t -> t.startsWith("STREAM FILE onenumber/en/invalid")));
  }

  @Test
  void aCitizenWhoHangsUpBeforeAScoreIsNotAnswered() throws Exception {
    FastAgiCaller gone = happyCall("h-5", "ko").dropOn(t -> t.startsWith("GET DATA")).start();
    gone.awaitClosed(WITHIN);
    await().atMost(WITHIN).until(() -> happyCalls.heard().size() == 1);
    assertEquals(List.of("h-5 not answered"), happyCalls.heard());
  }

  @Test
  void aRememberedLanguageSkipsTheLanguageMenu() throws Exception {
    languages.byNumber.put("+821012345678", Language.MONGOLIAN);
    FastAgiCaller caller = call("010-1234-5678").press("1").start();
    caller.await("EXEC StartMusicOnHold", WITHIN);
    assertEquals(Language.MONGOLIAN, routing.opened().get(0).language());
    assertFalse(caller.texts().stream().anyMatch(c -> c.contains("language-menu")));
    assertTrue(caller.texts().contains("SET VARIABLE CHANNEL(language) mn"));
    caller.hangUp();
    routing.await(RoutingCommand.Abandon.class);
  }

  @Test
  void aCallerWhoHangsUpWhileWaitingAbandons() throws Exception {
    FastAgiCaller caller = call("01012345678").press("1", "1").start();
    caller.await("EXEC StartMusicOnHold", WITHIN);
    ContactId contact = waiting();
    caller.hangUp();
    assertEquals(contact, routing.await(RoutingCommand.Abandon.class).contact());
    caller.awaitClosed(WITHIN);
    assertFalse(routing.routed().stream().anyMatch(RoutingCommand.WrapUp.class::isInstance));
  }

  /**
   * Issue 17: Asterisk has closed the AGI socket of a caller who hung up, so nobody waits for
   * routing's answer: the session ends while routing's commit is still held (it used to wait for
   * the journal, a session thread per hung-up caller in the NYC day). The call's durable row stays
   * until the abandon is journaled, so that a restart in between abandons the contact ({@link
   * RestartSweep} case 1).
   */
  @Test
  void aCallerWhoHangsUpWhileWaitingIsLetGoBeforeTheAbandonIsJournaled() throws Exception {
    MapCarriedCalls store = new MapCarriedCalls();
    IvrSettings settings = IvrSettings.defaults().withPort(freePort()).withIdleThreadKeepAlive(Duration.ofMillis(200));
    try (AsteriskCalls kept = new AsteriskCalls(store, java.time.InstantSource.system());
        AgiIvrServer held = new AgiIvrServer(new Ivr(routing, routing, devices, kept, languages, sms,
            new CallerNumbers("KR"), settings), 0).start()) {
      routing.holdCommits();
      FastAgiCaller caller = FastAgiCaller.call(InetAddress.getLoopbackAddress(), settings.port(),
          FastAgiCaller.environment("PJSIP/caller-00000090", "1796161417.90", "01012345678", "ivr"))
          .press("1", "1").start();
      caller.await("EXEC StartMusicOnHold", WITHIN);
      await().atMost(WITHIN).until(() -> kept.all().size() == 1);
      ContactId contact = kept.all().iterator().next().contact();

      caller.hangUp();
      caller.awaitClosed(WITHIN);
      await().atMost(WITHIN).until(() -> held.activeSessions() == 0);
      assertEquals(contact, routing.await(RoutingCommand.Abandon.class).contact());
      assertTrue(kept.byContact(contact).isEmpty(), "the call left the registry");
      assertTrue(kept.flush(5_000));
      assertEquals(List.of(contact.value()), store.contacts(), "its row stays until the abandon is journaled");

      routing.releaseCommits();
      await().atMost(WITHIN).until(() -> kept.flush(1_000) && store.contacts().isEmpty());
    } finally {
      routing.releaseCommits();
    }
  }

  @Test
  void ringNoAnswerDeclinesKeepsThePlaceAndTheNextOperatorIsDialled() throws Exception {
    FastAgiCaller caller = call("01012345678").press("1", "1")
        .onDial(device -> device.equals("PJSIP/op-002") ? DialOutcome.NOANSWER : DialOutcome.ANSWER).start();
    caller.await("EXEC StartMusicOnHold", WITHIN);
    ContactId contact = waiting();
    calls.signal(contact, offered(contact, "op-002"));
    RoutingCommand.Decline decline = routing.await(RoutingCommand.Decline.class);
    assertEquals(new AgentId("op-002"), decline.agent());
    assertEquals("noanswer", decline.reason());
    awaitCount(caller, "EXEC StartMusicOnHold", 2);
    assertTrue(routing.routed().stream().noneMatch(RoutingCommand.Abandon.class::isInstance), "the caller stays");

    calls.signal(contact, offered(contact, "op-001"));
    routing.await(RoutingCommand.Accept.class);
    // Case 10: routing moved the contact; AMI released the operator's leg (derived: Dial returns 0).
    calls.signal(contact, new CallSignal.Requeue());
    caller.operatorLeaves();
    awaitCount(caller, "EXEC StartMusicOnHold", 3);
    calls.signal(contact, offered(contact, "op-003"));
    caller.await("EXEC Dial PJSIP/op-003", WITHIN);
    caller.operatorLeaves();
    // no control followed: the operator hung up; goodbye, hang up, wrap-up
    caller.await("HANGUP", WITHIN);
    routing.await(RoutingCommand.WrapUp.class);
    caller.awaitClosed(WITHIN);
  }

  @Test
  void anAnswerRoutingRefusesDropsTheOperatorsLegAndTheCallerKeepsTheirPlace() throws Exception {
    routing.refuse(RoutingCommand.Accept.class);
    FastAgiCaller caller = call("01012345678").press("1", "1").onDial(device -> DialOutcome.ANSWER).start();
    caller.await("EXEC StartMusicOnHold", WITHIN);
    ContactId contact = waiting();
    calls.signal(contact, offered(contact, "op-001"));
    assertEquals("busy", routing.await(RoutingCommand.Decline.class).reason());
    assertTrue(caller.answeredLegCommands().contains("SET VARIABLE GOSUB_RESULT BUSY"), caller.answeredLegCommands().toString());
    awaitCount(caller, "EXEC StartMusicOnHold", 2);
    caller.hangUp();
    routing.await(RoutingCommand.Abandon.class);
  }

  /**
   * Issue #17's split count: the operator picked up, and routing's accept outlasted the 10 s a
   * {@code route} waits (an H2 stall: the command stays queued and is journaled later); meanwhile
   * the caller hung up. The answered script used to drop the leg BUSY on that wait's failure while
   * routing journaled the accept later: the server counted the call answered by an operator whose
   * leg was gone, the simulator (its Dial ended BUSY) abandoned. Now the script waits for what
   * routing journals: the accept, so the Dial is bridged (the simulator's ANSWER), the caller's
   * hang-up then wraps the call up, and both count it answered; nothing is declined or abandoned.
   */
  @Test
  void aCallerWhoHangsUpWhileTheAcceptOutlastsRoutingsWaitIsAnsweredOnBothSides() throws Exception {
    List<DialOutcome> dialled = new java.util.concurrent.CopyOnWriteArrayList<>();
    FastAgiCaller caller = call("01012345678").press("1", "1").onDial(device -> DialOutcome.ANSWER)
        .onDialled((ring, outcome) -> dialled.add(outcome)).start();
    caller.await("EXEC StartMusicOnHold", WITHIN);
    ContactId contact = waiting();
    routing.holdCommits();
    routing.giveUpWhileHeld();
    try {
      calls.signal(contact, offered(contact, "op-001"));
      routing.await(RoutingCommand.Accept.class); // handed to routing; its commit is held
      caller.hangUp(); // while the operator's leg script runs
      await().during(Duration.ofMillis(300)).atMost(WITHIN).until(() -> dialled.isEmpty());
    } finally {
      routing.releaseCommits();
    }
    routing.await(RoutingCommand.WrapUp.class);
    caller.awaitClosed(WITHIN);
    assertEquals(List.of(DialOutcome.ANSWER), dialled, "the simulator's side: answered");
    assertFalse(caller.answeredLegCommands().contains("SET VARIABLE GOSUB_RESULT BUSY"), caller.answeredLegCommands().toString());
    assertTrue(routing.routed().stream().noneMatch(c -> c instanceof RoutingCommand.Decline
        || c instanceof RoutingCommand.Abandon), "answered, neither declined nor abandoned: " + routing.routed());
  }

  /**
   * Issue #17: routing's journal stalls for longer than the operator's leg used to wait (60 s; here
   * the leg reports every 200 ms and the commit is held 1.5 s, more than seven such periods). The
   * leg used to give up and answer BUSY with the accept still queued, then journaled: the server
   * counted the call answered, the caller (Dial ended BUSY) kept waiting and was counted abandoned.
   * Now the leg waits for routing's verdict however long it takes: the accept is journaled, the
   * Dial is bridged, and a caller still on the line talks; nothing is declined. Checked against the
   * old behaviour (BUSY once the bound passed, the bound set to 200 ms): Dial ended BUSY, failing.
   */
  @Test
  void anAcceptRoutingJournalsAfterAnOutageLongerThanTheLegsReportPeriodIsBridged() throws Exception {
    IvrSettings settings = IvrSettings.defaults().withPort(freePort()).withIdleThreadKeepAlive(Duration.ofMillis(200))
        .withAcceptReportEvery(Duration.ofMillis(200));
    List<DialOutcome> dialled = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (AgiIvrServer slow = new AgiIvrServer(new Ivr(routing, routing, devices, calls, languages, sms,
        new CallerNumbers("KR"), settings), 0).start()) {
      FastAgiCaller caller = call(settings.port(), "01012345678").press("1", "1").onDial(device -> DialOutcome.ANSWER)
          .onDialled((ring, outcome) -> dialled.add(outcome)).start();
      caller.await("EXEC StartMusicOnHold", WITHIN);
      ContactId contact = waiting();
      routing.holdCommits();
      try {
        calls.signal(contact, offered(contact, "op-001"));
        routing.await(RoutingCommand.Accept.class); // handed to routing; its commit is held
        await().during(Duration.ofMillis(1_500)).atMost(WITHIN).until(() -> dialled.isEmpty());
      } finally {
        routing.releaseCommits();
      }
      await().atMost(WITHIN).until(() -> !dialled.isEmpty());
      assertEquals(List.of(DialOutcome.ANSWER), dialled, "bridged once routing journaled the accept");
      assertFalse(caller.answeredLegCommands().contains("SET VARIABLE GOSUB_RESULT BUSY"),
          caller.answeredLegCommands().toString());
      caller.operatorLeaves();
      routing.await(RoutingCommand.WrapUp.class);
      caller.awaitClosed(WITHIN);
      assertTrue(routing.routed().stream().noneMatch(c -> c instanceof RoutingCommand.Decline
          || c instanceof RoutingCommand.Abandon), "answered, neither declined nor abandoned: " + routing.routed());
    }
  }

  /**
   * Issue #17, defect 1: the offer to op-001 expired (routing put the contact back, QUEUED) while
   * the session was still saying the position; both wait in the mailbox, then the offer to op-002.
   * The stale offer is not dialled (it rang op-001's phone for an offer routing no longer held);
   * op-002's is. The ring path's stages are timed.
   */
  @Test
  void anOfferWithdrawnWhileTheSessionAnnouncedThePositionIsNotDialled() throws Exception {
    RecordingRingTimings timings = new RecordingRingTimings();
    calls.timeRingsWith(timings);
    FastAgiCaller caller = call("01012345678").press("1", "1").onDial(device -> DialOutcome.ANSWER).start();
    caller.await("EXEC StartMusicOnHold", WITHIN);
    ContactId contact = waiting();
    calls.signal(contact, new CallSignal.Routed(new QueuePositionChanged(contact, new QueueId("general-ko"), 2,
        Duration.ofSeconds(60), Instant.now())));
    calls.signal(contact, offered(contact, "op-001"));
    calls.signal(contact, new CallSignal.Routed(new ContactStateChanged(contact, Channel.VOICE, Language.KOREAN,
        ContactState.OFFERED, ContactState.QUEUED, new QueueId("general-ko"), null, "ring-no-answer", Instant.now())));
    calls.signal(contact, offered(contact, "op-002"));

    caller.await("EXEC Dial PJSIP/op-002", WITHIN);
    assertEquals(new AgentId("op-002"), routing.await(RoutingCommand.Accept.class).agent());
    assertTrue(caller.texts().stream().noneMatch(t -> t.startsWith("EXEC Dial PJSIP/op-001")),
        "the withdrawn offer was dialled: " + caller.texts());
    assertEquals(List.of(RingTimings.Skipped.STALE), timings.skipped());
    for (RingTimings.Stage stage : List.of(RingTimings.Stage.MAILBOX, RingTimings.Stage.DIAL,
        RingTimings.Stage.ANSWER, RingTimings.Stage.ACCEPT, RingTimings.Stage.TOTAL)) {
      await().atMost(WITHIN).until(() -> timings.count(stage) >= 1); // the leg records once routing answered
    }
    caller.hangUp();
    routing.await(RoutingCommand.WrapUp.class);
    caller.awaitClosed(WITHIN);
  }

  /**
   * Issue #17, defect 2: routing offered the contact of a caller whose session had already ended on
   * this node (the offer crossed the caller's hang-up, or the session ended without routing hearing
   * it). Nobody would dial the operator, so they stayed RESERVED until the offer's timeout and it
   * counted as their miss. While the session's own abandon is on its way it withdraws the offer;
   * once it has settled and routing still offers the contact, routing is told at once ({@link
   * OrphanOffers}: abandoned, the offer withdrawn). An offer for a contact this node never carried
   * (another carrier's) is left alone.
   */
  @Test
  void anOfferForACallWhoseSessionEndedIsAbandonedAtOnce() throws Exception {
    RecordingRingTimings timings = new RecordingRingTimings();
    calls.timeRingsWith(timings);
    FastAgiCaller caller = call("01012345678").press("1", "1").start();
    caller.await("EXEC StartMusicOnHold", WITHIN);
    ContactId contact = waiting();
    OrphanOffers orphans = new OrphanOffers(calls, routing);
    try {
      routing.holdCommits();
      caller.hangUp();
      routing.await(RoutingCommand.Abandon.class);
      caller.awaitClosed(WITHIN);
      await().atMost(WITHIN).until(() -> calls.byContact(contact).isEmpty());
      // the offer crossed the hang-up: the session's own abandon, on its way, withdraws it
      assertTrue(orphans.answer(((CallSignal.Routed) offered(contact, "op-001")).event()));
      assertEquals(1, abandons().size(), routing.routed().toString());
    } finally {
      routing.releaseCommits();
    }
    await().atMost(WITHIN).until(() -> calls.session(contact) == AsteriskCalls.Session.ENDED);

    assertTrue(orphans.answer(((CallSignal.Routed) offered(contact, "op-002")).event()),
        "an offer for the ended call is answered here");
    assertEquals(2, abandons().size(), routing.routed().toString());
    assertEquals(new RoutingCommand.Abandon(contact, OrphanOffers.SESSION_ENDED), abandons().get(1));
    assertEquals(List.of(RingTimings.Skipped.NO_SESSION, RingTimings.Skipped.NO_SESSION), timings.skipped());

    assertFalse(orphans.answer(((CallSignal.Routed) offered(new ContactId("twilio-1"), "op-001")).event()),
        "a call never carried here is another carrier's");
    assertFalse(orphans.answer(new QueuePositionChanged(contact, new QueueId("general-ko"), 1, Duration.ZERO,
        Instant.now())), "only offers");
  }

  @Test
  void aBusyOperatorIsDeclinedAndMusicResumes() throws Exception {
    declinedWith(DialOutcome.BUSY, "busy");
  }

  @Test
  void anUnreachableOperatorIsDeclinedAndMusicResumes() throws Exception {
    declinedWith(DialOutcome.CHANUNAVAIL, "chanunavail");
  }

  private void declinedWith(DialOutcome outcome, String reason) throws Exception {
    FastAgiCaller caller = call("01012345678").press("1", "1").onDial(device -> outcome).start();
    caller.await("EXEC StartMusicOnHold", WITHIN);
    ContactId contact = waiting();
    calls.signal(contact, offered(contact, "op-001"));
    assertEquals(reason, routing.await(RoutingCommand.Decline.class).reason());
    awaitCount(caller, "EXEC StartMusicOnHold", 2);
    caller.hangUp();
    routing.await(RoutingCommand.Abandon.class);
  }

  @Test
  void holdResumeAndHangUpAfterConnectWrapUp() throws Exception {
    FastAgiCaller caller = call("01012345678").press("1", "1").onDial(device -> DialOutcome.ANSWER).start();
    caller.await("EXEC StartMusicOnHold", WITHIN);
    ContactId contact = waiting();
    calls.signal(contact, offered(contact, "op-001"));
    routing.await(RoutingCommand.Accept.class);
    // hold: AMI redirected the operator's leg (Dial returns 0), then the signal
    caller.operatorLeaves();
    calls.signal(contact, new CallSignal.Hold());
    awaitCount(caller, "EXEC StartMusicOnHold", 2);
    calls.signal(contact, new CallSignal.Resume("PJSIP/op-001-00000001"));
    caller.await("EXEC Bridge PJSIP/op-001-00000001", WITHIN);
    caller.hangUp();
    routing.await(RoutingCommand.WrapUp.class);
    caller.awaitClosed(WITHIN);
  }

  @Test
  void transferAndConferenceRunOnTheCallersChannel() throws Exception {
    FastAgiCaller caller = call("01012345678").press("1", "1").onDial(device -> DialOutcome.ANSWER).start();
    caller.await("EXEC StartMusicOnHold", WITHIN);
    ContactId contact = waiting();
    calls.signal(contact, offered(contact, "op-001"));
    routing.await(RoutingCommand.Accept.class);
    caller.operatorLeaves();
    calls.signal(contact, new CallSignal.Conference("room-1"));
    caller.await("EXEC ConfBridge room-1", WITHIN);
    caller.operatorLeaves();
    calls.signal(contact, new CallSignal.Transfer("PJSIP/desk-water"));
    caller.await("STREAM FILE onenumber/ko/transfer", WITHIN);
    caller.await("EXEC Dial PJSIP/desk-water", WITHIN);
    caller.hangUp();
    caller.awaitClosed(WITHIN);
    assertFalse(routing.routed().stream().anyMatch(RoutingCommand.WrapUp.class::isInstance),
        "a transferred call is closed by routing's transfer, not wrapped up here");
  }

  @Test
  void dtmfGarbageAndTimeOutsEndWithAKoreanOperator() throws Exception {
    FastAgiCaller caller = call("01012345678").press("9", "*", "", "", "7", "").start();
    caller.await("EXEC StartMusicOnHold", WITHIN);
    assertEquals(Language.KOREAN, routing.opened().get(0).language());
    assertEquals("ivr:operator", routing.opened().get(0).topic());
    assertEquals(3, caller.texts().stream().filter(c -> c.startsWith("GET DATA onenumber/ko/language-menu")).count());
    caller.hangUp();
    routing.await(RoutingCommand.Abandon.class);
  }

  @Test
  void theCallbackOptionKeepsThePlaceAndHangsUp() throws Exception {
    FastAgiCaller caller = call("01012345678").press("1", "2").start();
    caller.await("STREAM FILE onenumber/ko/callback-confirmed", WITHIN);
    ContactId contact = routing.await(RoutingCommand.RequestCallback.class).contact();
    assertEquals("c-1", contact.value());
    caller.await("HANGUP", WITHIN);
    caller.awaitClosed(WITHIN);
  }

  @Test
  void theSignLanguageOptionTextsTheVideoLink() throws Exception {
    FastAgiCaller caller = call("01012345678").press("1", "3").start();
    caller.await("STREAM FILE onenumber/ko/sign-language-sent", WITHIN);
    caller.awaitClosed(WITHIN);
    assertEquals("+821012345678", sms.sent().get(0).to());
    assertTrue(sms.sent().get(0).body().endsWith(IvrSettings.defaults().signLanguageLink() + "?lang=ko"),
        "the citizen call page in the SMS's language: " + sms.sent().get(0).body());
    assertTrue(IvrSettings.defaults().signLanguageLink().endsWith("/call/"), "the link opens the call page");
    assertTrue(routing.opened().isEmpty(), "the video call becomes its own contact");
  }

  @Test
  void aCallThatCannotBecomeAContactNowHearsTheLinesAreBusyNotSilence() throws Exception {
    routing.intakeDown(); // a retriable refusal: the database down or the server's call lane full (issue 17)
    FastAgiCaller caller = call("01012345678").press("1", "1").start();
    caller.await("STREAM FILE onenumber/ko/lines-busy", WITHIN);
    caller.await("HANGUP", WITHIN);
    caller.awaitClosed(WITHIN);
    assertTrue(calls.all().isEmpty());
  }

  @Test
  void aMalformedEnvironmentIsClosedWithoutACall() throws Exception {
    try (FastAgiCaller garbage = FastAgiCaller.call(InetAddress.getLoopbackAddress(), port,
        java.util.Map.of("hello", "world", "agi_network_script", "ivr")).start()) {
      garbage.awaitClosed(WITHIN);
      assertFalse(garbage.texts().contains("ANSWER"), "no channel, no command: " + garbage.texts());
    }
    assertTrue(routing.opened().isEmpty());
    await().atMost(WITHIN).until(() -> server.activeSessions() == 0);
  }

  @Test
  void aCallerGoneMidCommandClosesTheSessionCleanly() throws Exception {
    FastAgiCaller caller = call("01012345678").dropOn(c -> c.startsWith("STREAM FILE")).start();
    caller.awaitClosed(WITHIN);
    await().atMost(WITHIN).until(() -> server.activeSessions() == 0);
    assertTrue(routing.opened().isEmpty());
    assertTrue(routing.routed().isEmpty());
  }

  @Test
  void aThousandAbandonedSessionsLeaveNoThreadBehind() throws Exception {
    int before = Thread.activeCount();
    int held = FastAgiCaller.abandonMany(InetAddress.getLoopbackAddress(), port, 1_000,
        FastAgiCaller.environment("PJSIP/caller-00000000", "1796161417.0", "5550123", "ivr"));
    assertEquals(1_000, held, "every session got as far as ANSWER before its caller vanished");
    await().atMost(WITHIN).until(() -> server.activeSessions() == 0);
    await().atMost(WITHIN).until(() -> server.sessionThreads() == 0);
    await().atMost(WITHIN).until(() -> Thread.activeCount() <= before + 2);
    assertTrue(routing.opened().isEmpty());
  }

  @Test
  void anOperatorsAnsweredLegIsServedWhileEveryCallersPlaceIsTaken() throws Exception {
    // Issue #17: with the pool full of callers in line, the answered leg was refused, the legs bridged
    // without routing's Accept and the operator left RESERVED on an offer that rang out.
    IvrSettings settings = IvrSettings.defaults().withPort(freePort()).withMaxSessions(2)
        .withIdleThreadKeepAlive(Duration.ofMillis(200));
    try (AgiIvrServer full = new AgiIvrServer(new Ivr(routing, routing, devices, calls, languages, sms,
        new CallerNumbers("KR"), settings)).start()) {
      FastAgiCaller first = call(settings.port(), "01012345678").press("1", "1").onDial(device -> DialOutcome.ANSWER)
          .start();
      first.await("EXEC StartMusicOnHold", WITHIN);
      FastAgiCaller second = call(settings.port(), "01087654321").press("1", "1").start();
      second.await("EXEC StartMusicOnHold", WITHIN);
      FastAgiCaller third = call(settings.port(), "01011112222").start();
      third.awaitClosed(WITHIN);
      assertTrue(third.texts().stream().noneMatch(t -> t.startsWith("ANSWER")),
          "a caller beyond the limit is ended at once: " + third.texts());
      assertEquals(2, routing.opened().size());

      ContactId contact = callOf("PJSIP/caller-0000000" + (CALLS.get() - 2));
      calls.signal(contact, offered(contact, "op-001"));
      RoutingCommand.Accept accept = routing.await(RoutingCommand.Accept.class);
      assertEquals(new AgentId("op-001"), accept.agent());
      assertEquals("PJSIP/op-001-00000001", calls.byContact(contact).orElseThrow().agentChannel());
      first.hangUp();
      second.hangUp();
      routing.await(RoutingCommand.WrapUp.class);
    }
  }

  @Test
  void aCallBridgedWithoutItsAnsweredLegGoesBackInLineWithoutCountingAgainstTheOperator() throws Exception {
    // Case 7e: the answered leg's connection finds the whole pool busy (1 caller + 8 check-ins that
    // hold the reserve), so Asterisk bridges without the script: routing never connected op-001.
    IvrSettings settings = IvrSettings.defaults().withPort(freePort()).withMaxSessions(1)
        .withIdleThreadKeepAlive(Duration.ofMillis(200));
    List<java.net.Socket> held = new java.util.ArrayList<>();
    try (AgiIvrServer full = new AgiIvrServer(new Ivr(routing, routing, devices, calls, languages, sms,
        new CallerNumbers("KR"), settings), 0, new CheckIns(outcomes, new QueueId("welfare-outbound"), 80, happyCalls))
        .start()) {
      FastAgiCaller caller = call(settings.port(), "01012345678").press("1", "1").onDial(device -> DialOutcome.ANSWER)
          .start();
      caller.await("EXEC StartMusicOnHold", WITHIN);
      ContactId contact = waiting();
      for (int i = 0; i < settings.legReserve(); i++) {
        java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), settings.port());
        held.add(socket);
        socket.getOutputStream().write(org.onenumber.testkit.AgiChannelReplies.block(FastAgiCaller.environment(
            "PJSIP/senior-0000000" + i, "1796161418." + i, "01055550000", "checkin")).getBytes(
            java.nio.charset.StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        socket.getInputStream().read(); // its first command: the session is taken and waits for the reply
      }
      calls.signal(contact, offered(contact, "op-001"));
      caller.await("EXEC Dial PJSIP/op-001", WITHIN);
      caller.operatorLeaves();
      RoutingCommand.Decline decline = routing.await(RoutingCommand.Decline.class);
      assertEquals(RoutingCommand.Decline.CALL_NOT_CONNECTED, decline.reason());
      assertTrue(routing.routed().stream().noneMatch(RoutingCommand.Accept.class::isInstance));
      awaitCount(caller, "EXEC StartMusicOnHold", 2);
      assertTrue(routing.routed().stream().noneMatch(c -> c instanceof RoutingCommand.WrapUp
          || c instanceof RoutingCommand.Abandon), "the caller is back in line: " + routing.routed());
      caller.hangUp();
      routing.await(RoutingCommand.Abandon.class);
    } finally {
      for (java.net.Socket socket : held) {
        socket.close();
      }
    }
  }

  @Test
  void warmSessionThreadsStartWithTheServerServeCallsAndStayWhileIdle() throws Exception {
    IvrSettings settings = IvrSettings.defaults().withPort(freePort()).withIdleThreadKeepAlive(Duration.ofMillis(100));
    try (AgiIvrServer warm = new AgiIvrServer(new Ivr(routing, routing, devices, calls, languages, sms,
        new CallerNumbers("KR"), settings), 4).start()) {
      assertEquals(4, warm.sessionThreads(), "started before the first call");
      int held = FastAgiCaller.abandonMany(InetAddress.getLoopbackAddress(), settings.port(), 10,
          FastAgiCaller.environment("PJSIP/caller-00000000", "1796161417.0", "5550123", "ivr"));
      assertEquals(10, held);
      await().atMost(WITHIN).until(() -> warm.activeSessions() == 0 && warm.sessionThreads() == 4);
    }
  }

  private List<RoutingCommand.Abandon> abandons() {
    return routing.routed().stream().filter(RoutingCommand.Abandon.class::isInstance)
        .map(RoutingCommand.Abandon.class::cast).toList();
  }

  private FastAgiCaller call(String callerId) throws IOException {
    return call(port, callerId);
  }

  private static FastAgiCaller call(int port, String callerId) throws IOException {
    int n = CALLS.incrementAndGet();
    return FastAgiCaller.call(InetAddress.getLoopbackAddress(), port,
        FastAgiCaller.environment("PJSIP/caller-0000000" + n, "1796161417." + n, callerId, "ivr"));
  }

  /** The contact of the one call in the registry, once the session registered it. */
  private ContactId waiting() {
    await().atMost(WITHIN).until(() -> calls.all().size() == 1);
    return calls.all().iterator().next().contact();
  }

  /** The contact of the call on {@code channel}, once its session registered it. */
  private ContactId callOf(String channel) {
    await().atMost(WITHIN).until(() -> calls.byChannel(channel).isPresent());
    return calls.byChannel(channel).orElseThrow().contact();
  }

  private static CallSignal offered(ContactId contact, String agent) {
    return new CallSignal.Routed(new ContactStateChanged(contact, Channel.VOICE, Language.KOREAN, ContactState.QUEUED,
        ContactState.OFFERED, new QueueId("general-ko"), new AgentId(agent), null, Instant.now()));
  }

  private static void awaitCount(FastAgiCaller caller, String prefix, int count) {
    await().atMost(WITHIN).until(() -> caller.texts().stream().filter(c -> c.startsWith(prefix)).count() >= count);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
