package org.onenumber.core.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.event.DomainEvent;

/**
 * The invariants of issue 3, checked against the engine's insides after every command. Each
 * check walks the state independently of the engine's own matching code.
 */
final class RoutingInvariants {

  private final RoutingEngine engine;
  private final Map<ContactId, Instant> ages = new HashMap<>();
  private final Map<String, List<ContactId>> lineOrder = new HashMap<>();
  private Instant last = Instant.MIN;

  RoutingInvariants(RoutingEngine engine) {
    this.engine = engine;
  }

  void check(Decisions decisions) {
    Instant now = engine.now();
    require(!now.isBefore(last), "time went backwards");
    last = now;
    offersAndHoldsAreExclusive();
    nobodyOverCapacity();
    heldCallsKeepTheirAgentBusy();
    everyContactInOnePlace(decisions);
    fifoWithinPriorityAndClass(decisions, now);
    noStarvation(now);
    agesAndOrderNeverGoBack(decisions, now);
  }

  private void offersAndHoldsAreExclusive() {
    Set<Entry> seen = new HashSet<>();
    for (Seat seat : engine.seats().values()) {
      if (seat.offer != null) {
        require(seen.add(seat.offer), "contact " + seat.offer.contact.id() + " offered or held twice");
        require(seat.offer.seat == seat && seat.offer.place == Place.OFFERED, "offer slot out of sync for " + seat.agent.id());
      }
      for (Entry held : seat.held) {
        require(seen.add(held), "contact " + held.contact.id() + " held twice");
        require(held.seat == seat, "held contact points at another seat");
      }
    }
  }

  private void nobodyOverCapacity() {
    for (Seat seat : engine.seats().values()) {
      long exclusive = seat.held.stream().filter(e -> e.kind == Kind.EXCLUSIVE).count();
      long messaging = seat.held.size() - exclusive;
      require(exclusive == seat.exclusive && messaging == seat.messaging, "load counters wrong for " + seat.agent.id());
      require(exclusive <= 1, seat.agent.id() + " holds two calls");
      require(messaging <= seat.agent.capacity().maxMessaging(), seat.agent.id() + " over messaging capacity");
      if (seat.offer != null && seat.offer.kind == Kind.EXCLUSIVE) {
        require(exclusive == 0 && messaging == 0, seat.agent.id() + " offered a call while busy");
      }
    }
  }

  /**
   * A call on hold is still the agent's: it takes their call capacity (no other call is offered),
   * and they are busy — or reserved for a messaging offer, where the queue allows messaging during a
   * call, exactly as with a connected call.
   */
  private void heldCallsKeepTheirAgentBusy() {
    for (Entry e : engine.entries().values()) {
      if (e.place == Place.HELD) {
        require(e.kind == Kind.EXCLUSIVE, "a non-call " + e.contact.id() + " is on hold");
        var state = e.seat.state();
        require(e.seat.exclusive == 1 && (state == org.onenumber.core.agent.AgentState.BUSY
            || state == org.onenumber.core.agent.AgentState.RESERVED && e.seat.offer.kind == Kind.MESSAGING),
            "agent " + e.seat.agent.id() + " of held call " + e.contact.id() + " is " + state);
        require(e.contact.agent().equals(e.seat.agent.id()), "held call " + e.contact.id() + " lost its agent");
      }
    }
  }

  private void everyContactInOnePlace(Decisions decisions) {
    for (Entry e : engine.entries().values()) {
      ContactState state = e.contact.state();
      boolean inLine = engine.waiting().line(e.primary()).contains(e);
      switch (e.place) {
        case WAITING -> require(inLine && e.seat == null
            && (state == ContactState.QUEUED || state == ContactState.CALLBACK_REQUESTED), "waiting " + e.contact.id());
        case OFFERED -> require(!inLine && e.seat != null && e.seat.offer == e && state == ContactState.OFFERED
            && !engine.waiting().isIndexed(e), "offered " + e.contact.id());
        case CONNECTED, HELD, WRAP_UP -> require(!inLine && e.seat != null && e.seat.held.contains(e)
            && state.name().equals(e.place.name()), "held " + e.contact.id() + " in " + state);
        case ORPHANED, GONE -> require(false, e.contact.id() + " tracked as " + e.place);
      }
    }
    for (DomainEvent event : decisions.events()) {
      if (event instanceof ContactStateChanged c && c.to().isTerminal()) {
        require(!engine.entries().containsKey(c.contact()), c.contact() + " ended but is still tracked");
      }
    }
  }

  private void fifoWithinPriorityAndClass(Decisions decisions, Instant now) {
    for (DomainEvent event : decisions.events()) {
      if (!(event instanceof ContactStateChanged c) || c.to() != ContactState.OFFERED) {
        continue;
      }
      Entry e = engine.entries().get(c.contact());
      if (e == null || e.place != Place.OFFERED || e.stickyAt(now)) {
        continue;
      }
      for (WaitingIndex.Bucket bucket : engine.waiting().classes(e.servingQueue, e.language, e.kind)) {
        if (!bucket.skills().equals(e.skills)) {
          continue;
        }
        for (Entry x : bucket.entries()) {
          if (WaitingIndex.ORDER.compare(x, e) > 0) {
            break;
          }
          require(x.priority != e.priority || x.declinedBy.contains(e.seat.agent.id()),
              "FIFO: " + e.contact.id() + " offered before older " + x.contact.id());
        }
      }
    }
  }

  private void noStarvation(Instant now) {
    for (Seat seat : engine.seats().values()) {
      for (Entry e : engine.entries().values()) {
        if (e.place != Place.WAITING || e.heldBack(now) || e.declinedBy.contains(seat.agent.id())
            || !seat.agent.speaks(e.language) || !seat.meets(e.skills)) {
          continue;
        }
        if (e.stickyAt(now)) {
          QueueConfig config = engine.configuration(e.primary()).orElseThrow();
          require(!(seat.agent.id().equals(e.preferred) && seat.canTake(e.kind, config)),
              "starvation: " + e.contact.id() + " waits for free preferred " + seat.agent.id());
          continue;
        }
        for (var queue : e.targets) {
          QueueConfig config = engine.configuration(queue).orElseThrow();
          require(!(seat.queues.contains(queue) && seat.canTake(e.kind, config)),
              "starvation: " + e.contact.id() + " waits in " + queue + " while " + seat.agent.id() + " could take it");
        }
      }
    }
  }

  private void agesAndOrderNeverGoBack(Decisions decisions, Instant now) {
    Set<ContactId> requeued = new HashSet<>();
    for (DomainEvent event : decisions.events()) {
      if (event instanceof ContactStateChanged c && c.to() == ContactState.TRANSFERRED) {
        requeued.add(c.contact());
      }
    }
    Map<String, List<ContactId>> order = new HashMap<>();
    for (Entry e : engine.entries().values()) {
      Instant before = ages.put(e.contact.id(), e.queuedAt);
      require(before == null || requeued.contains(e.contact.id()) || !e.queuedAt.isAfter(before),
          "age of " + e.contact.id() + " went backwards");
    }
    ages.keySet().retainAll(engine.entries().keySet());
    for (var queue : engine.configurationIds()) {
      for (Entry e : engine.waiting().line(queue)) {
        order.computeIfAbsent(queue + "/" + e.priority, k -> new ArrayList<>()).add(e.contact.id());
      }
    }
    for (var line : order.entrySet()) {
      List<ContactId> previous = lineOrder.getOrDefault(line.getKey(), List.of());
      Set<ContactId> now1 = new HashSet<>(line.getValue());
      Set<ContactId> then = new HashSet<>(previous);
      List<ContactId> a = line.getValue().stream().filter(then::contains).toList();
      List<ContactId> b = previous.stream().filter(now1::contains).toList();
      require(a.equals(b), "a contact overtook another in line " + line.getKey());
    }
    lineOrder.clear();
    lineOrder.putAll(order);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }
}
