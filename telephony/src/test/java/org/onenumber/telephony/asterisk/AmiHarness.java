package org.onenumber.telephony.asterisk;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.testkit.FakeAgentDevices;
import org.onenumber.testkit.asterisk.AmiReplayPeer;

/** One AMI adapter against one replay peer, with a routing recorder, devices and a recordings log. */
final class AmiHarness implements AutoCloseable {

  final AmiReplayPeer peer;
  final RecordingRoutes routing = new RecordingRoutes();
  final FakeAgentDevices devices = new FakeAgentDevices();
  final AsteriskCalls calls;
  final List<String> recorded = new CopyOnWriteArrayList<>();
  final AsteriskAmi ami;
  final RestartSweep sweep;
  volatile boolean recordingAllowed = true;

  AmiHarness(AmiReplayPeer peer, boolean acceptOnDialEnd) {
    this(peer, settings(peer, acceptOnDialEnd));
  }

  AmiHarness(AmiReplayPeer peer, AmiSettings settings) {
    this(peer, settings, CarriedCalls.NONE);
  }

  /** With calls kept in {@code store}: its calls of an earlier run are swept ({@link #sweep}, started). */
  AmiHarness(AmiReplayPeer peer, CarriedCalls store) {
    this(peer, settings(peer, false), store);
  }

  private AmiHarness(AmiReplayPeer peer, AmiSettings settings, CarriedCalls store) {
    this.peer = peer;
    this.calls = store == CarriedCalls.NONE ? new AsteriskCalls() : new AsteriskCalls(store, java.time.Clock.systemUTC());
    this.sweep = store == CarriedCalls.NONE ? null : new RestartSweep(store, calls, routing, java.time.Clock.systemUTC());
    if (sweep != null) {
      sweep.start();
    }
    CallRecordings log = new CallRecordings() {
      @Override
      public boolean allowed(ContactId contact) {
        return recordingAllowed;
      }

      @Override
      public void started(ContactId contact, String file, Instant at) {
        recorded.add("started " + contact + " " + file);
      }

      @Override
      public void stopped(ContactId contact, Instant at) {
        recorded.add("stopped " + contact);
      }
    };
    this.ami = new AsteriskAmi(settings, calls, devices, routing, log, java.time.Clock.systemUTC(), sweep);
  }

  private static AmiSettings settings(AmiReplayPeer peer, boolean acceptOnDialEnd) {
    return AmiSettings.loopback(peer.port(), AmiReplayPeer.USERNAME, AmiReplayPeer.SECRET)
        .withBackoff(Duration.ofMillis(50), Duration.ofMillis(400)).withAcceptOnDialEnd(acceptOnDialEnd);
  }

  AmiHarness start() {
    ami.start();
    return this;
  }

  AmiHarness awaitUp() {
    await().atMost(Duration.ofSeconds(10)).until(() -> ami.status().up());
    return this;
  }

  /** Waits until logged in and the first reconcile is done (calls opened after this are not reconciled away). */
  AmiHarness awaitReady() {
    awaitUp();
    await().atMost(Duration.ofSeconds(10)).until(() -> !"none yet".equals(ami.lastReconcile()));
    return this;
  }

  /** Waits until routing got at least {@code n} commands, and returns them. */
  List<RoutingCommand> awaitCommands(int n) {
    await().atMost(Duration.ofSeconds(10)).until(() -> routing.commands().size() >= n);
    return routing.commands();
  }

  Map<String, String> awaitAction(String name) {
    await().atMost(Duration.ofSeconds(10)).until(() -> !peer.actions(name).isEmpty());
    return peer.actions(name).get(0);
  }

  @Override
  public void close() {
    ami.close();
    calls.close();
    peer.close();
  }
}
