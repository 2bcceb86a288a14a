package org.onenumber.server.telephony;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.testkit.FastAgiCaller;

/**
 * Asterisk restarts under the running server with one call connected and one waiting: the AMI
 * peer plays capture 07c ({@code Shutdown} with {@code Restart: True}, the connection closes, a new
 * banner and login, {@code FullyBooted}); the reconcile after the new login asks {@code
 * CoreShowChannels}, answered as recorded in 07a, where neither call's channels are. 07c had no
 * call up; that a restart ends every channel (and so the FastAGI sessions' callers, which hang up
 * afterwards here, as in 02) is derived. Both contacts end exactly once (one terminal journal step
 * each), none is left in the registry, and the second {@code Abandon}/{@code WrapUp} a session
 * reports afterwards changes nothing. Run on H2 and on PostgreSQL (the subclasses).
 */
abstract class AsteriskRestartTestBase extends AsteriskPeerTestBase {

  private static final Set<String> TERMINAL = Set.of("CLOSED", "ABANDONED");

  @Test
  void callsInProgressWhenAsteriskRestartsEndOnceAndNoneIsLeftBehind() throws Exception {
    awaitAmiReady();
    String supervisor = http.login(server, "sv-01");
    String operator = http.login(server, "op-022");
    logInToEnglish("op-022", operator);
    FastAgiCaller talking = caller("PJSIP/caller-00000501", "1796162000.501", "01055500501").start();
    talking.await("EXEC Dial PJSIP/op-022,", WITHIN);
    String connected = contactOf(talking);
    await().atMost(WITHIN).until(() -> "CONNECTED".equals(contact(connected, supervisor).get("state")));
    FastAgiCaller waiting = caller("PJSIP/caller-00000502", "1796162000.502", "01055500502");
    String queued = waitingContact(waiting);
    await().atMost(WITHIN).until(() -> "QUEUED".equals(contact(queued, supervisor).get("state")));

    int connects = ami.status().connects();
    peer.play();
    await().atMost(WITHIN).until(() -> ami.status().connects() > connects && ami.status().up()
        && ami.lastReconcile().contains("ended=2"));
    // The restart ended both channels: the callers' sessions see it afterwards.
    hangUp(talking);
    hangUp(waiting);
    talking.awaitClosed(WITHIN);
    waiting.awaitClosed(WITHIN);

    for (String contact : List.of(connected, queued)) {
      await().atMost(WITHIN).until(() -> TERMINAL.contains((String) contact(contact, supervisor).get("state")));
      assertTrue(calls.all().stream().noneMatch(c -> c.contact().value().equals(contact)), "not left in the registry");
    }
    // A late report from a session changes nothing: still one terminal step each.
    await().pollDelay(Duration.ofSeconds(1)).atMost(WITHIN).until(() -> true);
    assertEquals(1, terminalSteps(connected, supervisor), steps(connected, supervisor).toString());
    assertEquals(1, terminalSteps(queued, supervisor), steps(queued, supervisor).toString());
    assertEquals("ABANDONED", contact(queued, supervisor).get("state"), "the waiting caller is counted as abandoned once");
    Map<String, Object> free = send("GET", "/api/v1/agents/op-022", null, supervisor);
    assertTrue(!"BUSY".equals(free.get("state")), "the operator is not left busy with a call that is gone: " + free);
  }

  /** The caller's channel died with the restart; a session that already hung up has closed the socket. */
  private static void hangUp(FastAgiCaller caller) {
    try {
      caller.hangUp();
    } catch (IOException e) {
      // already closed by the session (it was told to hang up by the reconcile)
    }
  }

  private long terminalSteps(String contact, String token) throws Exception {
    return steps(contact, token).stream().filter(s -> TERMINAL.contains((String) s.get("state"))).count();
  }
}
