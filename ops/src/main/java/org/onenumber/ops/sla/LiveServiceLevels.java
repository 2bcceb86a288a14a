package org.onenumber.ops.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.event.AgentStateChanged;
import org.onenumber.core.event.CaseOpened;
import org.onenumber.core.event.ContactCategorized;
import org.onenumber.core.event.ContactCreated;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.event.SurveyAnswered;

/**
 * Folds domain events into service-level tallies as they happen, per scope and arrival minute.
 * A contact state change is handled in this order (the code mirrors the list):
 *
 * <ol>
 *   <li>the finished spell in CONNECTED, HELD or WRAP_UP adds to talk, hold or wrap-up time;
 *   <li>the contact's queue and agent follow the step (as {@code Contact.moveTo} does);
 *   <li>CLOSED straight from CREATED with reason {@code self-served} (the IVR answered by topic)
 *       counts as self-served in that minute; such a contact never arrives;
 *   <li>the first QUEUED or OFFERED is the arrival: offered + 1 in the arrival minute;
 *   <li>while waiting, CONNECTED, ABANDONED, CALLBACK_REQUESTED or CLOSED end the wait
 *       (answered, abandoned, callback, timeout); the first OVERFLOWED counts as overflowed;
 *   <li>the first TRANSFERRED counts as transferred;
 *   <li>CLOSED after having been connected counts as handled, and as resolved at first contact
 *       unless escalated, transferred (a TRANSFERRED step, or closed with reason
 *       {@code escalated} or {@code transferred}) or already repeated.
 * </ol>
 *
 * A later contact of the same citizen in the same category within the repeat window, or a case
 * opened for the contact, takes a counted resolution back; categories may arrive late and in any
 * order, the earlier contact of a pair is the one repeated. A contact's later category (the
 * operator's disposition) replaces its earlier one: the contacts of both categories are judged
 * again, and a contact no longer repeated gets its resolution back (as batch, which sees only the
 * latest category). Unknown contacts are created from the
 * state change itself. Thread-safe: every method is synchronized; events must arrive in the order
 * they happened.
 */
public final class LiveServiceLevels implements ServiceLevelView, Consumer<DomainEvent> {

  private final ServiceLevelPolicy policy;
  private final TallyBook book = new TallyBook();
  private final Map<ContactId, LiveContact> contacts = new HashMap<>();
  private final Map<ContactId, LiveContact> waiting = new LinkedHashMap<>();
  private final Map<String, List<LiveContact>> byCitizenCategory = new HashMap<>();
  private final Map<AgentId, AgentState> agentStates = new HashMap<>();
  private final Map<AgentId, Instant> agentSince = new HashMap<>();

  public LiveServiceLevels(ServiceLevelPolicy policy) {
    this.policy = policy;
  }

  @Override
  public ServiceLevelPolicy policy() {
    return policy;
  }

  @Override
  public synchronized void accept(DomainEvent event) {
    switch (event) {
      case ContactCreated e -> contacts.putIfAbsent(e.contact(),
          new LiveContact(e.citizen(), e.channel(), e.language(), e.at()));
      case ContactStateChanged e -> onStateChanged(e);
      case ContactCategorized e -> onCategorized(e);
      case CaseOpened e -> onEscalated(e.contact());
      case SurveyAnswered e -> onSurvey(e);
      case AgentStateChanged e -> onAgent(e);
      default -> { }
    }
  }

  private void onStateChanged(ContactStateChanged e) {
    LiveContact c = contacts.computeIfAbsent(e.contact(),
        id -> new LiveContact(null, e.channel(), e.language(), e.at()));
    ContactState to = e.to();
    finishSpell(c, e.at());
    c.queue = e.queue() != null ? e.queue() : c.queue;
    c.agent = e.agent() != null ? e.agent() : Steps.keepsAgent(to) ? c.agent : null;
    if (!c.arrived() && Steps.selfServed(c.state, to, e.reason())) {
      long minute = Window.minuteOf(e.at());
      c.contactScopes().forEach(s -> book.at(s, minute).selfServed++);
    }
    if (!c.arrived() && (to == ContactState.QUEUED || to == ContactState.OFFERED)) {
      arrive(c, e);
    }
    if (c.arrived() && !c.waitEnded) {
      whileWaiting(c, e);
    }
    if (c.arrived() && to == ContactState.TRANSFERRED && !c.transferred) {
      c.transferred = true;
      c.scopes().forEach(s -> book.at(s, c.arrivalMinute).transferred++);
    }
    c.everConnected |= to == ContactState.CONNECTED;
    if (c.arrived() && to == ContactState.CLOSED && c.everConnected) {
      close(c, Steps.closedUnresolved(e.reason()));
    }
    c.state = to;
    c.stateSince = e.at();
  }

  private void finishSpell(LiveContact c, Instant at) {
    if (!c.arrived() || !Steps.isHandling(c.state)) {
      return;
    }
    long millis = Duration.between(c.stateSince, at).toMillis();
    List<Scope> scopes = c.contactScopes();
    if (c.agent != null) {
      scopes.add(Scope.agent(c.agent));
    }
    scopes.forEach(s -> Steps.addHandling(book.at(s, c.arrivalMinute), c.state, millis));
  }

  private void arrive(LiveContact c, ContactStateChanged e) {
    c.arrivedAt = e.at();
    c.arrivalMinute = Window.minuteOf(e.at());
    c.entryQueue = c.queue;
    c.contactScopes().forEach(s -> book.at(s, c.arrivalMinute).offered++);
    waiting.put(e.contact(), c);
  }

  private void whileWaiting(LiveContact c, ContactStateChanged e) {
    long waitMillis = Duration.between(c.arrivedAt, e.at()).toMillis();
    boolean withinT = waitMillis <= policy.thresholdFor(c.entryQueue).toMillis();
    switch (e.to()) {
      case CONNECTED -> {
        c.answered = true;
        c.answeringAgent = c.agent;
        c.scopes().forEach(s -> Steps.addAnswer(book.at(s, c.arrivalMinute), waitMillis, withinT, c.agent));
      }
      case ABANDONED -> c.scopes().forEach(s -> Steps.addAbandon(book.at(s, c.arrivalMinute), waitMillis,
          withinT, policy.shortAbandon().toMillis()));
      case CALLBACK_REQUESTED -> c.scopes().forEach(s -> book.at(s, c.arrivalMinute).callbacks++);
      case CLOSED -> c.scopes().forEach(s -> book.at(s, c.arrivalMinute).timeouts++);
      case OVERFLOWED -> {
        if (!c.overflowed) {
          c.overflowed = true;
          c.scopes().forEach(s -> book.at(s, c.arrivalMinute).overflowed++);
        }
      }
      default -> { }
    }
    c.waitEnded = Steps.endsWait(e.to());
    if (c.waitEnded) {
      waiting.remove(e.contact());
    }
  }

  private void close(LiveContact c, boolean escalatedOnClose) {
    c.escalated |= escalatedOnClose;
    boolean resolved = !c.escalated && !c.transferred && !c.repeated;
    c.fcrCounted = resolved;
    c.closedHandled = true;
    for (Scope s : c.scopes()) {
      Tally t = book.at(s, c.arrivalMinute);
      t.handled++;
      t.fcrEligible++;
      t.fcrResolved += resolved ? 1 : 0;
    }
  }

  private void takeBackResolution(LiveContact c) {
    if (c.fcrCounted) {
      c.fcrCounted = false;
      c.scopes().forEach(s -> book.at(s, c.arrivalMinute).fcrResolved--);
    }
  }

  private void onCategorized(ContactCategorized e) {
    LiveContact c = contacts.get(e.contact());
    if (c == null || c.citizen == null || e.category().equals(c.category)) {
      return;
    }
    List<LiveContact> judged = new ArrayList<>();
    if (c.category != null) {
      List<LiveContact> before = byCitizenCategory.get(key(c));
      if (before != null) {
        before.remove(c);
        judged.addAll(before);
      }
    }
    c.category = e.category();
    List<LiveContact> same = byCitizenCategory.computeIfAbsent(key(c), k -> new ArrayList<>());
    same.add(c);
    judged.addAll(same);
    judged.forEach(this::judgeRepeat);
  }

  private static String key(LiveContact c) {
    return c.citizen + "|" + c.category;
  }

  /** Repeated when a later contact of the same citizen and category falls within the window. */
  private void judgeRepeat(LiveContact c) {
    boolean repeated = byCitizenCategory.getOrDefault(key(c), List.of()).stream()
        .anyMatch(later -> Steps.isRepeat(c.createdAt, later.createdAt, policy.repeatWindow()));
    if (repeated && !c.repeated) {
      c.repeated = true;
      takeBackResolution(c);
    } else if (!repeated && c.repeated) {
      c.repeated = false;
      giveBackResolution(c);
    }
  }

  private void giveBackResolution(LiveContact c) {
    if (c.closedHandled && !c.fcrCounted && !c.escalated && !c.transferred && !c.repeated) {
      c.fcrCounted = true;
      c.scopes().forEach(s -> book.at(s, c.arrivalMinute).fcrResolved++);
    }
  }

  private void onEscalated(ContactId contact) {
    LiveContact c = contacts.get(contact);
    if (c != null) {
      c.escalated = true;
      takeBackResolution(c);
    }
  }

  private void onSurvey(SurveyAnswered e) {
    LiveContact c = contacts.get(e.contact());
    if (c != null && c.arrived()) {
      c.scopes().forEach(s -> Steps.addSurvey(book.at(s, c.arrivalMinute), e.resolved(), e.score()));
    }
  }

  private void onAgent(AgentStateChanged e) {
    AgentState previous = agentStates.get(e.agent());
    if (previous != null) {
      AgentSpells.record(book, e.agent().value(), previous, agentSince.get(e.agent()), e.at());
    }
    agentStates.put(e.agent(), e.to());
    agentSince.put(e.agent(), e.at());
  }

  @Override
  public synchronized Tally tally(Scope scope, Window window, Instant now) {
    return book.sum(scope, window.fromMinute(now, policy.zone()), window.toMinute(now, policy.zone()));
  }

  @Override
  public synchronized LiveStatus status(Scope scope, Instant now) {
    long count = 0;
    Instant oldest = null;
    for (LiveContact c : waiting.values()) {
      if (c.contactScopes().contains(scope)) {
        count++;
        oldest = oldest == null || c.arrivedAt.isBefore(oldest) ? c.arrivedAt : oldest;
      }
    }
    double longest = oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
    Map<AgentState, Long> byState = new EnumMap<>(AgentState.class);
    agentStates.forEach((agent, state) -> {
      if (scope.kind() == ScopeKind.CENTER || scope.equals(Scope.agent(agent))) {
        byState.merge(state, 1L, Long::sum);
      }
    });
    return new LiveStatus(count, longest, byState);
  }

  @Override
  public synchronized Set<Scope> scopes() {
    return book.scopes();
  }

  /**
   * Forgets the tallies of minutes before {@code before}, and ended contacts created before
   * {@code before} minus the repeat window (they can no longer be repeated into).
   */
  public synchronized void forget(Instant before) {
    book.forgetBefore(Window.minuteOf(before));
    Instant horizon = before.minus(policy.repeatWindow());
    contacts.values().removeIf(c -> c.state.isTerminal() && c.createdAt.isBefore(horizon));
    byCitizenCategory.values().forEach(l -> l.removeIf(c -> c.createdAt.isBefore(horizon)));
    byCitizenCategory.values().removeIf(List::isEmpty);
  }
}
