package org.onenumber.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.Language;
import org.onenumber.core.event.CallbackPlaced;
import org.onenumber.core.event.CallbackScheduled;

/** Policy case 7: queued callbacks keep their place, reserve an agent, retry, give up. */
class CallbackTest {

  private final Routing r = new Routing();

  @Test
  void reservesAnAgentAndDialsWhenTheCallbacksTurnComes() {
    r.configure("general", Language.KOREAN);
    ContactId chat = r.arrive("general", Channel.CHAT, Language.KOREAN, 0);
    r.run(new RoutingCommand.RequestCallback(chat));
    assertEquals(ContactState.CALLBACK_REQUESTED, r.state(chat));
    AgentId a = r.login("a", "general", Language.KOREAN);
    assertEquals(a, r.agentOf(chat));
    assertEquals(1, r.events(CallbackPlaced.class).getFirst().attempt());
    r.run(new RoutingCommand.CallbackResult(chat, true));
    assertEquals(ContactState.CONNECTED, r.state(chat));
  }

  @Test
  void retriesAfterTheDelayAndGivesUpAfterMaxAttempts() {
    r.configure(new QueueConfig(Routing.queue("general", Set.of(Language.KOREAN), List.of()), AgentSelection.LONGEST_IDLE,
        1, Duration.ofSeconds(30), Duration.ZERO, Duration.ofSeconds(20), false, false,
        new CallbackPolicy(2, Duration.ofSeconds(60)), List.of(), BusinessCalendar.ALWAYS_OPEN, List.of()));
    ContactId call = r.arrive("general");
    r.run(new RoutingCommand.RequestCallback(call));
    AgentId a = r.login("a", "general", Language.KOREAN);
    r.run(new RoutingCommand.CallbackResult(call, false));
    assertEquals(2, r.events(CallbackScheduled.class).getLast().attempt());
    r.advance(59);
    assertNull(r.agentOf(call), "held back until the retry delay passed");
    r.advance(1);
    assertEquals(a, r.agentOf(call));
    r.run(new RoutingCommand.CallbackResult(call, false));
    assertNull(r.state(call), "gave up after two attempts");
  }
}
