package org.onenumber.ops.sla;

import java.time.Instant;
import org.onenumber.core.agent.AgentState;

/**
 * Adds a finished agent-state spell to staffed and occupied time, split across the book's slots it
 * covers, for the agent and the center. Cases:
 *
 * <ol>
 *   <li>OFFLINE, BREAK and NOT_RESPONDING are not staffed: nothing is added;
 *   <li>AVAILABLE and RESERVED are staffed, not occupied;
 *   <li>BUSY and WRAP_UP are staffed and occupied.
 * </ol>
 */
final class AgentSpells {

  private AgentSpells() {}

  static void record(TallyBook book, String agent, AgentState state, Instant from, Instant to) {
    boolean staffed = state == AgentState.AVAILABLE || state == AgentState.RESERVED
        || state == AgentState.BUSY || state == AgentState.WRAP_UP;
    if (!staffed || !to.isAfter(from)) {
      return;
    }
    boolean occupied = state == AgentState.BUSY || state == AgentState.WRAP_UP;
    long start = from.toEpochMilli();
    long end = to.toEpochMilli();
    long slotMillis = book.slotMinutes() * 60_000L;
    while (start < end) {
      long slot = Math.floorDiv(start, slotMillis);
      long minute = slot * book.slotMinutes();
      long slice = Math.min(end, (slot + 1) * slotMillis) - start;
      for (Scope scope : new Scope[] {Scope.CENTER, Scope.agent(agent)}) {
        Tally t = book.at(scope, minute);
        t.staffedMillis += slice;
        if (occupied) {
          t.occupiedMillis += slice;
        }
      }
      start += slice;
    }
  }
}
