package org.onenumber.server.routing;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.authentication.Authentication;

/** Refuses with 403 when the caller may not act for the agent (see {@link AgentAccess}). */
final class RoutingAccess {

  private RoutingAccess() {}

  static void requireAgent(Authentication who, String agentId) {
    if (agentId == null || !AgentAccess.mayActFor(who, agentId)) {
      throw new HttpStatusException(HttpStatus.FORBIDDEN, who.getName() + " may not act for agent " + agentId);
    }
  }
}
