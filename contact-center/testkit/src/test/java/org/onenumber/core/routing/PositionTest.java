package org.onenumber.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.event.QueuePositionChanged;

/** Policy case 8: positions and estimated waits are announced and kept current. */
class PositionTest {

  private final Routing r = new Routing();

  @Test
  void announcesPositionOnArrivalAndMovesItUpAsOthersAreServed() {
    r.configure("general", Language.KOREAN);
    AgentId a = r.login("a", "general", Language.KOREAN);
    ContactId first = r.arrive("general");
    r.accept(a, first);
    ContactId second = r.arrive("general");
    ContactId third = r.arrive("general");
    QueuePositionChanged arrival = r.events(QueuePositionChanged.class).getLast();
    assertEquals(third, arrival.contact());
    assertEquals(2, arrival.position());
    assertEquals(Duration.ofSeconds(360), arrival.estimatedWait(), "2 x 180 s default handle time / 1 agent");
    r.run(new RoutingCommand.Close(first, RoutingCommand.Outcome.RESOLVED));
    assertEquals(a, r.agentOf(second));
    r.advance(10);
    QueuePositionChanged moved = r.events(QueuePositionChanged.class).getLast();
    assertEquals(third, moved.contact());
    assertEquals(1, moved.position());
  }
}
