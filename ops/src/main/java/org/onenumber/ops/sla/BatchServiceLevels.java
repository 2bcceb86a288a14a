package org.onenumber.ops.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.event.AgentStateChanged;
import org.onenumber.core.event.SurveyAnswered;

/**
 * Recomputes service levels from stored facts: contact snapshots with every step, agent state
 * changes, survey answers and the contacts escalated to a department, as of an instant (later
 * steps are ignored). For each contact (the code mirrors the list):
 *
 * <ol>
 *   <li>its steps up to {@code asOf} are replayed to know the queue and agent after each step;
 *   <li>no QUEUED or OFFERED step: never offered; if it went from CREATED straight to CLOSED with
 *       reason {@code self-served} (the IVR answered by topic) it counts as self-served in the
 *       minute it closed, otherwise nowhere;
 *   <li>the first step after the arrival that ends a wait decides answered, abandoned, callback or
 *       timeout; an OVERFLOWED step before it counts as overflowed;
 *   <li>the first TRANSFERRED step counts as transferred (for the agent only if after the answer);
 *   <li>every spell in CONNECTED, HELD or WRAP_UP that has ended is talk, hold or wrap-up time;
 *   <li>closed after a CONNECTED step: handled, and resolved at first contact unless escalated
 *       (a case, or closing reason {@code escalated}), transferred (a TRANSFERRED step, or closing
 *       reason {@code transferred}), or repeated by the same citizen in the same category within
 *       the window.
 * </ol>
 *
 * Stateless; each call builds a fresh, unshared result. Fails with the core's validation errors
 * only if given inconsistent records.
 */
public final class BatchServiceLevels implements ServiceLevelView {

  private final ServiceLevelPolicy policy;
  private final TallyBook book;
  private final Map<Scope, List<Instant>> waitingSince = new HashMap<>();
  private final Map<AgentId, AgentState> agentStates = new HashMap<>();

  private BatchServiceLevels(ServiceLevelPolicy policy, int slotMinutes) {
    this.policy = policy;
    this.book = new TallyBook(slotMinutes);
  }

  /** Recomputes everything from the stored facts as of {@code asOf}, in one-minute slots. */
  public static BatchServiceLevels compute(Collection<Contact> contacts, List<AgentStateChanged> agentChanges,
      List<SurveyAnswered> surveys, Set<ContactId> escalated, ServiceLevelPolicy policy, Instant asOf) {
    Builder builder = builder(policy, 1, asOf, new Repeats(policy.repeatWindow(), asOf).addAll(contacts), escalated,
        surveys);
    contacts.forEach(builder::add);
    agentChanges.stream().sorted(Comparator.comparing(AgentStateChanged::at)).forEach(builder::agentChanged);
    return builder.build();
  }

  /**
   * A recomputation fed one contact at a time, for a span too large to hold (a city's day: the
   * contacts streamed from the journal). {@code repeats} must already hold every contact of the span.
   * Its figures can be asked only for windows on {@code slotMinutes} bounds.
   */
  public static Builder builder(ServiceLevelPolicy policy, int slotMinutes, Instant asOf, Repeats repeats,
      Set<ContactId> escalated, List<SurveyAnswered> surveys) {
    return new Builder(new BatchServiceLevels(policy, slotMinutes), asOf, repeats, escalated, surveys);
  }

  /** Takes contacts and the agents' state changes one at a time. Not thread-safe; built once. */
  public static final class Builder {

    private final BatchServiceLevels batch;
    private final Map<AgentId, AgentStateChanged> lastChange = new HashMap<>();
    private final Instant asOf;
    private final Repeats repeats;
    private final Set<ContactId> escalated;
    private final Map<ContactId, List<SurveyAnswered>> surveys = new HashMap<>();

    private Builder(BatchServiceLevels batch, Instant asOf, Repeats repeats, Set<ContactId> escalated,
        List<SurveyAnswered> surveys) {
      this.batch = batch;
      this.asOf = asOf;
      this.repeats = repeats;
      this.escalated = escalated;
      surveys.stream().filter(s -> !s.at().isAfter(asOf))
          .forEach(s -> this.surveys.computeIfAbsent(s.contact(), k -> new ArrayList<>()).add(s));
    }

    /** Counts one contact with its steps up to {@code asOf}, and its survey answers. */
    public void add(Contact c) {
      Replay r = new Replay(c, asOf);
      if (r.arrival < 0 && r.selfServed()) {
        long minute = Window.minuteOf(r.at(1));
        List.of(Scope.CENTER, Scope.channel(c.channel()), Scope.language(c.language()))
            .forEach(s -> batch.book.at(s, minute).selfServed++);
      }
      if (r.arrival >= 0) {
        batch.addContact(r, escalated.contains(c.id()) || r.closedUnresolved(), repeats.repeated(c));
        for (SurveyAnswered s : surveys.getOrDefault(c.id(), List.of())) {
          r.scopes(true).forEach(scope -> Steps.addSurvey(batch.book.at(scope, r.arrivalMinute()), s.resolved(),
              s.score()));
        }
      }
    }

    /**
     * Counts an agent's state change: the spell it ends is staffed or occupied time. Changes come
     * in order of their instant; those after {@code asOf} are ignored.
     */
    public void agentChanged(AgentStateChanged e) {
      if (!e.at().isAfter(asOf)) {
        AgentStateChanged previous = lastChange.put(e.agent(), e);
        if (previous != null) {
          AgentSpells.record(batch.book, e.agent().value(), previous.to(), previous.at(), e.at());
        }
      }
    }

    /** The figures; each agent's state is its last change's. */
    public BatchServiceLevels build() {
      lastChange.forEach((agent, e) -> batch.agentStates.put(agent, e.to()));
      return batch;
    }
  }

  private void addContact(Replay r, boolean escalated, boolean repeated) {
    long minute = r.arrivalMinute();
    List<Tally> contact = tallies(r.scopes(false), minute); // each scope's tally looked up once per contact
    List<Tally> withAgent = r.scopes(true).size() == contact.size() ? contact
        : append(contact, book.at(r.scopes(true).get(contact.size()), minute));
    contact.forEach(t -> t.offered++);
    if (r.waitEnd < 0) {
      r.scopes(false).forEach(s -> waitingSince.computeIfAbsent(s, k -> new ArrayList<>()).add(r.at(r.arrival)));
    } else {
      addWaitOutcome(r, withAgent);
    }
    if (r.firstIndex(ContactState.OVERFLOWED, r.arrival, r.waitEnd < 0 ? r.size() : r.waitEnd) >= 0) {
      contact.forEach(t -> t.overflowed++);
    }
    int transfer = r.firstIndex(ContactState.TRANSFERRED, r.arrival, r.size());
    if (transfer >= 0) {
      (r.answered() && transfer > r.waitEnd ? withAgent : contact).forEach(t -> t.transferred++);
    }
    addHandling(r, contact, minute);
    if (r.closedAfterConnect()) {
      boolean resolved = !escalated && transfer < 0 && !repeated;
      for (Tally t : withAgent) {
        t.handled++;
        t.fcrEligible++;
        t.fcrResolved += resolved ? 1 : 0;
      }
    }
  }

  private List<Tally> tallies(List<Scope> scopes, long minute) {
    List<Tally> tallies = new ArrayList<>(scopes.size() + 1);
    scopes.forEach(s -> tallies.add(book.at(s, minute)));
    return tallies;
  }

  private static List<Tally> append(List<Tally> tallies, Tally one) {
    List<Tally> more = new ArrayList<>(tallies);
    more.add(one);
    return more;
  }

  private void addWaitOutcome(Replay r, List<Tally> withAgent) {
    long wait = Duration.between(r.at(r.arrival), r.at(r.waitEnd)).toMillis();
    boolean withinT = wait <= policy.thresholdFor(r.queues[r.arrival]).toMillis();
    ContactState end = r.steps.get(r.waitEnd).state();
    for (Tally t : withAgent) {
      switch (end) {
        case CONNECTED -> Steps.addAnswer(t, wait, withinT, r.agents[r.waitEnd]);
        case ABANDONED -> Steps.addAbandon(t, wait, withinT, policy.shortAbandon().toMillis());
        case CALLBACK_REQUESTED -> t.callbacks++;
        case CLOSED -> t.timeouts++;
        default -> throw new IllegalStateException("not a wait end: " + end);
      }
    }
  }

  private void addHandling(Replay r, List<Tally> contact, long minute) {
    for (int i = r.arrival; i + 1 < r.size(); i++) {
      ContactState state = r.steps.get(i).state();
      if (Steps.isHandling(state)) {
        long millis = Duration.between(r.at(i), r.at(i + 1)).toMillis();
        contact.forEach(t -> Steps.addHandling(t, state, millis));
        if (r.agents[i] != null) {
          Steps.addHandling(book.at(Scope.agent(r.agents[i]), minute), state, millis);
        }
      }
    }
  }

  @Override
  public ServiceLevelPolicy policy() {
    return policy;
  }

  @Override
  public Tally tally(Scope scope, Window window, Instant now) {
    return book.sum(scope, window.fromMinute(now, policy.zone()), window.toMinute(now, policy.zone()));
  }

  @Override
  public LiveStatus status(Scope scope, Instant now) {
    List<Instant> since = waitingSince.getOrDefault(scope, List.of());
    Instant oldest = since.stream().min(Comparator.naturalOrder()).orElse(null);
    double longest = oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
    Map<AgentState, Long> byState = new EnumMap<>(AgentState.class);
    agentStates.forEach((agent, state) -> {
      if (scope.kind() == ScopeKind.CENTER || scope.equals(Scope.agent(agent))) {
        byState.merge(state, 1L, Long::sum);
      }
    });
    return new LiveStatus(since.size(), longest, byState);
  }

  @Override
  public Set<Scope> scopes() {
    return book.scopes();
  }

  /** One contact's steps up to {@code asOf} with the queue and agent in effect after each. */
  private static final class Replay {
    final Contact contact;
    final List<ContactStep> steps;
    final QueueId[] queues;
    final AgentId[] agents;
    final int arrival;
    final int waitEnd;
    private List<Scope> ownScopes;
    private List<Scope> ownScopesWithAgent;

    Replay(Contact contact, Instant asOf) {
      this.contact = contact;
      this.steps = contact.steps().stream().filter(s -> !s.at().isAfter(asOf)).toList();
      queues = new QueueId[steps.size()];
      agents = new AgentId[steps.size()];
      for (int i = 0; i < steps.size(); i++) {
        ContactStep s = steps.get(i);
        QueueId q = i == 0 ? null : queues[i - 1];
        AgentId a = i == 0 ? null : agents[i - 1];
        queues[i] = s.queue() != null ? s.queue() : q;
        agents[i] = s.agent() != null ? s.agent() : Steps.keepsAgent(s.state()) ? a : null;
      }
      int first = firstIndex(ContactState.QUEUED, 0, steps.size());
      int offered = firstIndex(ContactState.OFFERED, 0, steps.size());
      arrival = first < 0 ? offered : offered < 0 ? first : Math.min(first, offered);
      int end = -1;
      for (int i = arrival + 1; arrival >= 0 && i < steps.size() && end < 0; i++) {
        end = Steps.endsWait(steps.get(i).state()) ? i : -1;
      }
      waitEnd = end;
    }

    int size() {
      return steps.size();
    }

    Instant at(int i) {
      return steps.get(i).at();
    }

    long arrivalMinute() {
      return Window.minuteOf(at(arrival));
    }

    boolean answered() {
      return waitEnd >= 0 && steps.get(waitEnd).state() == ContactState.CONNECTED;
    }

    int firstIndex(ContactState state, int from, int to) {
      for (int i = from; i < to; i++) {
        if (steps.get(i).state() == state) {
          return i;
        }
      }
      return -1;
    }

    boolean selfServed() {
      return size() == 2 && Steps.selfServed(steps.get(0).state(), steps.get(1).state(), steps.get(1).reason());
    }

    boolean closedAfterConnect() {
      return steps.get(size() - 1).state() == ContactState.CLOSED
          && firstIndex(ContactState.CONNECTED, arrival, size()) >= 0;
    }

    boolean closedUnresolved() {
      ContactStep last = steps.get(size() - 1);
      return last.state() == ContactState.CLOSED && Steps.closedUnresolved(last.reason());
    }

    /** Center, entry queue, channel, language; plus the answering agent when asked and answered. */
    List<Scope> scopes(boolean withAgent) {
      if (withAgent ? ownScopesWithAgent == null : ownScopes == null) { // made once: asked for at every tally
        List<Scope> made = List.copyOf(makeScopes(withAgent));
        if (withAgent) {
          ownScopesWithAgent = made;
        } else {
          ownScopes = made;
        }
      }
      return withAgent ? ownScopesWithAgent : ownScopes;
    }

    private List<Scope> makeScopes(boolean withAgent) {
      List<Scope> scopes = new ArrayList<>(5);
      scopes.add(Scope.CENTER);
      if (queues[arrival] != null) {
        scopes.add(Scope.queue(queues[arrival]));
      }
      scopes.add(Scope.channel(contact.channel()));
      scopes.add(Scope.language(contact.language()));
      if (withAgent && answered() && agents[waitEnd] != null) {
        scopes.add(Scope.agent(agents[waitEnd]));
      }
      return scopes;
    }
  }
}
