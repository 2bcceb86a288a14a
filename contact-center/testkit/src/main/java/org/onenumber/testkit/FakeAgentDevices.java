package org.onenumber.testkit;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.port.out.AgentDevices;

/** Devices given with {@link #put}; thread-safe. */
public final class FakeAgentDevices implements AgentDevices {

  private final Map<AgentId, String> devices = new ConcurrentHashMap<>();

  public FakeAgentDevices put(AgentId agent, String device) {
    devices.put(agent, device);
    return this;
  }

  @Override
  public Optional<String> deviceOf(AgentId agent) {
    return Optional.ofNullable(devices.get(agent));
  }

  @Override
  public Optional<AgentId> agentAt(String device) {
    return devices.entrySet().stream().filter(e -> e.getValue().equals(device)).map(Map.Entry::getKey).findFirst();
  }
}
