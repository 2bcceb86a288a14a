package org.onenumber.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/**
 * What a partition's failover run must show, whether its owner was stopped
 * ({@link PartitionFailoverPostgresIT}) or killed ({@link PartitionKillFaults}): the RESULT line,
 * then the partition moved within {@code goal}, the other partition never failed nor paused, nothing
 * acknowledged lost or stored twice, no contact with two operators, engine == journal, every
 * acknowledged contact waiting in journal order with its wait carried over.
 */
record PartitionVerdict(String scenario, AckedLoad load, SimulatedOperators operators,
    PartitionFailoverPostgresIT.Probe probe, double failoverSeconds, Map<String, Integer> positions,
    Map<String, Integer> engine, long oldestWaitAfter, long waitedSinceQueued) {

  void check(String url, Duration goal) throws Exception {
    CrashSafetyIT.Database database = () -> DriverManager.getConnection(url, TestDatabases.PG_USER,
        TestDatabases.PG_PASSWORD);
    CrashSafetyIT.Counts counts = CrashSafetyIT.count(load, database);
    int doubleAssigned;
    int mismatched;
    try (Connection connection = database.open()) {
      doubleAssigned = DoubleAssignments.count(connection);
      mismatched = EngineAgreement.mismatched(engine, connection);
    }
    System.out.printf("RESULT faults scenario=%s acked=%d lost=%d duplicated=%d double_assigned=%d"
        + " recover_s=%.1f other_partition_max_gap_ms=%d other_partition_failures=%d accepted=%d accepted_twice=%d"
        + " engine_journal_mismatch=%d%n", scenario, load.acknowledged(), counts.lost(), counts.duplicated(),
        doubleAssigned, failoverSeconds, probe.maxGapMillis(), probe.failures(), operators.accepted(),
        operators.acceptedTwice(), mismatched);
    assertTrue(failoverSeconds <= goal.toSeconds(), "the partition moved in " + failoverSeconds + " s");
    probe.assertUndisturbed();
    CrashSafetyIT.assertNothingLostOrDoubled(counts, doubleAssigned, operators.acceptedTwice(), mismatched);
    assertEquals(load.ackedContacts(), positions.keySet(), "every acknowledged contact waits, in the moved partition");
    CrashSafetyIT.assertLineInJournalOrder(positions, database);
    assertTrue(oldestWaitAfter >= waitedSinceQueued - 2, "the wait was carried over: the engine says "
        + oldestWaitAfter + " s, the journal's queued_at " + waitedSinceQueued + " s");
  }
}
