package org.onenumber.telephony.twilio;

import org.onenumber.core.agent.AgentId;

/**
 * Where Twilio rings an operator, read from the agent's device (core {@code AgentDevices}). The cases:
 *
 * <ol>
 *   <li>An E.164 number ({@code +8210...}): a {@code <Number>}.
 *   <li>{@code client:name}: a {@code <Client>} (the Twilio Voice SDK in the operator's browser).
 *   <li>{@code sip:user@host}: a {@code <Sip>} URI.
 *   <li>No device, or one Twilio cannot dial (an Asterisk endpoint such as {@code PJSIP/op-001}): the
 *       client named after the agent id, {@code client:op-001}.
 * </ol>
 */
public sealed interface OperatorLine {

  record Number(String e164) implements OperatorLine {}

  record Client(String identity) implements OperatorLine {}

  record Sip(String uri) implements OperatorLine {}

  static OperatorLine of(AgentId agent, String device) {
    if (device != null && device.matches("\\+[1-9][0-9]{6,14}")) {
      return new Number(device);
    }
    if (device != null && device.startsWith("client:") && device.length() > 7) {
      return new Client(device.substring(7));
    }
    if (device != null && device.startsWith("sip:")) {
      return new Sip(device);
    }
    return new Client(agent.value());
  }

  /** The address for a REST-created call ({@code To}). */
  default String address() {
    return switch (this) {
      case Number n -> n.e164();
      case Client c -> "client:" + c.identity();
      case Sip s -> s.uri();
    };
  }
}
