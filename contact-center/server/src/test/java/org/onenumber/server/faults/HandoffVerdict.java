package org.onenumber.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/**
 * What {@link PartitionHandoffFaults} must show: the RESULT line with the hand-over counts and how
 * long a handed-over contact took from its transfer to an english operator's accept, then the
 * partition moved within {@code goal}, the other never failed nor paused, nothing acknowledged lost
 * or stored twice, no contact with two operators at once (journal) nor accepted twice within a
 * partition, every handed-over contact picked up and journaled in english ({@code TRANSFERRED}, then
 * {@code QUEUED} there, its first {@code queued_at} kept), engine == journal, the waiting intake
 * contacts in journal order.
 */
record HandoffVerdict(Run run) {

  /** What the run saw. */
  record Run(List<AckedLoad> loads, SimulatedOperators city, SimulatedOperators english,
      PartitionFailoverPostgresIT.Probe probe, double failoverSeconds, int handedBeforeKill,
      Map<String, Integer> positions, Map<String, Integer> engine) {}

  void check(String url, Duration goal) throws Exception {
    CrashSafetyIT.Database database = () -> DriverManager.getConnection(url, TestDatabases.PG_USER,
        TestDatabases.PG_PASSWORD);
    CrashSafetyIT.Counts counts = new CrashSafetyIT.Counts(0, 0);
    int acked = 0;
    for (AckedLoad load : run.loads()) {
      counts = counts.plus(CrashSafetyIT.count(load, database));
      acked += load.acknowledged();
    }
    List<String> handed = List.copyOf(run.city().handedOver());
    int pickedUp = PartitionHandoffFaults.pickedUp(run.city(), run.english());
    int doubleAssigned;
    int mismatched;
    int notJournaled;
    int ageLost;
    try (Connection connection = database.open()) {
      doubleAssigned = DoubleAssignments.count(connection);
      mismatched = EngineAgreement.mismatched(run.engine(), connection);
      int[] journal = journaledInEnglish(connection, handed);
      notJournaled = journal[0];
      ageLost = journal[1];
    }
    Map<String, Long> accepted = run.english().firstAcceptedAt();
    long[] pickUpMillis = run.city().handedOverAt().entrySet().stream().filter(e -> accepted.containsKey(e.getKey()))
        .mapToLong(e -> (accepted.get(e.getKey()) - e.getValue()) / 1_000_000).sorted().toArray();
    int acceptedTwice = run.city().acceptedTwice() + run.english().acceptedTwice();
    System.out.printf("RESULT faults scenario=cluster-partition-handoff acked=%d lost=%d duplicated=%d double_assigned=%d"
        + " recover_s=%.1f handed_over=%d handed_over_before_kill=%d handed_over_picked_up=%d handed_over_not_journaled=%d"
        + " handed_over_age_lost=%d pickup_p50_ms=%d pickup_max_ms=%d transfer_statuses=%s other_partition_max_gap_ms=%d"
        + " other_partition_failures=%d accepted_twice=%d engine_journal_mismatch=%d%n", acked, counts.lost(),
        counts.duplicated(), doubleAssigned, run.failoverSeconds(), handed.size(), run.handedBeforeKill(), pickedUp,
        notJournaled, ageLost, percentile(pickUpMillis, 50), percentile(pickUpMillis, 100),
        run.city().transferStatuses().toString().replace(" ", ""), run.probe().maxGapMillis(), run.probe().failures(),
        acceptedTwice, mismatched);
    assertTrue(run.failoverSeconds() <= goal.toSeconds(), "the target partition moved in " + run.failoverSeconds() + " s");
    run.probe().assertUndisturbed();
    CrashSafetyIT.assertNothingLostOrDoubled(counts, doubleAssigned, acceptedTwice, mismatched);
    assertEquals(Map.of(200, handed.size()), run.city().transferStatuses(), "every transfer answered 200 (a hand-over"
        + " answered 503 was journaled all the same: the operator cannot tell)");
    assertEquals(handed.size(), pickedUp, "handed-over contacts an english operator accepted");
    assertEquals(0, notJournaled, "handed-over contacts without TRANSFERRED then QUEUED in english in the journal");
    assertEquals(0, ageLost, "handed-over contacts whose queued_at changed (their wait lost)");
    assertEquals(run.loads().get(0).ackedContacts(), run.positions().keySet(), "every acknowledged intake contact waits");
    CrashSafetyIT.assertLineInJournalOrder(run.positions(), database);
  }

  /**
   * Of {@code contacts}: how many lack a {@code TRANSFERRED} step followed by a {@code QUEUED} step in
   * english, and how many have a {@code queued_at} later than their first {@code QUEUED} step (the hand-over
   * restarted their wait).
   */
  private static int[] journaledInEnglish(Connection connection, List<String> contacts) throws Exception {
    int missing = 0;
    int restarted = 0;
    try (PreparedStatement steps = connection.prepareStatement("select"
        + " (select min(seq) from contact_step where contact_id = ? and state = 'TRANSFERRED'),"
        + " (select max(seq) from contact_step where contact_id = ? and state = 'QUEUED' and queue_id = 'english'),"
        + " (select min(at) from contact_step where contact_id = ? and state = 'QUEUED'),"
        + " (select queued_at from contact where id = ?)")) {
      for (String contact : contacts) {
        for (int i = 1; i <= 4; i++) {
          steps.setString(i, contact);
        }
        try (ResultSet row = steps.executeQuery()) {
          row.next();
          int transferred = row.getInt(1);
          boolean noTransfer = row.wasNull();
          int queued = row.getInt(2);
          if (noTransfer || row.wasNull() || queued < transferred) {
            missing++;
          }
          if (row.getTimestamp(4) != null && row.getTimestamp(3) != null
              && Duration.between(row.getTimestamp(3).toInstant(), row.getTimestamp(4).toInstant()).toMillis() > 1) {
            restarted++;
          }
        }
      }
    }
    return new int[] {missing, restarted};
  }

  private static long percentile(long[] sorted, int percent) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1))];
  }
}
