package org.onenumber.telephony.asterisk;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.port.in.RouteContact;
import org.onenumber.core.port.out.AgentDevices;
import org.onenumber.core.routing.RoutingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device state of operator endpoints ({@code DeviceStateChange}) as presence, with the engine's
 * existing commands:
 *
 * <ol>
 *   <li>{@code UNAVAILABLE} or {@code INVALID} (the phone is unplugged, unregistered or unknown to
 *       Asterisk): {@code TakeBreak(agent, "phone-unreachable")}, so no voice call is offered to a
 *       phone that cannot ring; remembered as "paused by the phone".
 *   <li>Any reachable state ({@code NOT_INUSE}, {@code INUSE}, {@code RINGING}, {@code ONHOLD},
 *       {@code BUSY}) after such a pause: {@code MakeAvailable(agent)}, once.
 *   <li>Everything else ({@code UNKNOWN}, reachable states without an earlier pause, devices that
 *       are no operator's): nothing. Busy/ringing are the engine's own business (it offered the call).
 * </ol>
 * The engine refuses a break for an agent in a call (logged by the host); such an agent is then
 * not made available later either, unless the pause had been taken. Thread-safe; never blocks.
 */
final class OperatorPresence {

  private static final Logger LOG = LoggerFactory.getLogger(OperatorPresence.class);
  static final String REASON = "phone-unreachable";

  private final AgentDevices devices;
  private final RouteContact routing;
  private final Set<AgentId> pausedByPhone = ConcurrentHashMap.newKeySet();

  OperatorPresence(AgentDevices devices, RouteContact routing) {
    this.devices = devices;
    this.routing = routing;
  }

  void changed(String device, String state) {
    if (device == null || state == null) {
      return;
    }
    Optional<AgentId> agent = devices.agentAt(device);
    if (agent.isEmpty()) {
      return;
    }
    switch (state.toUpperCase(Locale.ROOT)) {
      case "UNAVAILABLE", "INVALID" -> {
        if (pausedByPhone.add(agent.get())) {
          LOG.info("operator {} phone {} is {}: on break until it is back", agent.get(), device, state);
          routing.routeLater(new RoutingCommand.TakeBreak(agent.get(), REASON));
        }
      }
      case "NOT_INUSE", "INUSE", "RINGING", "RINGINUSE", "ONHOLD", "BUSY" -> {
        if (pausedByPhone.remove(agent.get())) {
          LOG.info("operator {} phone {} is back ({})", agent.get(), device, state);
          routing.routeLater(new RoutingCommand.MakeAvailable(agent.get()));
        }
      }
      default -> { }
    }
  }
}
