package org.onenumber.telephony.asterisk;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.testkit.asterisk.AmiReplayPeer;

/** Login, loss, reconnect and reconcile, against 07a–c and a connection dropped mid-call. */
class AmiConnectionTest {

  private static final ContactId LIVE = new ContactId("live");
  private static final ContactId GONE = new ContactId("gone");
  private static final AgentId A1 = new AgentId("a1");
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void reconcileAbandonsACallWhoseChannelIsGoneAndKeepsTheLiveOne() {
    try (AmiHarness h = new AmiHarness(AmiReplayPeer.start("07a-reconcile-liveness").holdScript(), false)) {
      h.calls.open(new AsteriskCalls.Call(LIVE, "PJSIP/caller-00000014", "1796161588.22", "1796161588.22"));
      h.calls.open(new AsteriskCalls.Call(GONE, "PJSIP/caller-00000099", "x", "x"));
      h.start().awaitUp();
      h.peer.play();
      assertEquals(List.of(new RoutingCommand.Abandon(GONE)), h.awaitCommands(1));
      await().atMost(WAIT).until(() -> h.ami.lastReconcile().startsWith("live=2"));
      assertEquals("live=2 ended=1 legsCleared=0 untracked=0", h.ami.lastReconcile());
      assertTrue(h.calls.byContact(LIVE).isPresent());
      assertTrue(h.calls.byContact(GONE).isEmpty());
    }
  }

  @Test
  void wrongSecretIsRefusedReportedDownAndRetriedWithBackoff() {
    AmiReplayPeer peer = AmiReplayPeer.start("07b-login-wrong-secret").loginFailureDelay(Duration.ofMillis(20));
    AmiSettings wrong = AmiSettings.loopback(peer.port(), AmiReplayPeer.USERNAME, "wrong-secret")
        .withBackoff(Duration.ofMillis(20), Duration.ofMillis(100));
    try (AmiHarness h = new AmiHarness(peer, wrong).start()) {
      await().atMost(WAIT).until(() -> peer.connectionsAccepted() >= 3);
      AmiStatus status = h.ami.status();
      assertEquals(AmiStatus.State.DOWN, status.state());
      assertTrue(status.detail().contains("Authentication failed"), status.detail());
      assertTrue(!status.detail().contains("wrong-secret"));
    }
  }

  @Test
  void asteriskDownAtStartIsReportedDownAndRetried() throws Exception {
    int port;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    AmiSettings settings = AmiSettings.loopback(port, AmiReplayPeer.USERNAME, AmiReplayPeer.SECRET)
        .withBackoff(Duration.ofMillis(20), Duration.ofMillis(100));
    AmiReplayPeer nobody = AmiReplayPeer.start("07c-core-restart");
    try (AmiHarness h = new AmiHarness(nobody, settings).start()) {
      await().atMost(WAIT).until(() -> h.ami.status().state() == AmiStatus.State.DOWN);
      assertTrue(h.ami.status().detail().startsWith("login failed"), h.ami.status().detail());
    }
  }

  @Test
  void asteriskRestartIsSeenAsDownThenReconnectedAndReconciled() {
    try (AmiHarness h = new AmiHarness(AmiReplayPeer.start("07c-core-restart").holdScript().callUp(true), false)) {
      h.calls.open(new AsteriskCalls.Call(LIVE, "PJSIP/caller-00000014", "1796161588.22", "1796161588.22"));
      h.start().awaitUp();
      await().atMost(WAIT).until(() -> h.ami.lastReconcile().startsWith("live=2"));
      h.calls.open(new AsteriskCalls.Call(GONE, "PJSIP/caller-00000099", "x", "x"));
      h.peer.play();
      await().atMost(WAIT).until(() -> h.ami.status().connects() == 2 && h.ami.status().up());
      assertEquals(List.of(new RoutingCommand.Abandon(GONE)), h.awaitCommands(1));
      assertTrue(h.calls.byContact(LIVE).isPresent());
      assertEquals(2, h.peer.connectionsAccepted());
    }
  }

  @Test
  void connectionLostMidCallReconnectsAndAbandonsTheCallThatEndedMeanwhile() throws Exception {
    try (AmiHarness h = new AmiHarness(AmiReplayPeer.start("07a-reconcile-liveness").holdScript().callUp(true), true)) {
      h.devices.put(A1, "PJSIP/agent-001");
      h.start().awaitUp();
      AsteriskCalls.Call call = new AsteriskCalls.Call(LIVE, "PJSIP/caller-00000014", "1796161588.22", "1796161588.22");
      h.calls.open(call);
      h.peer.play();
      assertEquals(List.of(new RoutingCommand.Accept(A1, LIVE)), h.awaitCommands(1));
      await().atMost(WAIT).until(() -> h.ami.lastReconcile().startsWith("live=2"));
      h.peer.callUp(false);
      h.peer.drop();
      await().atMost(WAIT).until(() -> h.ami.status().connects() == 2 && h.ami.status().up());
      assertEquals(List.of(new RoutingCommand.Accept(A1, LIVE), new RoutingCommand.Abandon(LIVE)), h.awaitCommands(2));
      assertEquals(new CallSignal.HangUp(), call.mailbox().poll());
      assertTrue(h.calls.byContact(LIVE).isEmpty());
    }
  }
}
