package org.onenumber.ops.sla;

import java.util.Map;
import org.onenumber.core.agent.AgentState;

/**
 * What is true right now rather than over a window.
 *
 * @param waiting contacts that arrived and whose wait has not ended (the queue length)
 * @param longestWaitSeconds now − arrival of the oldest waiting contact; 0 when none waits
 * @param agentsByState agents per current state (center scope; one entry for an agent scope)
 */
public record LiveStatus(long waiting, double longestWaitSeconds, Map<AgentState, Long> agentsByState) {
  public LiveStatus {
    agentsByState = Map.copyOf(agentsByState);
  }
}
