package org.onenumber.server.routing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.routing.RoutingCommand;

/** Request bodies of the routing API (docs/api/agent-api.md). All fields optional unless said. */
public final class RoutingBodies {

  private RoutingBodies() {}

  @Serdeable
  public record Login(@Nullable List<String> queues, @Nullable String startOnBreak) {}

  @Serdeable
  public record Logout(@Nullable Boolean transferOpenContacts) {}

  /** {@code state}: AVAILABLE or BREAK (required); {@code reason} for a break. */
  @Serdeable
  public record State(String state, @Nullable String reason) {}

  @Serdeable
  public record Decline(@Nullable String reason) {}

  /**
   * {@code outcome}: RESOLVED, ESCALATED or TRANSFERRED (required); {@code category}: the operator's
   * disposition, a type code of the city's tree (optional).
   */
  @Serdeable
  public record Outcome(String outcome, @Nullable String note, @Nullable String category) {
    RoutingCommand.Outcome parsed() {
      InvalidInputException.requireText(outcome, "outcome");
      try {
        return RoutingCommand.Outcome.valueOf(outcome);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("outcome must be RESOLVED, ESCALATED or TRANSFERRED, got " + outcome);
      }
    }
  }

  /** Exactly one of {@code toQueue}, {@code toAgent}, {@code toDepartment}. */
  @Serdeable
  public record Transfer(@Nullable String toQueue, @Nullable String toAgent, @Nullable String toDepartment,
      @Nullable Boolean keepAge, @Nullable String note) {}

  @Serdeable
  public record Conference(String thirdParty, @Nullable String purpose) {}

  @Serdeable
  public record Callback(@Nullable String phone) {}

  /** Telephony's report of a callback dial. */
  @Serdeable
  public record CallbackResult(boolean answered) {}

  /** An agent's configuration for the admin API. */
  @Serdeable
  public record AgentConfig(String agentId, String name, List<QueueConfigBody.Skill> skills, List<String> languages,
      int maxMessaging, List<String> queues) {}
}
