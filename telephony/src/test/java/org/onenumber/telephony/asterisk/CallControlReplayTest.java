package org.onenumber.telephony.asterisk;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.testkit.asterisk.AmiReplayPeer;

/** Operator call controls and recording against the recordings 05a, 05b and 06. */
class CallControlReplayTest {

  private static final ContactId C1 = new ContactId("c1");

  /** The call's mailbox, kept here: the replay may end the call (and unregister it) before a test reads it. */
  private java.util.concurrent.BlockingQueue<CallSignal> mailbox;

  /** A peer replaying {@code scenario} from its start, and C1's call with its operator leg given. */
  private AmiHarness given(String scenario, String callerChannel, String agentChannel) {
    AmiHarness h = new AmiHarness(AmiReplayPeer.start(scenario), false).start().awaitReady();
    AsteriskCalls.Call call = new AsteriskCalls.Call(C1, callerChannel, "u1", "u1");
    mailbox = call.mailbox();
    h.calls.open(call);
    h.calls.agentLeg(C1, agentChannel);
    return h;
  }

  private AmiHarness connected(String scenario, String callerChannel, String agentChannel) {
    AmiHarness h = new AmiHarness(AmiReplayPeer.start(scenario).holdScript(), false).start().awaitReady();
    AsteriskCalls.Call call = new AsteriskCalls.Call(C1, callerChannel, "u1", "u1");
    mailbox = call.mailbox();
    h.calls.open(call);
    h.peer.play();
    await().atMost(Duration.ofSeconds(10)).until(() -> h.calls.byContact(C1)
        .map(c -> agentChannel.equals(c.agentChannel())).orElse(false));
    return h;
  }

  @Test
  void holdSignalsTheSessionAndRedirectsTheOperatorLegToTheHoldContext() throws Exception {
    // 05a redirects the caller's channel (a blind transfer); our hold redirects the operator's leg
    // instead. The answer and what follows are the recorded ones.
    try (AmiHarness h = connected("05a-redirect-blind-transfer", "PJSIP/caller-0000000c", "PJSIP/agent-001-0000000d")) {
      h.ami.callControl().hold(C1);
      Map<String, String> redirect = h.awaitAction("Redirect");
      assertEquals("PJSIP/agent-001-0000000d", redirect.get("Channel"));
      assertEquals("onenumber-agent-hold", redirect.get("Context"));
      assertEquals("s", redirect.get("Exten"));
      assertEquals(new CallSignal.Hold(), signal());
    }
  }

  @Test
  void resumeAndTransferSignalTheSessionAndTransferHangsUpTheOperatorLeg() throws Exception {
    // 05a pauses (waits for its Redirect) while caller and operator are bridged: a stable call.
    try (AmiHarness h = connected("05a-redirect-blind-transfer", "PJSIP/caller-0000000c", "PJSIP/agent-001-0000000d")) {
      h.ami.callControl().resume(C1);
      assertEquals(new CallSignal.Resume("PJSIP/agent-001-0000000d"), signal());
      h.ami.callControl().transfer(C1, "02-120-3000");
      assertEquals(new CallSignal.Transfer("Local/021203000@onenumber-outbound"), signal());
      assertEquals("PJSIP/agent-001-0000000d", h.awaitAction("Hangup").get("Channel"));
      assertEquals(null, h.calls.byContact(C1).orElseThrow().agentChannel());
    }
  }

  @Test
  void requeueSignalsTheSessionAndHangsUpTheOperatorLeg() throws Exception {
    try (AmiHarness h = connected("05a-redirect-blind-transfer", "PJSIP/caller-0000000c", "PJSIP/agent-001-0000000d")) {
      h.ami.callControl().requeue(C1);
      assertEquals(new CallSignal.Requeue(), signal());
      assertEquals("PJSIP/agent-001-0000000d", h.awaitAction("Hangup").get("Channel"));
    }
  }

  @Test
  void conferenceMovesTheOperatorIntoARoomAndOriginatesTheThirdPartyThere() throws Exception {
    // 05b: the caller sits in ConfBridge and two Originates bring the operators in; here the
    // operator leg is given (the recorded caller dialled no operator) and the interpreter is
    // originated into the room like the recorded agents.
    try (AmiHarness h = given("05b-confbridge-3way", "PJSIP/caller-0000000f", "PJSIP/agent-001-00000010")) {
      h.ami.callControl().conference(C1, "PJSIP/agent-005");
      String room = h.ami.callControl().roomOf(C1).orElseThrow();
      assertEquals(new CallSignal.Conference(room), signal());
      Map<String, String> redirect = h.awaitAction("Redirect");
      assertEquals("PJSIP/agent-001-00000010", redirect.get("Channel"));
      assertEquals("onenumber-conference", redirect.get("Context"));
      assertEquals(room, redirect.get("Exten"));
      Map<String, String> originate = h.awaitAction("Originate");
      assertEquals("PJSIP/agent-005", originate.get("Channel"));
      assertEquals(room, originate.get("Exten"));
    }
  }

  /**
   * Consult transfer, derived from 05b (an Originate into a ConfBridge room), 05a (Redirect of a
   * bridged leg) and 04a (the Originate's answer: {@code OriginateResponse Success} with the real
   * channel name under our ActionID, then our {@code Hangup}). The recorded originated leg stands for
   * the consulted operator; our caller and first operator legs are given, as 04a has no caller.
   */
  private AmiHarness consulting() throws Exception {
    AmiHarness h = given("04a-originate-answered", "PJSIP/caller-00000007", "PJSIP/op-022-00000006");
    h.ami.callControl().consult(C1, "PJSIP/agent-001");
    String room = h.ami.callControl().consultRoomOf(C1).orElseThrow();
    assertEquals(new CallSignal.Hold(), signal(), "the caller hears music while the operator consults");
    Map<String, String> redirect = h.awaitAction("Redirect");
    assertEquals("PJSIP/op-022-00000006", redirect.get("Channel"));
    assertEquals("onenumber-conference", redirect.get("Context"));
    assertEquals(room, redirect.get("Exten"));
    Map<String, String> originate = h.awaitAction("Originate");
    assertEquals("PJSIP/agent-001", originate.get("Channel"));
    assertEquals("onenumber-conference", originate.get("Context"));
    assertEquals(room, originate.get("Exten"));
    await().atMost(Duration.ofSeconds(10)).until(() -> h.ami.callControl().consultLegOf(C1)
        .map("PJSIP/agent-001-00000008"::equals).orElse(false));
    return h;
  }

  @Test
  void aCompletedConsultBridgesTheCallerWithTheConsultLegAndHangsUpTheFirstOperator() throws Exception {
    try (AmiHarness h = consulting()) {
      h.ami.callControl().completeConsult(C1);
      assertEquals(new CallSignal.Resume("PJSIP/agent-001-00000008"), signal(),
          "the session bridges the caller with the consulted party's leg");
      assertEquals("PJSIP/op-022-00000006", h.awaitAction("Hangup").get("Channel"));
      assertTrue(h.ami.callControl().consultRoomOf(C1).isEmpty());
      h.ami.callControl().cancelConsult(C1);
      assertEquals(null, signal(), "no consult left to cancel");
    }
  }

  @Test
  void aCancelledConsultHangsUpTheConsultLegAndBridgesTheCallerBackWithTheOperator() throws Exception {
    try (AmiHarness h = consulting()) {
      h.ami.callControl().cancelConsult(C1);
      assertEquals("PJSIP/agent-001-00000008", h.awaitAction("Hangup").get("Channel"));
      assertEquals(new CallSignal.Resume("PJSIP/op-022-00000006"), signal());
      assertEquals("PJSIP/op-022-00000006", h.calls.byContact(C1).orElseThrow().agentChannel());
    }
  }

  /**
   * C1's consult whose leg answered in the room and hung up since.
   *
   * <p>05b as recorded: our consult's Originate is answered into the ConfBridge room as the recorded
   * agent-001 leg (OriginateResponse Success under our ActionID); when the room is ended by
   * ConfbridgeKick that leg's Hangup arrives. The recorded script waits for a second Originate
   * (sent by another call's conference, C2, the recorded agent-005) and for the recording client's
   * ConfbridgeList, ConfbridgeListRooms and ConfbridgeKick, which the test sends on the adapter's
   * AMI connection as a supervisor's tool would.
   */
  private AmiHarness consultWhoseLegHungUp() throws InterruptedException {
    AmiHarness h = given("05b-confbridge-3way", "PJSIP/caller-00000007", "PJSIP/op-022-00000006");
    h.ami.callControl().consult(C1, "PJSIP/agent-001");
    assertEquals(new CallSignal.Hold(), signal());
    assertEquals("PJSIP/agent-001", h.awaitAction("Originate").get("Channel"));
    await().atMost(Duration.ofSeconds(10)).until(() -> h.ami.callControl().consultLegOf(C1)
        .map("PJSIP/agent-001-00000010"::equals).orElse(false));
    AsteriskCalls.Call other = new AsteriskCalls.Call(new ContactId("c-2"), "PJSIP/caller-0000000f", "u2", "u2");
    h.calls.open(other);
    h.calls.agentLeg(other.contact(), "PJSIP/op-023-00000009");
    h.ami.callControl().conference(other.contact(), "PJSIP/agent-005");
    await().atMost(Duration.ofSeconds(10)).until(() -> h.peer.actions("Originate").size() == 2);
    supervisorSends(h, new org.asteriskjava.manager.action.ConfbridgeListAction("room-1"));
    supervisorSends(h, new org.asteriskjava.manager.action.ConfbridgeListRoomsAction());
    supervisorSends(h, new org.asteriskjava.manager.action.ConfbridgeKickAction("room-1", "all"));

    await().atMost(Duration.ofSeconds(10)).until(() -> h.ami.callControl().consultLegOf(C1).isEmpty());
    assertTrue(h.ami.callControl().consultRoomOf(C1).isPresent(), "the consult is still the operator's to end");
    return h;
  }

  @Test
  void aConsultLegThatAnswersInTheRoomAndHangsUpLeavesNothingBehindWhenTheOperatorCancels() throws Exception {
    try (AmiHarness h = consultWhoseLegHungUp()) {
      int hangups = h.peer.actions("Hangup").size();
      h.ami.callControl().cancelConsult(C1);
      assertEquals(new CallSignal.Resume("PJSIP/op-022-00000006"), signal(), "the caller is back with the operator");
      assertEquals(0, h.ami.callControl().awaitingCancelledConsultLegs(),
          "a leg that already hung up is not awaited (old code kept its ActionID forever)");
      assertEquals(hangups, h.peer.actions("Hangup").size(), "no hang-up of a leg that is gone");
      assertTrue(h.ami.callControl().consultRoomOf(C1).isEmpty());
    }
  }

  @Test
  void completingAConsultWhoseLegHungUpIsRefusedAndTheCallerStaysWithTheOperator() throws Exception {
    // Old code: the caller was sent into the empty consult room (Conference) and the first
    // operator's leg hung up, leaving the caller alone.
    try (AmiHarness h = consultWhoseLegHungUp()) {
      int hangups = h.peer.actions("Hangup").size();
      assertTrue(h.ami.callControl().consultPartyLeft(C1));
      IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
          () -> h.ami.callControl().completeConsult(C1));
      assertEquals("illegal_transition", refused.code());
      assertTrue(mailbox.isEmpty(), "the session is told nothing: the caller stays on hold");
      assertEquals(hangups, h.peer.actions("Hangup").size(), "the first operator's leg is not hung up");
      assertEquals("PJSIP/op-022-00000006", h.calls.byContact(C1).orElseThrow().agentChannel());
      assertTrue(h.ami.callControl().consultRoomOf(C1).isPresent(), "the consult is still the operator's to cancel");
      h.ami.callControl().cancelConsult(C1);
      assertEquals(new CallSignal.Resume("PJSIP/op-022-00000006"), signal(), "the caller is back with the operator");
    }
  }

  @Test
  void completingAConsultWhoseLegWasNotReachedIsRefused() throws Exception {
    // 04b: the consult leg rings 8 s unanswered (OriginateResponse Failure under our ActionID).
    try (AmiHarness h = given("04b-originate-noanswer", "PJSIP/caller-0000000f", "PJSIP/agent-001-00000010")) {
      h.ami.callControl().consult(C1, "02-120-3000");
      assertEquals(new CallSignal.Hold(), signal());
      assertFalse(h.ami.callControl().consultPartyLeft(C1), "still ringing: completing joins the caller to the room");
      await().atMost(Duration.ofSeconds(20)).until(() -> h.ami.callControl().consultPartyLeft(C1));
      assertThrows(IllegalTransitionException.class, () -> h.ami.callControl().completeConsult(C1));
      assertTrue(mailbox.isEmpty());
      assertEquals(0, h.peer.actions("Hangup").size());
    }
  }

  /** Sends {@code action} once the recorded script waits for it (sent earlier, the peer answers it at once). */
  private static void supervisorSends(AmiHarness h, org.asteriskjava.manager.action.ManagerAction action) {
    await().atMost(Duration.ofSeconds(10)).until(() -> h.peer.scriptWaitsFor(action.getAction()));
    h.ami.link().send(action, r -> { });
  }

  @Test
  void aCheckInOrHappyCallTheSeniorDoesNotAnswerIsReportedWithAsterisksReason() throws Exception {
    // 04b: the originated leg rings and is never answered: OriginateResponse Failure, Reason 3.
    try (AmiHarness h = new AmiHarness(AmiReplayPeer.start("04b-originate-noanswer"), false).start().awaitReady()) {
      java.util.List<String> failed = new java.util.concurrent.CopyOnWriteArrayList<>();
      h.ami.onOriginateFailed((contact, reason) -> failed.add(contact.value() + " " + reason));
      h.ami.callControl().originate(new org.onenumber.core.port.out.OutboundCall(new ContactId("hc-9"),
          new org.onenumber.core.citizen.CitizenIdentity.Phone("+821012345678"),
          org.onenumber.core.directory.Language.KOREAN, "happy-call", false));
      assertEquals("onenumber-checkin", h.awaitAction("Originate").get("Context"));
      await().atMost(java.time.Duration.ofSeconds(20)).until(() -> !failed.isEmpty());
      assertEquals(java.util.List.of("hc-9 3"), failed);
    }
  }

  @Test
  void aConsultCompletedBeforeTheConsultLegAnsweredJoinsTheCallerToTheRoom() throws Exception {
    // 04b: the originated leg rings (8 s) and is never answered (OriginateResponse Failure, its
    // Channel only the dial string), so the consult leg's name is never known; as in 05b the caller
    // then joins the room, where an originated leg would join when it answers.
    try (AmiHarness h = given("04b-originate-noanswer", "PJSIP/caller-0000000f", "PJSIP/agent-001-00000010")) {
      // Completed at once, before the peer can answer the Originate (its Failure would make the
      // consult refuse completion, see completingAConsultWhoseLegWasNotReachedIsRefused).
      h.ami.callControl().consult(C1, "02-120-3000");
      String room = h.ami.callControl().consultRoomOf(C1).orElseThrow();
      h.ami.callControl().completeConsult(C1);
      assertEquals(new CallSignal.Hold(), signal());
      assertEquals("Local/021203000@onenumber-outbound", h.awaitAction("Originate").get("Channel"));
      assertEquals(new CallSignal.Conference(room), signal());
      assertEquals("PJSIP/agent-001-00000010", h.awaitAction("Hangup").get("Channel"));
      assertEquals(null, h.calls.byContact(C1).orElseThrow().agentChannel());
    }
  }

  /**
   * A call adopted after a restart (07a's bridged caller and operator, as {@link RestartSweep} keeps
   * it) over the 05b peer. The dual {@code Redirect} ({@code ExtraChannel}) is not in the captures:
   * it is 05a's {@code Redirect} with the operator's leg moved in the same action, answered as recorded.
   */
  private AmiHarness adopted() {
    AmiHarness h = new AmiHarness(AmiReplayPeer.start("05b-confbridge-3way"), false).start().awaitReady();
    AsteriskCalls.Call call = new AsteriskCalls.Call(C1, "PJSIP/caller-00000014", "1796161588.22", "1796161588.22")
        .withAgentChannel("PJSIP/agent-001-00000015");
    mailbox = call.mailbox();
    h.calls.adopt(call);
    return h;
  }

  @Test
  void theFirstControlOfAnAdoptedCallTakesTheCallerBackIntoASessionWithTheOperatorLegMovedAlongside()
      throws Exception {
    try (AmiHarness h = adopted()) {
      h.ami.callControl().hold(C1);
      assertEquals(new CallSignal.Hold(), signal());
      Map<String, String> redirect = h.awaitAction("Redirect");
      assertEquals("PJSIP/caller-00000014", redirect.get("Channel"));
      assertEquals("onenumber-rejoin", redirect.get("Context"));
      assertEquals("s", redirect.get("Exten"));
      assertEquals("PJSIP/agent-001-00000015", redirect.get("ExtraChannel"));
      assertEquals("onenumber-agent-hold", redirect.get("ExtraContext"));
      assertTrue(!h.calls.adopted(C1), "the session conducts it from now on");
      h.ami.callControl().resume(C1);
      assertEquals(new CallSignal.Resume("PJSIP/agent-001-00000015"), signal());
      assertEquals(1, h.peer.actions("Redirect").size(), "resume of a rejoined call is the session's Bridge");
    }
  }

  @Test
  void anAdoptedCallTransferredOutHasItsCallerTakenBackThenTheOperatorLegHungUp() throws Exception {
    try (AmiHarness h = adopted()) {
      h.ami.callControl().transfer(C1, "02-120-3000");
      assertEquals(new CallSignal.Transfer("Local/021203000@onenumber-outbound"), signal());
      Map<String, String> redirect = h.awaitAction("Redirect");
      assertEquals("PJSIP/caller-00000014", redirect.get("Channel"));
      assertEquals("onenumber-rejoin", redirect.get("Context"));
      assertEquals(null, redirect.get("ExtraChannel"));
      assertEquals("PJSIP/agent-001-00000015", h.awaitAction("Hangup").get("Channel"));
    }
  }

  @Test
  void answeredCallIsRecordedWithTheFileNameAsteriskReportsWhenAllowed() {
    try (AmiHarness h = connected("06-mixmonitor", "PJSIP/caller-00000012", "PJSIP/agent-001-00000013")) {
      Map<String, String> mix = h.awaitAction("MixMonitor");
      assertEquals("PJSIP/caller-00000012", mix.get("Channel"));
      assertEquals("b", mix.get("Options"));
      await().atMost(Duration.ofSeconds(10)).until(() -> !h.recorded.isEmpty());
      assertEquals("started c1 /var/spool/asterisk/monitor/cc-rec-demo-0001.wav", h.recorded.get(0));
    }
  }

  @Test
  void callIsNotRecordedWithoutConsent() {
    try (AmiHarness h = new AmiHarness(AmiReplayPeer.start("06-mixmonitor").holdScript(), false)) {
      h.recordingAllowed = false;
      h.start().awaitReady();
      h.calls.open(new AsteriskCalls.Call(C1, "PJSIP/caller-00000012", "u1", "u1"));
      h.peer.play();
      await().atMost(Duration.ofSeconds(10)).until(() -> h.ami.events().bridged("PJSIP/caller-00000012"));
      h.ami.callControl().hangUp(C1);
      assertEquals("PJSIP/caller-00000012", h.awaitAction("Hangup").get("Channel"));
      assertTrue(h.peer.actions("MixMonitor").isEmpty());
      assertTrue(h.recorded.isEmpty());
    }
  }

  private CallSignal signal() throws InterruptedException {
    return mailbox.poll(5, java.util.concurrent.TimeUnit.SECONDS);
  }
}
