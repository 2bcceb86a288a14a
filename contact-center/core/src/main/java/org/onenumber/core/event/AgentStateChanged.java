package org.onenumber.core.event;

import java.time.Instant;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.agent.AgentState;

/** An agent's presence changed; {@code reason} is the break reason or why the engine moved them. */
public record AgentStateChanged(AgentId agent, AgentState from, AgentState to, String reason, Instant at)
    implements DomainEvent {
  @Override
  public String type() {
    return "agent.state-changed";
  }
}
