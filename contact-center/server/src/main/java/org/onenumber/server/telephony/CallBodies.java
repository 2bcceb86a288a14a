package org.onenumber.server.telephony;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.routing.RoutingCommand;

/** Request bodies of the call-control API. */
final class CallBodies {

  private CallBodies() {}

  /**
   * Exactly one of {@code queue}, {@code agent} (both stay in routing: the carrier releases the
   * operator's leg and the caller waits for the next operator) or {@code department} (the call goes
   * to the department's desk number and leaves the center). {@code keepAge} defaults to true.
   */
  @Serdeable
  record Transfer(@Nullable String queue, @Nullable String agent, @Nullable String department,
      @Nullable Boolean keepAge) {}

  /**
   * Exactly one of {@code agent} (an operator, rung on their device) or {@code department} (its desk
   * number) to consult while the caller waits on hold.
   */
  @Serdeable
  record Consult(@Nullable String agent, @Nullable String department) {}

  /** {@code thirdParty}: the number (or device) of the interpreter or department to bring in. */
  @Serdeable
  record Conference(@Nullable String thirdParty) {}

  /** {@code outcome}: RESOLVED (default), ESCALATED or TRANSFERRED, as for wrap-up. */
  @Serdeable
  record HangUp(@Nullable String outcome) {
    RoutingCommand.Outcome parsed() {
      if (outcome == null || outcome.isBlank()) {
        return RoutingCommand.Outcome.RESOLVED;
      }
      try {
        return RoutingCommand.Outcome.valueOf(outcome.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("outcome must be RESOLVED, ESCALATED or TRANSFERRED");
      }
    }
  }
}
