package org.onenumber.telephony.asterisk;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.testkit.asterisk.AmiReplayPeer;

/**
 * The restart sweep against capture 07a (a caller bridged with agent-001 while the server was down)
 * over the AMI replay peer; the not-bridged caller of case 2c is derived from 07a (the same
 * channels before the bridge, BridgeId empty).
 */
class RestartSweepTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Instant EARLIER = Instant.now().minusSeconds(600);
  private static final ContactId WAITING = new ContactId("waiting");
  private static final ContactId LIVE = new ContactId("live");
  private static final ContactId GONE = new ContactId("gone");
  // 07a's call, as the previous run kept it (its operator leg had another name then).
  private static final AsteriskCalls.Call LIVE_CALL =
      new AsteriskCalls.Call(LIVE, "PJSIP/caller-00000014", "1796161588.22", "1796161588.22")
          .withAgentChannel("PJSIP/agent-001-00000015");

  @Test
  void waitingCallsOfThePreviousRunAreAbandonedAtStartAndBridgedOnesAdoptedOrEndedAtTheFirstReconcile()
      throws Exception {
    MapCarriedCalls store = new MapCarriedCalls();
    store.opened(new AsteriskCalls.Call(WAITING, "PJSIP/caller-00000010", "1796161500.10", "1796161500.10"), EARLIER);
    store.opened(LIVE_CALL, EARLIER);
    store.opened(new AsteriskCalls.Call(GONE, "PJSIP/caller-00000012", "1796161550.12", "1796161550.12")
        .withAgentChannel("PJSIP/agent-002-00000013"), EARLIER);
    try (AmiHarness h = new AmiHarness(AmiReplayPeer.start("07a-reconcile-liveness").holdScript().callUp(true),
        store)) {
      assertEquals(List.of(new RoutingCommand.Abandon(WAITING, RestartSweep.LOST)), h.routing.commands(),
          "case 1 needs no AMI");
      assertEquals(new RestartSweep.Outcome(1, 0, 2), h.sweep.outcome());

      h.start().awaitUp();
      h.peer.play();
      await().atMost(WAIT).until(() -> h.ami.lastReconcile().startsWith("live=2"));
      assertEquals(List.of(new RoutingCommand.Abandon(WAITING, RestartSweep.LOST),
          new RoutingCommand.Abandon(GONE, RestartSweep.LOST)), h.awaitCommands(2));
      assertEquals(new RestartSweep.Outcome(2, 1, 0), h.sweep.outcome());
      AsteriskCalls.Call adopted = h.calls.byContact(LIVE).orElseThrow();
      assertEquals("PJSIP/agent-001-00000015", adopted.agentChannel());
      assertTrue(h.calls.adopted(LIVE));
      assertEquals("live=2 ended=0 legsCleared=0 untracked=0", h.ami.lastReconcile());
      assertTrue(h.calls.flush(WAIT.toMillis()));
      assertEquals(List.of("live"), store.contacts(), "ended calls are forgotten, the adopted one kept");
      assertTrue(h.peer.actions("Hangup").isEmpty(), "no live caller was hung up");

      // The adopted call ends while AMI is away: the next reconcile ends its contact normally.
      h.peer.callUp(false);
      h.peer.drop();
      await().atMost(WAIT).until(() -> h.ami.status().connects() == 2 && h.ami.status().up());
      assertEquals(new RoutingCommand.Abandon(LIVE, RestartSweep.ENDED), h.awaitCommands(3).get(2));
      assertFalse(h.calls.byContact(LIVE).isPresent());
      assertTrue(h.calls.flush(WAIT.toMillis()));
      assertEquals(List.of(), store.contacts());
    }
  }

  /**
   * Issue 17: a session ends before routing journals its caller's abandon; the server stops in
   * between. The call's row outlived the session, so the next start abandons the contact (case 1)
   * and forgets the row once that abandon is journaled.
   */
  @Test
  void aCallWhoseAbandonWasNotJournaledBeforeTheStopIsAbandonedAtTheNextStart() throws Exception {
    MapCarriedCalls store = new MapCarriedCalls();
    ContactId hungUp = new ContactId("hung-up");
    try (AsteriskCalls before = new AsteriskCalls(store, java.time.InstantSource.fixed(EARLIER))) {
      before.open(new AsteriskCalls.Call(hungUp, "PJSIP/caller-00000020", "1796161600.20", "1796161600.20"));
      before.close(hungUp, new java.util.concurrent.CompletableFuture<>()); // never journaled: the server stops
      assertTrue(before.flush(WAIT.toMillis()));
    }
    assertEquals(List.of("hung-up"), store.contacts(), "the row outlives the session");

    RecordingRoutes routing = new RecordingRoutes();
    try (AsteriskCalls after = new AsteriskCalls(store, java.time.InstantSource.system())) {
      RestartSweep sweep = new RestartSweep(store, after, routing, java.time.InstantSource.system());
      assertEquals(new RestartSweep.Outcome(1, 0, 0), sweep.start());
      assertEquals(List.of(new RoutingCommand.Abandon(hungUp, RestartSweep.LOST)), routing.commands());
      assertTrue(after.flush(WAIT.toMillis()));
      assertEquals(List.of(), store.contacts(), "forgotten once the abandon is journaled");
    }
  }

  @Test
  void aCallerUpButNotBridgedWithAnOperatorIsHungUpAndAbandoned() {
    MapCarriedCalls store = new MapCarriedCalls();
    store.opened(LIVE_CALL, EARLIER);
    RecordingRoutes routing = new RecordingRoutes();
    AsteriskCalls calls = new AsteriskCalls(store, java.time.Clock.systemUTC());
    RestartSweep sweep = new RestartSweep(store, calls, routing, java.time.Clock.systemUTC());
    assertEquals(new RestartSweep.Outcome(0, 0, 1), sweep.start());
    List<String> hungUp = new ArrayList<>();
    List<LiveChannel> ringing = List.of(
        new LiveChannel("PJSIP/caller-00000014", "1796161588.22", "1796161588.22", ""),
        new LiveChannel("PJSIP/agent-001-00000015", "1796161588.23", "1796161588.22", ""));
    assertEquals(new RestartSweep.Outcome(1, 0, 0), sweep.reconcile(ringing, hungUp::add));
    assertEquals(List.of("PJSIP/caller-00000014"), hungUp);
    assertEquals(List.of(new RoutingCommand.Abandon(LIVE, RestartSweep.LOST)), routing.commands());
    assertTrue(calls.byContact(LIVE).isEmpty());
    calls.close();
  }

  /**
   * Derived from 07a (the call's linkedid, the operator leg's name) and 05b (ConfBridge members share
   * the room's BridgeUniqueid): the caller's session ended with the server during a consult, so the
   * caller is gone, while the operator's leg and the consulted party are still in the consult room.
   */
  @Test
  void theLegsOfACallWhoseCallerIsGoneAreHungUpWithTheConsultedPartyInTheirRoom() {
    MapCarriedCalls store = new MapCarriedCalls();
    store.opened(LIVE_CALL, EARLIER);
    RecordingRoutes routing = new RecordingRoutes();
    AsteriskCalls calls = new AsteriskCalls(store, java.time.Clock.systemUTC());
    RestartSweep sweep = new RestartSweep(store, calls, routing, java.time.Clock.systemUTC());
    sweep.start();
    String room = "5b10e2d4-25bd-4735-bf70-b6a985dbed93";
    List<LiveChannel> consultRoom = List.of(
        new LiveChannel("PJSIP/agent-001-00000015", "1796161588.23", "1796161588.22", room),
        new LiveChannel("PJSIP/agent-002-00000019", "1796161600.30", "1796161600.30", room),
        new LiveChannel("PJSIP/caller-00000020", "1796161700.40", "1796161700.40", "b5925f64-91fd-4e26-936e-2710c44de1e1"));
    List<String> hungUp = new ArrayList<>();
    assertEquals(new RestartSweep.Outcome(1, 0, 0), sweep.reconcile(consultRoom, hungUp::add));
    assertEquals(List.of("PJSIP/agent-001-00000015", "PJSIP/agent-002-00000019"), hungUp,
        "the operator's leg and the consulted party; another call's channel untouched");
    assertEquals(List.of(new RoutingCommand.Abandon(LIVE, RestartSweep.LOST)), routing.commands());
    calls.close();
  }

  @Test
  void callsOpenedByThisRunAreNeverSwept() {
    MapCarriedCalls store = new MapCarriedCalls();
    RecordingRoutes routing = new RecordingRoutes();
    AsteriskCalls calls = new AsteriskCalls(store, java.time.Clock.systemUTC());
    RestartSweep sweep = new RestartSweep(store, calls, routing, java.time.Clock.systemUTC());
    store.opened(new AsteriskCalls.Call(WAITING, "PJSIP/caller-00000010", "1", "1"), Instant.now().plusSeconds(1));
    assertEquals(new RestartSweep.Outcome(0, 0, 0), sweep.start());
    assertEquals(List.of(), routing.commands());
    calls.close();
  }
}
