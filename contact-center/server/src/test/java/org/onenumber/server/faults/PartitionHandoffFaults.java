package org.onenumber.server.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.onenumber.server.TestDatabases;

/**
 * Contacts handed over between routing partitions under load, across two server JVMs, while the
 * target partition's owner is killed (issue 11). Two cluster nodes on one PostgreSQL with the
 * partitions of {@link PartitionFailoverPostgresIT}: node-a routes {@code routing} (english among its
 * queues), node-b routes {@code city} (messaging-ko, general-ko). Everyone talks to node-b, as a load
 * balancer would send them there:
 *
 * <ul>
 *   <li>arrivals into both partitions: Korean SMS (messaging-ko) and intake posts (general-ko, where
 *       they wait: nobody serves it) into {@code city}; English SMS into {@code routing}'s english,
 *       which node-b relays to node-a;
 *   <li>op-001 and op-004 (messaging-ko) accept each Korean SMS and transfer it to {@code english}: the
 *       city engine on node-b journals the hand-over ({@code TRANSFERRED}, then {@code QUEUED} in
 *       english with its first {@code queued_at}), and node-a's engine picks it up from the journal;
 *   <li>op-022 and op-023 (english; their commands relayed to node-a) accept and close what english
 *       offers them: the handed-over contacts and the English SMS.
 * </ul>
 *
 * <p>Once contacts flow across, node-a is killed with SIGKILL: {@code routing} must move to node-b
 * within 5 s ({@code GET /api/v1/cluster/partitions} on node-b says so), hand-overs go on meanwhile
 * (the journal holds them; the new owner rebuilds from it), and {@code city} answers throughout (a
 * probe of messaging-ko's status every 20 ms). Then: every acknowledged webhook and intake stored once,
 * no contact offered to or held by two operators (journal), none accepted twice within a partition,
 * every handed-over contact picked up in english (accepted by an english operator) and journaled
 * there, engine == journal, the intake line in journal order. Prints {@code RESULT faults
 * scenario=cluster-partition-handoff …}. Not in the default run (not named {@code *IT}, two server
 * JVMs); run by {@code bin/faults cluster-partition-handoff}.
 */
class PartitionHandoffFaults {

  private static final List<String> CITY_OPERATORS = List.of("op-001", "op-004");
  private static final List<String> ENGLISH_OPERATORS = List.of("op-022", "op-023");
  private static final Duration FAILOVER_GOAL = Duration.ofSeconds(5);
  private static final int HANDED_BEFORE_KILL = 20;
  private static final int HANDED_AFTER_KILL = 20;

  @Test
  void contactsHandedAcrossPartitionsUnderLoadArriveOnceWhileTheTargetsOwnerIsKilled() throws Exception {
    TestCluster cluster = TestCluster.partitioned("partition_handoff_faults", "node-a", "node-b");
    String url = cluster.url();
    ServerProcess a = cluster.process("node-a");
    ServerProcess b = cluster.process("node-b");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    String run = "ph" + ProcessHandle.current().pid() % 1000;
    SimulatedOperators city = null;
    SimulatedOperators english = null;
    AckedLoad korean = null;
    AckedLoad latin = null;
    PartitionFailoverPostgresIT.Probe probe = null;
    HandoffVerdict.Run observed;
    try {
      cluster.startProcesses();
      URI node = b.uri();
      String supervisor = Logins.token(http, node, "sv-01");
      await("node-b says it routes city and node-a routing").atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100)).until(() -> PartitionViews.says(http, node, supervisor, "city", "node-b", true)
              && PartitionViews.says(http, node, supervisor, "routing", "node-a", false));
      city = new SimulatedOperators(node, SimulatedOperators.QUEUE, "english").start(CITY_OPERATORS);
      english = new SimulatedOperators(node, "english", null).start(ENGLISH_OPERATORS);
      korean = new AckedLoad(node, run).start(2, 1);
      latin = new AckedLoad(node, CrashSafetyIT.otherPhones(run)).inEnglish().start(1, 0);
      SimulatedOperators handing = city;
      SimulatedOperators taking = english;
      AckedLoad toEnglish = latin;
      Supplier<String> state = () -> "handed over " + handing.handedOver().size() + ", picked up " + pickedUp(handing, taking)
          + ", transfers " + handing.transferStatuses() + "; city operators: " + handing.activity() + "; english operators: "
          + taking.activity() + "; english SMS " + toEnglish.statuses() + "; journal " + journal(url);
      awaitOr("contacts handed over and picked up on node-a", Duration.ofSeconds(40), state,
          () -> handing.handedOver().size() >= HANDED_BEFORE_KILL
              && pickedUp(handing, taking) >= HANDED_BEFORE_KILL / 2 && toEnglish.acknowledged() >= 10);
      probe = new PartitionFailoverPostgresIT.Probe(PartitionKillFaults.read(http,
          node.resolve("/api/v1/queues/" + SimulatedOperators.QUEUE + "/status"), supervisor)).start();
      int handedAtKill = city.handedOver().size();
      int pickedAtKill = pickedUp(city, english);
      int englishAtKill = latin.acknowledged();
      long killed = System.nanoTime();
      a.kill();
      await("node-b says it routes routing, and a balancer sees it").atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(20)).until(() -> PartitionViews.says(http, node, supervisor, "routing", "node-b", true)
              && PartitionViews.readiness(http, node, "routing") == 200);
      double failoverSeconds = (System.nanoTime() - killed) / 1e9;
      awaitOr("hand-overs go on, picked up by node-b", Duration.ofSeconds(60), state, () -> handing.handedOver().size() >= handedAtKill + HANDED_AFTER_KILL
              && pickedUp(handing, taking) >= pickedAtKill + HANDED_AFTER_KILL && toEnglish.acknowledged() >= englishAtKill + 10);
      korean.stop();
      latin.stop();
      for (AckedLoad load : List.of(korean, latin)) {
        for (AckedLoad.Webhook webhook : load.unackedWebhooks()) { // Twilio retries what it got no 200 for
          assertEquals(200, load.sendTo(node, http, webhook), "retry of " + webhook.sid());
        }
      }
      city.stop(); // no more hand-overs; every one made must reach an english operator
      awaitOr("every handed-over contact picked up in english", Duration.ofSeconds(30), state, () -> pickedUp(handing, taking) == handing.handedOver().size());
      english.stop();
      probe.stop();
      Map<String, Integer> positions = CrashSafetyIT.positions(node, korean);
      city.logOut(CITY_OPERATORS);
      english.logOut(ENGLISH_OPERATORS);
      observed = new HandoffVerdict.Run(List.of(korean, latin), city, english, probe, failoverSeconds, handedAtKill,
          positions, EngineAgreement.waiting(node));
    } finally {
      for (AckedLoad load : new AckedLoad[] {korean, latin}) {
        if (load != null) {
          load.stop();
        }
      }
      for (SimulatedOperators operators : new SimulatedOperators[] {city, english}) {
        if (operators != null) {
          operators.stop();
        }
      }
      if (probe != null) {
        probe.stop();
      }
      cluster.close();
    }
    new HandoffVerdict(observed).check(url, FAILOVER_GOAL);
  }

  private static void awaitOr(String alias, Duration atMost, Supplier<String> state, Callable<Boolean> done) {
    try {
      await(alias).atMost(atMost).pollInterval(Duration.ofMillis(50)).until(done);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(alias + " within " + atMost + ": " + state.get(), e);
    }
  }

  /** The journal's steps by state and queue, for a failure message. */
  private static String journal(String url) {
    try (Connection c = DriverManager.getConnection(url, TestDatabases.PG_USER, TestDatabases.PG_PASSWORD);
        ResultSet rows = c.createStatement().executeQuery("select 'step:' || state, queue_id, count(*) from contact_step"
            + " group by state, queue_id union all select 'handed-over contact:' || state || ' queued ' || (queued_at < now()"
            + " - interval '1 second'), queue_id, count(*) from contact where id in (select contact_id from contact_step"
            + " where state = 'TRANSFERRED') group by 1, 2 order by 1, 2")) {
      StringBuilder text = new StringBuilder();
      while (rows.next()) {
        text.append(rows.getString(1)).append('/').append(rows.getString(2)).append('=').append(rows.getInt(3)).append(' ');
      }
      return text.toString();
    } catch (SQLException e) {
      return e.toString();
    }
  }

  /** Handed-over contacts an english operator accepted. */
  static int pickedUp(SimulatedOperators handing, SimulatedOperators taking) {
    Set<String> accepted = taking.acceptedBy().keySet();
    return (int) handing.handedOver().stream().filter(accepted::contains).count();
  }
}
