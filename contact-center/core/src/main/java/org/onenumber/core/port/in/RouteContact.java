package org.onenumber.core.port.in;

import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.RoutingCommand;

/**
 * Hands a command to the routing engine, wherever it runs (the server runs it on one context and
 * journals its decisions). Channel adapters use it to report what happened on their channel.
 */
public interface RouteContact {

  /** Handles {@code command} and returns the engine's decisions; blocks the caller until then. */
  Decisions route(RoutingCommand command);

  /**
   * Hands {@code command} over and returns at once, for library callback threads that must never
   * block (Asterisk-Java's AMI reader, Netty's event loop); a refusal or failure is logged.
   */
  void routeLater(RoutingCommand command);
}
