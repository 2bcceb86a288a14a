package org.onenumber.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.onenumber.server.faults.ClusterCallParties.millisSince;
import static org.onenumber.server.faults.ClusterClients.offer;
import static org.onenumber.server.faults.ClusterClients.type;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.onenumber.server.JsonFrames;

/**
 * A call's home killed with every socket of the call, and nobody comes back (issue 11, session 23). node-a runs as
 * a server JVM (routing's first owner, the call's home: the citizen's socket and op-034's call socket are there);
 * node-b runs in this JVM, with op-034's console. node-a gets SIGKILL. The citizen's grace timer died with node-a,
 * so nothing ended the contact before: it stayed CONNECTED, op-034 busy with a call that no longer existed, and its
 * {@code call_home} row stayed. Now node-b's sweep ({@code onenumber.call.claim-sweep-every} 1 s here) sees that
 * node-a has not beaten for longer than the grace period (3 s here) and that no node holds the call: the contact is
 * ended as a citizen who did not come back (CLOSED by {@code channel}, once), its row goes in the next round, and
 * op-034 is offered the next call. Prints the time from the kill to each. Before the kill node-a is frozen
 * (SIGSTOP) for longer than the grace: it keeps its bus subscriptions, so its call is not ended meanwhile.
 */
class CallHomeKilledNobodyBackPostgresIT {

  /** From the kill: the lease's 3 s, the 3 s grace, a sweep round and routing's takeover, on a loaded machine. */
  private static final Duration ENDED = Duration.ofSeconds(60);

  private final ClusterCallParties parties = new ClusterCallParties();

  @Test
  void aCallWhoseHomeDiedWithItsSocketsEndsAfterTheGraceAndItsClaimIsSwept() throws Exception {
    try (TestCluster cluster = TestCluster.onePartition("calls23_home_swept", "node-a", "node-b")
        .with("onenumber.call.claim-sweep-every", "1s").with("onenumber.call.reconnect-grace", "3s")) {
      ServerProcess home = cluster.process("node-a").start();
      URI a = home.uri();
      URI b = ClusterCallParties.embedded(cluster, "node-b");

      var op034 = parties.signIn(b, "op-034");
      JsonFrames citizen = parties.socket(a, "/ws/call");
      String call = parties.startCall(citizen, "calls23-swept-01", op034);
      parties.join(a, op034, call);
      assertEquals(List.of("node-a"), cluster.column("select node from call_home where contact_id = ?", call));

      // frozen, not dead: node-a misses its heartbeats for well over the grace, but keeps its bus subscriptions
      // (Hazelcast's heartbeat limit is 60 s): the sweep's ping gets no answer in time, not "no handler", and the
      // call is left alone
      home.pause();
      Awaitility.await("node-a silent for the grace and 5 s more").atMost(ENDED).pollInterval(Duration.ofMillis(100))
          .until(() -> cluster.column("select node from routing_node where node = ? and seen_until < now() - interval"
              + " '8 seconds'", "node-a").size() == 1);
      assertEquals(List.of("CONNECTED"), cluster.column("select upper(state) from contact where id = ?", call),
          "a frozen home's call is not ended");
      home.resume();
      Awaitility.await("node-a beats again").atMost(ENDED).pollInterval(Duration.ofMillis(100)).until(() ->
          cluster.column("select node from routing_node where node = ? and seen_until > now()", "node-a").size() == 1);

      long killed = System.nanoTime();
      home.kill();

      Awaitility.await("the contact ended").atMost(ENDED).pollInterval(Duration.ofMillis(50)).until(() ->
          cluster.column("select upper(state) from contact where id = ?", call).equals(List.of("CLOSED")));
      long ended = millisSince(killed);
      Awaitility.await("the claim swept").atMost(ENDED).pollInterval(Duration.ofMillis(50)).until(() ->
          cluster.column("select node from call_home where contact_id = ?", call).isEmpty());
      long swept = millisSince(killed);
      assertEquals(List.of("channel"), cluster.column("select actor from contact_step where contact_id = ?"
          + " and upper(state) = 'CLOSED'", call), "one CLOSED step: the citizen did not come back");

      // op-034 is free again: the next call is offered to them
      JsonFrames next = parties.socket(b, "/ws/call");
      next.send(Map.of("type", "start", "mode", "sign", "language", "en", "caller", "calls23-swept-02"));
      String second = (String) next.await(type("session")).get("contactId");
      op034.console().await(f -> "offer".equals(f.get("type")) && second.equals(offer(f).get("contactId")));
      long offered = millisSince(killed);
      System.out.printf("home killed, nobody back: contact ended %d ms after the SIGKILL, claim swept %d ms, the"
          + " operator's next offer %d ms%n", ended, swept, offered);
    }
  }
}
