package org.onenumber.ops.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.event.AgentStateChanged;

/**
 * Hold time is a service-level figure: every spell in HELD counts for the contact's queue, its
 * agent and the center, live and in batch alike; handle time is talk + hold + wrap-up; a held
 * call keeps its agent occupied.
 */
class HoldTimeTest {

  private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
  private static final ServiceLevelPolicy POLICY = ServiceLevelPolicy.defaults(ZoneId.of("Asia/Seoul"));
  private final QueueId queue = new QueueId("general");
  private final AgentId agent = new AgentId("op-001");

  /** Answered at 10 s, held 30–45 and 60–65, wrap-up at 100, closed at 110: talk 70, hold 20, wrap-up 10. */
  private Contact heldTwice() {
    Contact c = Contact.create(new ContactId("call-1"), Channel.VOICE, new CitizenId("citizen-1"), Language.KOREAN,
        Set.of(), 0, "water", T0);
    c = c.moveTo(new ContactStep(ContactState.QUEUED, T0, null, queue, "intake"));
    c = c.moveTo(new ContactStep(ContactState.OFFERED, at(5), agent, queue, null));
    ContactState connected = ContactState.CONNECTED;
    ContactState held = ContactState.HELD;
    List<ContactState> states = List.of(connected, held, connected, held, connected, ContactState.WRAP_UP,
        ContactState.CLOSED);
    int[] seconds = {10, 30, 45, 60, 65, 100, 110};
    for (int i = 0; i < seconds.length; i++) {
      ContactState to = states.get(i);
      c = c.moveTo(new ContactStep(to, at(seconds[i]), null, null, to == ContactState.CLOSED ? "resolved" : null));
    }
    return c;
  }

  private static Instant at(int second) {
    return T0.plusSeconds(second);
  }

  private List<AgentStateChanged> agentSpells() {
    return List.of(new AgentStateChanged(agent, AgentState.OFFLINE, AgentState.AVAILABLE, "login", T0),
        new AgentStateChanged(agent, AgentState.AVAILABLE, AgentState.RESERVED, "offer", at(5)),
        new AgentStateChanged(agent, AgentState.RESERVED, AgentState.BUSY, "accepted", at(10)),
        new AgentStateChanged(agent, AgentState.BUSY, AgentState.WRAP_UP, "wrap-up", at(100)),
        new AgentStateChanged(agent, AgentState.WRAP_UP, AgentState.AVAILABLE, "closed", at(110)),
        new AgentStateChanged(agent, AgentState.AVAILABLE, AgentState.OFFLINE, "logout", at(120)));
  }

  @Test
  void countsHoldTimePerContactQueueAndAgentLiveAndInBatch() {
    Contact call = heldTwice();
    LiveServiceLevels live = new LiveServiceLevels(POLICY);
    ContactReplay.events(List.of(call), agentSpells(), List.of()).forEach(live);
    BatchServiceLevels batch = BatchServiceLevels.compute(List.of(call), agentSpells(), List.of(), Set.of(), POLICY,
        at(600));
    for (ServiceLevelView view : List.of(live, batch)) {
      for (Scope scope : List.of(Scope.CENTER, Scope.queue(queue), Scope.agent(agent))) {
        Figures f = view.figures(scope, new Window.Today(), at(600));
        String where = view.getClass().getSimpleName() + " " + scope;
        assertEquals(1, f.handled(), where);
        assertEquals(20.0, f.holdSeconds(), 1e-9, where);
        assertEquals(70.0, f.talkSeconds(), 1e-9, where);
        assertEquals(10.0, f.wrapUpSeconds(), 1e-9, where);
        assertEquals(100.0, f.handleSeconds(), 1e-9, where + ": handle = talk + hold + wrap-up");
      }
    }
  }

  @Test
  void aCallWithoutHoldHasZeroHoldTimeNotNoFigure() {
    Contact c = Contact.create(new ContactId("call-2"), Channel.VOICE, new CitizenId("citizen-2"), Language.KOREAN,
        Set.of(), 0, "water", T0);
    c = c.moveTo(new ContactStep(ContactState.QUEUED, T0, null, queue, "intake"))
        .moveTo(new ContactStep(ContactState.OFFERED, at(5), agent, queue, null))
        .moveTo(new ContactStep(ContactState.CONNECTED, at(10), null, null, null))
        .moveTo(new ContactStep(ContactState.CLOSED, at(70), null, null, "resolved"));
    Figures f = BatchServiceLevels.compute(List.of(c), List.of(), List.of(), Set.of(), POLICY, at(600))
        .figures(Scope.CENTER, new Window.Today(), at(600));
    assertEquals(0.0, f.holdSeconds(), 1e-9);
    assertEquals(60.0, f.handleSeconds(), 1e-9);
  }

  @Test
  void aHeldCallKeepsItsAgentOccupied() {
    LiveServiceLevels live = new LiveServiceLevels(POLICY);
    agentSpells().forEach(live);
    Figures f = live.figures(Scope.agent(agent), new Window.Today(), at(600));
    assertEquals(100.0 / 120.0, f.occupancy(), 1e-9, "busy 10–100 (holds included) and wrap-up 100–110 of 120 s staffed");
  }

  @Test
  void holdTimeIsAMetricWithItsFormula() {
    assertEquals("holdSeconds", Metric.HOLD_TIME.field());
    assertEquals("Σ hold ÷ H", Metric.HOLD_TIME.formula());
  }
}
