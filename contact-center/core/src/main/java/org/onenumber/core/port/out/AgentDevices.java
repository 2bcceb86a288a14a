package org.onenumber.core.port.out;

import java.util.Optional;
import org.onenumber.core.agent.AgentId;

/**
 * Where an operator's phone rings: a dial string per agent (an Asterisk endpoint such as {@code
 * PJSIP/op-001}, or a number or Twilio client for Twilio Voice), and back from a device to its agent
 * (device state becomes presence).
 */
public interface AgentDevices {

  Optional<String> deviceOf(AgentId agent);

  Optional<AgentId> agentAt(String device);
}
