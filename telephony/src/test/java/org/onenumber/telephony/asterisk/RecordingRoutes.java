package org.onenumber.telephony.asterisk;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.onenumber.core.port.in.RouteContact;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.RoutingCommand;

/** Keeps every command handed to routing, in order; decides nothing. */
final class RecordingRoutes implements RouteContact {

  private final List<RoutingCommand> commands = new CopyOnWriteArrayList<>();

  @Override
  public Decisions route(RoutingCommand command) {
    commands.add(command);
    return new Decisions(List.of(), List.of(), null);
  }

  @Override
  public void routeLater(RoutingCommand command) {
    commands.add(command);
  }

  List<RoutingCommand> commands() {
    return List.copyOf(commands);
  }
}
