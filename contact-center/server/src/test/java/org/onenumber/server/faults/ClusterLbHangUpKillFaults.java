package org.onenumber.server.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hang-ups relayed until journaled to a partition owner that is killed with SIGKILL mid-way (issue 11,
 * session 16; {@code UntilJournaledTakeoverPostgresIT} stops the owner in-JVM only). The cluster of
 * {@link LbFaultRun} behind HAProxy under its load; before the kill, {@value #CALLERS} citizens start
 * browser calls through HAProxy into the busiest partition's queue (voice in Korean: general-ko, {@code
 * city}; sign: sign-language-video, {@code routing}) and wait; then one hangs up every {@value #GAP_MS}
 * ms ({@link CallHangUps}). A hang-up on a node that does not own the partition is relayed to the owner
 * over the bus and tried again until journaled ({@code RoutingHost.routeUntilJournaled}). After {@value
 * #BEFORE_KILL} hang-ups the owner is killed: the relays in flight and those sent until a survivor takes
 * the partition over find no owner and must be tried again there. Checked: every caller whose socket
 * stayed open heard {@code ended} and has exactly one ABANDONED step in the journal; no contact has two;
 * the callers whose socket was on the killed node ({@code broken}: calls live in a node's memory) have
 * at most one. Meanwhile the operators wrap up each SMS they accept as the console does ({@link
 * OperatorWrapUps}, session 17), also while the owner is dead: every wrap-up acknowledged is journaled
 * exactly once (its step, note and disposition), none twice. Not in the default run (three server JVMs); run by {@code bin/faults
 * cluster-lb-hangup-kill}. Prints {@code RESULT faults scenario=cluster-lb-hangup-kill …}.
 */
class ClusterLbHangUpKillFaults {

  static final int CALLERS = 40;
  static final int GAP_MS = 100;
  static final int BEFORE_KILL = 12;

  @Test
  void hangUpsRelayedToAnOwnerKilledMidWayAreJournaledOnceEach() throws Exception {
    String run = "hk" + ProcessHandle.current().pid() % 1000;
    LbFaultRun.run("cluster-lb-hangup-kill", "cluster_lb_hangup_kill", "kill", new OperatorWrapUps(), (victim, watch) -> {
      String mode = "city".equals(watch.partition()) ? "voice" : "sign";
      CallHangUps calls = new CallHangUps(watch.haproxy().uri(), run).start(CALLERS, mode);
      try {
        String queue = queueOf(watch.database(), calls.contacts().get(0));
        assertEquals("city".equals(watch.partition()), Set.of("general-ko", "messaging-ko").contains(queue),
            "the calls wait in " + queue + ", in the partition of the node to be killed (" + watch.partition() + ")");
        calls.hangUpEvery(Duration.ofMillis(GAP_MS));
        await("hang-ups before the kill").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
            .until(() -> calls.hungUp() >= BEFORE_KILL);
        long killed = System.nanoTime();
        victim.kill();
        watch.run(killed);
        calls.awaitEnded(Duration.ofSeconds(60));
        Map<String, Integer> steps = CallHangUps.abandonedSteps(watch.database(), calls.contacts());
        List<String> broken = calls.broken();
        List<String> ended = calls.ended();
        List<String> lost = calls.contacts().stream().filter(c -> !broken.contains(c)
            && (!ended.contains(c) || steps.get(c) != 1)).toList();
        List<String> twice = steps.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("calls", String.valueOf(CALLERS));
        figures.put("call_queue", queue);
        figures.put("hung_up", String.valueOf(calls.hungUp()));
        figures.put("hung_up_after_kill", String.valueOf(calls.hungUpAfter(killed)));
        figures.put("hangups_ended", String.valueOf(ended.size()));
        figures.put("calls_on_killed_node", String.valueOf(broken.size()));
        figures.put("hangups_journaled_once", String.valueOf(steps.values().stream().filter(n -> n == 1).count()));
        figures.put("hangups_lost", String.valueOf(lost.size()));
        figures.put("hangups_duplicated", String.valueOf(twice.size()));
        figures.put("hangups_refused", String.valueOf(calls.refused().size()));
        System.out.println("cluster-lb-hangup-kill: " + figures);
        assertEquals(List.of(), lost, "hang-ups on a surviving node not ended, or not journaled exactly once: " + steps);
        assertEquals(List.of(), twice, "contacts abandoned twice in the journal");
        assertTrue(calls.hungUpAfter(killed) > 0, "no hang-up was sent after the kill: the takeover was not crossed");
        return figures;
      } finally {
        calls.close();
      }
    });
  }

  private static String queueOf(CrashSafetyIT.Database database, String contact) throws Exception {
    try (Connection c = database.open(); PreparedStatement s = c.prepareStatement("select queue_id from contact where id = ?")) {
      s.setString(1, contact);
      try (ResultSet row = s.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }
}
