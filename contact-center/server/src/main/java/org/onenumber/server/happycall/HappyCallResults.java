package org.onenumber.server.happycall;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import org.onenumber.server.persistence.Jdbc;

/**
 * The results of the Happy-call satisfaction surveys due in a period, read from {@code happy_call}:
 * how many were scheduled, sent, answered and skipped (no phone, STOP, surveyed recently, inside a
 * case), the answer rate, the average score and how many answers gave each score 1–5. Counts only:
 * nobody is named. Thread-safe.
 */
@Singleton
final class HappyCallResults {

  /** The figures of the surveys due from {@code from} on. */
  @Serdeable
  record Summary(Instant from, int surveys, int waiting, int sent, int answered, int skipped, double answeredPercent,
      double averageScore, List<Integer> scores) {}

  private final Jdbc jdbc;

  HappyCallResults(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  Summary since(Instant from) {
    int[] states = jdbc.queryOne("select count(*), sum(case when state = 'SCHEDULED' then 1 else 0 end),"
        + " sum(case when sent_at is not null then 1 else 0 end), sum(case when state = 'ANSWERED' then 1 else 0 end),"
        + " sum(case when state = 'SKIPPED' then 1 else 0 end) from happy_call where due_at >= ?",
        row -> new int[] {row.getInt(1), row.getInt(2), row.getInt(3), row.getInt(4), row.getInt(5)}, from)
        .orElseThrow();
    int[] scores = new int[5];
    jdbc.query("select score, count(*) from happy_call where due_at >= ? and score is not null group by score", row -> {
      scores[row.getInt(1) - 1] = row.getInt(2);
      return null;
    }, from);
    int answers = 0;
    int total = 0;
    for (int s = 0; s < 5; s++) {
      answers += scores[s];
      total += (s + 1) * scores[s];
    }
    return new Summary(from, states[0], states[1], states[2], states[3], states[4],
        states[2] == 0 ? 0 : Math.round(1000.0 * states[3] / states[2]) / 10.0,
        answers == 0 ? 0 : Math.round(100.0 * total / answers) / 100.0, List.of(scores[0], scores[1], scores[2],
            scores[3], scores[4]));
  }
}
