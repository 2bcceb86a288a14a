package org.onenumber.server.faults;

/**
 * Where the inbound group commit's lanes spent a run (issue 17, session 17), from two {@code /prometheus}
 * pages of the server ({@code onenumber_inbound_commit_*}, {@code onenumber_sql_statements_total}):
 * items and statements per committed batch, the batch's work and the rest of it (connection, commit,
 * fsync) in milliseconds, and how busy the lanes were over the run.
 */
final class LaneFigures {

  private static final String PREFIX = "onenumber_inbound_commit_";

  private LaneFigures() {}

  /** The figures as {@code key=value} pairs, each after a space. */
  static String between(String before, String after, int seconds) {
    double tx = delta(before, after, PREFIX + "transactions_total");
    double batch = delta(before, after, PREFIX + "batch_seconds_total");
    double work = delta(before, after, PREFIX + "work_seconds_total");
    double lanes = WebhookBench.sum(after, PREFIX + "lanes");
    double perTx = Math.max(1, tx);
    return String.format(" lanes=%.0f items_per_tx=%.2f sql_per_tx=%.1f work_ms_per_tx=%.2f commit_ms_per_tx=%.2f"
        + " lane_busy=%.2f", lanes, delta(before, after, PREFIX + "items_total") / perTx,
        delta(before, after, "onenumber_sql_statements_total") / perTx, work * 1e3 / perTx,
        (batch - work) * 1e3 / perTx, batch / (seconds * lanes));
  }

  private static double delta(String before, String after, String name) {
    return WebhookBench.sum(after, name) - WebhookBench.sum(before, name);
  }
}
