package org.onenumber.core.welfare;

import java.util.Optional;
import org.onenumber.core.casework.CasePriority;
import org.onenumber.core.error.InvalidInputException;

/**
 * When an attempt's outcome becomes a welfare case. The cases, in order:
 *
 * <ol>
 *   <li>The senior pressed 2 (wants to talk): {@link Reason#ASKED_FOR_HELP}, high priority.
 *   <li>The operator set "concern": {@link Reason#CONCERN}, high priority.
 *   <li>Not reached for the {@code unreachedLimit}-th time in a row (across planned calls):
 *       {@link Reason#UNREACHED}, urgent; the run starts again from zero.
 *   <li>Otherwise no escalation.
 * </ol>
 */
public record EscalationLadder(int unreachedLimit) {

  /** Why a senior was escalated. */
  public enum Reason {
    ASKED_FOR_HELP(CasePriority.HIGH),
    CONCERN(CasePriority.HIGH),
    UNREACHED(CasePriority.URGENT);

    private final CasePriority priority;

    Reason(CasePriority priority) {
      this.priority = priority;
    }

    public CasePriority priority() {
      return priority;
    }
  }

  public EscalationLadder {
    if (unreachedLimit < 1 || unreachedLimit > 20) {
      throw new InvalidInputException("the unreached limit is 1..20, got " + unreachedLimit);
    }
  }

  /** @param unreachedInRow the senior's run of unreached attempts including this one */
  public Optional<Reason> decide(CallOutcome outcome, int unreachedInRow) {
    return switch (outcome) {
      case WANTS_TO_TALK -> Optional.of(Reason.ASKED_FOR_HELP);
      case CONCERN -> Optional.of(Reason.CONCERN);
      default -> !outcome.reached() && unreachedInRow >= unreachedLimit ? Optional.of(Reason.UNREACHED)
          : Optional.empty();
    };
  }
}
