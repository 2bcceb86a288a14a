package org.onenumber.server.routing;

import io.micronaut.security.authentication.Authentication;
import org.onenumber.server.security.Role;

/** Who may act for an agent: the operator themselves, or a supervisor or admin. */
final class AgentAccess {

  private AgentAccess() {}

  static boolean mayActFor(Authentication who, String agentId) {
    return who.getName().equals(agentId) || who.getRoles().contains(Role.SUPERVISOR.name())
        || who.getRoles().contains(Role.ADMIN.name());
  }
}
