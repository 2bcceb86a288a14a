package org.onenumber.server.welfare;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.welfare.WelfareCaseOutcome;
import org.onenumber.server.persistence.Jdbc;

/**
 * The outcome of welfare cases, kept beside the escalation that opened them ({@code
 * welfare_escalation.outcome}, V311). A welfare case is resolved or closed only with an outcome:
 * {@link #required} says which one the request gives, or refuses (400) when a welfare case that has
 * none yet is given none; other cases need none. Thread-safe (stateless over {@link Jdbc}).
 */
@Singleton
public final class WelfareCaseOutcomes {

  private final Jdbc jdbc;

  WelfareCaseOutcomes(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The outcome to record for {@code id} when it ends: the parsed {@code text}, empty for a case
   * that is no welfare case or already has one and is given none.
   *
   * @throws InvalidInputException a welfare case without an outcome given or recorded, or an unknown outcome
   */
  public Optional<WelfareCaseOutcome> required(CaseId id, String text) {
    Optional<String> recorded = jdbc.queryOne("select coalesce(outcome, '') from welfare_escalation where case_id = ?",
        r -> r.getString(1), id.value());
    if (recorded.isEmpty()) {
      return Optional.empty();
    }
    if (text == null || text.isBlank()) {
      if (recorded.get().isEmpty()) {
        throw new InvalidInputException("a welfare case ends only with a welfareOutcome: VISIT_MADE, SENIOR_SAFE,"
            + " EMERGENCY_SERVICES, HOSPITALISED or OTHER");
      }
      return Optional.empty();
    }
    return Optional.of(WelfareCaseOutcome.parse(text));
  }

  /** Records {@code outcome} for the escalation(s) whose case is {@code id}. */
  public void record(CaseId id, WelfareCaseOutcome outcome, Instant at) {
    jdbc.update("update welfare_escalation set outcome = ?, outcome_at = ? where case_id = ?", outcome.name(), at,
        id.value());
  }
}
