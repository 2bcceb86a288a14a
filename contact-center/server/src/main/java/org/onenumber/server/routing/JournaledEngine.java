package org.onenumber.server.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.event.AgentStateChanged;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.routing.AgentStatus;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.core.routing.RoutingEngine;

/**
 * Keeps the routing engine and its {@link RoutingRecord} from disagreeing. The engine decides in
 * memory; the decisions are then written in one transaction — those of one command ({@link
 * #handle}), or of several applied one after the other and written together ({@link #apply} …
 * {@link #commit}, the routing context's batches) — and only a written decision is handed on
 * (published, pushed). The cases:
 *
 * <ol>
 *   <li><b>The write succeeds</b>: engine and record moved together.
 *   <li><b>The engine refuses the command</b> (not found, illegal transition, invalid input): it
 *       throws before changing anything, so nothing is written and the engine stays in use. So does a
 *       command handed under a call's claim that another node has claimed since ({@link #handleUnder}).
 *   <li><b>The write fails, or the engine fails in any other way</b>: the engine's memory may be
 *       ahead of the record. It is marked stale and is never read again. The failure goes back to
 *       the caller (retriable), so the channel is not acknowledged; in a batch, to the caller of
 *       every command of the batch, since none of them was written.
 *   <li><b>A hand-over that failed before reaching the engine</b> (reading the new contact or
 *       its queue from the database): the caller {@link #distrust}s the engine, so the contact
 *       the record holds is not missing from the line.
 *   <li><b>The next use after a failure</b> ({@link #engine}, {@link #handle}) first rebuilds a
 *       fresh engine from the record: queue configurations, each citizen's last agent (sticky
 *       queues), open contacts and the stored agent sessions together ({@link RoutingEngine#restore}:
 *       agents logged back in with their state and capacity; an offer in flight offered again to the
 *       same agent when they can take it, else back to its place in line; wrap-ups close; a
 *       callback keeps its attempts and retry time). The rebuild's own decisions
 *       are written like any other; if that fails too, the use fails and the next one tries again.
 * </ol>
 *
 * <p>So any engine a caller can reach equals a replay of what the record holds. The same rebuild
 * runs at start, which makes a restart and a failed write one code path. Not thread-safe: confine
 * to the routing context, like the engine.
 */
final class JournaledEngine {

  private final Supplier<RoutingEngine> fresh;
  private final RoutingRecord record;
  private final BiConsumer<RoutingEngine, Decisions> written;
  private RoutingEngine engine;
  private boolean stale = true;
  private final List<Decisions> unwritten = new ArrayList<>();
  private final Set<AgentId> unwrittenAgents = new HashSet<>();

  /**
   * @param fresh makes an empty engine
   * @param written receives every written decision set of a rebuild, to publish it
   */
  JournaledEngine(Supplier<RoutingEngine> fresh, RoutingRecord record, BiConsumer<RoutingEngine, Decisions> written) {
    this.fresh = fresh;
    this.record = record;
    this.written = written;
  }

  /** The engine, rebuilt from the record first if the last write failed (or on first use). */
  RoutingEngine engine() {
    if (stale) {
      rebuild();
    }
    return engine;
  }

  /** True when the next use rebuilds (after a failure, before the first use). */
  boolean stale() {
    return stale;
  }

  /**
   * Stops trusting the engine: the record may hold something the engine never saw (a queued
   * contact whose hand-over to routing failed because the database went away). The next use
   * rebuilds from the record. Only between batches: decisions applied and not yet committed would
   * be dropped.
   */
  void distrust() {
    stale = true;
  }

  /**
   * Applies one command and writes its decisions (with any applied before and not yet written);
   * the caller publishes them.
   */
  Decisions handle(RoutingCommand command) {
    Decisions decisions = apply(command);
    commit();
    return decisions;
  }

  /**
   * {@link #handle} under a call's claim ({@link RoutingRecord#underClaim}): the claim is checked, the command
   * applied and its decisions written in one transaction, so no other node's claim lands between the check and
   * the commit. A stale claim throws {@link CallClaim.LostException} before the engine is touched (a refusal:
   * the engine stays in use). Call with nothing unwritten (after a {@link #commit}): the transaction writes this
   * command alone.
   */
  Decisions handleUnder(CallClaim claim, RoutingCommand command) {
    if (!unwritten.isEmpty()) {
      throw new IllegalStateException("a claimed command is written alone: commit the batch before it");
    }
    engine(); // a rebuild writes and publishes on its own, outside the claim's transaction
    return record.underClaim(claim, () -> handle(command));
  }

  /**
   * Applies one command to the engine without writing it: its decisions join the unwritten ones
   * that the next {@link #commit} writes in one transaction. Nothing of them may be handed on
   * before that commit. A refusal throws before any change and leaves the unwritten ones as they
   * are; any other failure marks the engine stale and drops them (none will be written: the
   * caller fails their commands).
   */
  Decisions apply(RoutingCommand command) {
    RoutingEngine current = engine();
    Decisions decisions;
    try {
      decisions = current.handle(command);
    } catch (NotFoundException | IllegalTransitionException | InvalidInputException refused) {
      throw refused;
    } catch (RuntimeException e) {
      stale = true;
      unwritten.clear();
      throw e;
    }
    unwritten.add(decisions);
    unwrittenAgents.addAll(touched(command, decisions));
    return decisions;
  }

  /**
   * Writes every decision applied since the last commit in one transaction (nothing when there
   * are none). If that fails, the engine is stale (it holds what the record does not) and none
   * of those decisions may be handed on.
   */
  void commit() {
    if (unwritten.isEmpty()) {
      return;
    }
    Decisions all = unwritten.size() == 1 ? unwritten.get(0) : merge(unwritten);
    Set<AgentId> agents = new HashSet<>(unwrittenAgents);
    unwritten.clear();
    unwrittenAgents.clear();
    write(engine, all, agents);
  }

  private void rebuild() {
    engine = null;
    unwritten.clear();
    unwrittenAgents.clear();
    RoutingEngine next = fresh.get();
    List<Decisions> decisions = new ArrayList<>();
    try {
      record.configurations().forEach(c -> decisions.add(next.handle(new RoutingCommand.Configure(c))));
      next.rememberLastAgents(record.lastAgents());
      decisions.add(next.restore(record.openContacts(), record.sessionCommands()));
    } catch (RuntimeException e) {
      throw new RetriableException("routing could not be rebuilt from the journal: " + e.getMessage(), e);
    }
    Set<AgentId> agents = new HashSet<>();
    decisions.forEach(d -> agents.addAll(touched(null, d)));
    Decisions all = merge(decisions);
    write(next, all, agents);
    engine = next;
    stale = false;
    written.accept(next, all);
  }

  private void write(RoutingEngine current, Decisions decisions, Set<AgentId> agents) {
    List<AgentStatus> in = new ArrayList<>();
    Set<AgentId> out = new HashSet<>();
    for (AgentId agent : agents) {
      current.agent(agent).ifPresentOrElse(in::add, () -> out.add(agent));
    }
    try {
      record.write(decisions, in, out);
    } catch (RuntimeException e) {
      stale = true;
      throw e;
    }
  }

  /** The agents whose session may have changed: the one the command names, and any that moved. */
  private static Set<AgentId> touched(RoutingCommand command, Decisions decisions) {
    Set<AgentId> agents = new HashSet<>();
    switch (command) {
      case RoutingCommand.LogIn l -> agents.add(l.agent().id());
      case RoutingCommand.LogOut l -> agents.add(l.agent());
      case RoutingCommand.MakeAvailable m -> agents.add(m.agent());
      case RoutingCommand.TakeBreak b -> agents.add(b.agent());
      case RoutingCommand.ChangeCapacity c -> agents.add(c.agent());
      case null, default -> { }
    }
    for (DomainEvent event : decisions.events()) {
      if (event instanceof AgentStateChanged changed) {
        agents.add(changed.agent());
      }
    }
    return agents;
  }

  private static Decisions merge(List<Decisions> all) {
    List<DomainEvent> events = new ArrayList<>();
    Map<ContactId, Contact> contacts = new LinkedHashMap<>();
    for (Decisions d : all) {
      events.addAll(d.events());
      d.contacts().forEach(c -> contacts.put(c.id(), c));
    }
    return new Decisions(events, List.copyOf(contacts.values()), null);
  }
}
