package org.onenumber.server.telephony;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.onenumber.server.TestHttp;
import org.onenumber.telephony.asterisk.AsteriskAmi;
import org.onenumber.telephony.asterisk.AsteriskCalls;
import org.onenumber.testkit.FastAgiCaller;
import org.onenumber.testkit.FastAgiCaller.DialOutcome;
import org.onenumber.testkit.asterisk.AmiReplayPeer;

/**
 * The running server wired to a local Asterisk of its own for a whole test class: the AMI replay
 * peer of capture 07c (held after login, answering the actions the server sends as recorded) and
 * a free FastAGI port the test's {@link FastAgiCaller}s call. Subclasses name the database (and any
 * further properties) in {@link #database()}; the helpers read contacts through the API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AsteriskPeerTestBase implements TestPropertyProvider {

  static final Duration WITHIN = Duration.ofSeconds(20);

  @Inject
  EmbeddedServer server;

  @Inject
  AsteriskCalls calls;

  @Inject
  AsteriskAmi ami;

  final TestHttp http = new TestHttp();
  final int agiPort = AsteriskPeers.freePort();
  final AmiReplayPeer peer = AmiReplayPeer.start("07c-core-restart").holdScript();

  /** The datasource properties of a fresh database, and any further properties of the subclass. */
  abstract Map<String, String> database();

  @Override
  public Map<String, String> getProperties() {
    return AsteriskPeers.properties(database(), agiPort, peer);
  }

  @AfterAll
  void stopPeer() {
    peer.close();
  }

  /** Waits until AMI is logged in and the first reconcile has run. */
  void awaitAmiReady() {
    await().atMost(WITHIN).until(() -> ami.status().up() && !"none yet".equals(ami.lastReconcile()));
  }

  /** A caller from the captures on the IVR script who presses 2 (English) and 1 (an operator); every Dial answered. */
  FastAgiCaller caller(String channel, String uniqueId, String number) throws IOException {
    return FastAgiCaller.call(InetAddress.getLoopbackAddress(), agiPort,
        FastAgiCaller.environment(channel, uniqueId, number, "ivr")).press("2", "1").onDial(device -> DialOutcome.ANSWER);
  }

  /** Starts the caller and waits until the call waits in line (music on hold): its contact. */
  String waitingContact(FastAgiCaller caller) throws Exception {
    caller.start().await("EXEC StartMusicOnHold", WITHIN);
    return contactOf(caller);
  }

  /** Logs the operator in to the english queue (the token is theirs). */
  void logInToEnglish(String agent, String token) throws Exception {
    Map<String, Object> body = send("POST", "/api/v1/agents/" + agent + "/login", "{\"queues\":[\"english\"]}", token);
    assertTrue(!body.containsKey("error"), body.toString());
  }

  /** The contact the caller's call became, once the session has registered it. */
  String contactOf(FastAgiCaller caller) {
    String uniqueId = caller.environment().get("agi_uniqueid");
    await().atMost(WITHIN).until(() -> calls.all().stream().anyMatch(c -> c.uniqueId().equals(uniqueId)));
    return calls.all().stream().filter(c -> c.uniqueId().equals(uniqueId)).findFirst().orElseThrow().contact().value();
  }

  /** The operator's leg of the contact's call, as AMI and the session know it. */
  String agentChannel(String contact) {
    return calls.all().stream().filter(c -> c.contact().value().equals(contact)).findFirst().orElseThrow()
        .agentChannel();
  }

  Map<String, Object> contact(String id, String token) throws Exception {
    return send("GET", "/api/v1/contacts/" + id, null, token);
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> steps(String contact, String token) throws Exception {
    return (List<Map<String, Object>>) contact(contact, token).get("steps");
  }

  Map<String, Object> send(String method, String path, String body, String token)
      throws IOException, InterruptedException {
    return AsteriskPeers.send(http, server, method, path, body, token);
  }
}
