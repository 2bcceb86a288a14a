package org.onenumber.core.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.NavigableSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.event.CallbackScheduled;
import org.onenumber.core.event.OfferTimedOut;
import org.onenumber.core.event.QueuePositionChanged;
import org.onenumber.core.event.RoutingStepApplied;
import org.onenumber.core.routing.Matcher.Match;
import org.onenumber.core.routing.RoutingCommand.Abandon;
import org.onenumber.core.routing.RoutingCommand.Accept;
import org.onenumber.core.routing.RoutingCommand.Arrive;
import org.onenumber.core.routing.RoutingCommand.CallbackResult;
import org.onenumber.core.routing.RoutingCommand.ChangeCapacity;
import org.onenumber.core.routing.RoutingCommand.Close;
import org.onenumber.core.routing.RoutingCommand.Conference;
import org.onenumber.core.routing.RoutingCommand.Configure;
import org.onenumber.core.routing.RoutingCommand.Decline;
import org.onenumber.core.routing.RoutingCommand.Consult;
import org.onenumber.core.routing.RoutingCommand.Handover;
import org.onenumber.core.routing.RoutingCommand.Hold;
import org.onenumber.core.routing.RoutingCommand.LogIn;
import org.onenumber.core.routing.RoutingCommand.LogOut;
import org.onenumber.core.routing.RoutingCommand.MakeAvailable;
import org.onenumber.core.routing.RoutingCommand.RequestCallback;
import org.onenumber.core.routing.RoutingCommand.Resume;
import org.onenumber.core.routing.RoutingCommand.TakeBreak;
import org.onenumber.core.routing.RoutingCommand.Tick;
import org.onenumber.core.routing.RoutingCommand.Transfer;
import org.onenumber.core.routing.RoutingCommand.WrapUp;

/**
 * The omnichannel routing engine: every waiting contact, every logged-in agent, every offer. All
 * inputs are {@link RoutingCommand}s; all decisions leave as domain events in {@link Decisions}
 * for the host to journal and publish. Timers are data: after each command the host schedules a
 * {@link Tick} at {@link #nextDeadline()}.
 *
 * <p>Policy, one case per method group below:
 *
 * <ol>
 *   <li><b>Eligibility</b> ({@link Matcher#eligible}): logged in to one of the contact's target
 *       queues, not on break, not not-responding, no pending offer; every required skill at the
 *       required level; speaks the contact's language; capacity left — voice and video exclusive,
 *       messaging up to the agent's N, messaging during a call only where the queue allows it.
 *   <li><b>Which contact first</b> ({@link Matcher#contactFor}): higher priority, then longest
 *       waiting (times the queue weight) across all queues the agent serves; age counts from
 *       entering the first queue and survives transfers unless the transfer says otherwise; a
 *       contact transferred into a queue takes at least that queue's priority.
 *   <li><b>Which agent</b> ({@link Matcher#agentFor}): the queue's {@link AgentSelection}.
 *   <li><b>Widening over time</b> ({@link #applyDueSteps}): the queue's steps, by threshold from
 *       entering the queue: lower skill levels, add overflow queues, offer a callback, fall back.
 *   <li><b>Offers</b> ({@link #offer}, {@link #returnToLine}): an offer rings for the queue's offer
 *       timeout; on timeout or decline the contact returns to its place and the agent goes
 *       NOT_RESPONDING (if the queue says so) until they make themselves available.
 *   <li><b>After a contact</b> ({@link #wrapUp}, {@link #finish}, {@link #logOut}): wrap-up timer
 *       per queue, then capacity is free again; breaks with reasons; logout with open contacts is
 *       refused, or transfers them back to their queues when asked.
 *   <li><b>Queued callback</b> ({@link #requestCallback}, {@link #callbackFailed}): the contact
 *       keeps its place as a voice callback; on its turn an agent is reserved and
 *       {@code CallbackPlaced} tells the host to dial; failures retry after a delay up to a maximum.
 *   <li><b>Position and estimated wait</b> ({@link #announce}): announced on arrival and then per
 *       queue every position interval, when position or estimate (5 s steps) changed.
 *   <li><b>Transfers</b> ({@link #transfer}): to a queue (keeping age by default), to a named agent
 *       (preferred for the sticky timeout, then anyone eligible), to a department desk (leaves
 *       routing); conference requests for interpreters on calls.
 *   <li><b>Business hours</b> ({@link #stepsFor}): a contact arriving while its queue's calendar is
 *       closed follows the closed-hours steps instead of the normal ones.
 *   <li><b>Hold</b> ({@link #hold}, {@link #resume}): only a connected call (voice or video) goes
 *       on hold and only a held one resumes; a held call stays the agent's — busy, no new offers —
 *       and may be wrapped up, closed, transferred or abandoned like a connected one.
 *       A consult transfer ({@link #consult}, {@link #handover}) holds the call with reason
 *       {@code consult:<target>} and reserves a target agent (BUSY, no offers) until it ends, then
 *       moves it straight to the target agent (HELD → CONNECTED with them), or resumes it.
 * </ol>
 *
 * <p>The file is long on purpose: the policy stays in one place, the list above and the methods
 * that mirror it; the state and its plumbing are in {@link EngineState}, matching in {@link Matcher}.
 *
 * <p>Threading: not thread-safe; confine to one thread or event-loop context. Failures: a command
 * naming an unknown contact, agent or queue throws {@link NotFoundException}, one that does not fit
 * the current state {@link IllegalTransitionException}; both before any state changes.
 */
public final class RoutingEngine extends EngineState {

  private static final long SECONDS_STEP = 5;
  private static final int SLICE = 64;


  /**
   * @param positionInterval how often each queue's positions and estimates are re-announced
   * @param defaultHandleTime the handle time assumed before any contact was handled
   */
  public RoutingEngine(InstantSource clock, RandomGenerator random, Duration positionInterval,
      Duration defaultHandleTime) {
    super(clock, random, positionInterval, defaultHandleTime);
  }

  public RoutingEngine(InstantSource clock, RandomGenerator random) {
    this(clock, random, Duration.ofSeconds(10), Duration.ofMinutes(3));
  }

  /** Applies one command, fires due timers, matches what can be matched, and returns the decisions. */
  public Decisions handle(RoutingCommand command) {
    Instant at = clock.instant();
    now = at.isAfter(now) ? at : now;
    rollDay();
    if (!dispatch(command)) {
      return Decisions.refusal("agent has open contacts; log out with transfer or close them first");
    }
    fireDueTimers();
    settle();
    return out.drain();
  }

  /**
   * Remembers, after a restart, which agent each citizen last spoke with (from the journal), so
   * that a sticky queue prefers that agent again. Later entries of the engine's own win: call it
   * before {@link #restore}. Changes nothing else and decides nothing.
   */
  public void rememberLastAgents(Map<CitizenId, AgentId> last) {
    last.forEach(lastAgent::putIfAbsent);
  }

  /** {@link #restore(List, List)} with no agent logged back in: every ringing offer goes back to the line. */
  public Decisions restore(List<Contact> open) {
    return restore(open, List.of());
  }

  /**
   * Rebuilds routing after a restart or a takeover from the journal's open contacts (oldest first)
   * and the stored agent sessions: waiting contacts re-queued with their original ages in their
   * original order, a queued callback with its attempts so far and, after a failed one, held back
   * until its retry time (as journaled: the steps {@code callback-not-answered}/{@code
   * callback-no-result}); wrap-ups closed; connected contacts kept for their agent's next login.
   * Then {@code sessions} (the commands that log the stored agents back in; one the engine refuses
   * is skipped and that agent stays logged out). An offer that was ringing (not a callback being
   * placed) is journaled back in line ({@code restart}) and, before anything else is matched,
   * offered again to the same agent if they are logged back in and can take it now (not on break,
   * not not-responding, capacity left; the offer timeout runs again); otherwise it stays in its
   * place in the line. So the citizen does not lose the operator who was about to answer, and the
   * contact is offered to one operator only.
   */
  public Decisions restore(List<Contact> open, List<RoutingCommand> sessions) {
    now = clock.instant().isAfter(now) ? clock.instant() : now;
    List<Contact> ordered = new ArrayList<>(open);
    ordered.sort(java.util.Comparator.comparing((Contact c) -> c.waitingSince(now).negated())
        .thenComparing(c -> c.id().value()));
    List<Restore.Ringing> ringing = new ArrayList<>();
    ordered.forEach(c -> restoreOne(c, ringing));
    for (RoutingCommand session : sessions) {
      try {
        dispatch(session);
      } catch (NotFoundException | IllegalTransitionException | org.onenumber.core.error.InvalidInputException refused) {
        // e.g. a queue deleted since: refused before any change, so that agent stays logged out
      }
    }
    ringing.forEach(this::reoffer);
    fireDueTimers();
    settle();
    return out.drain();
  }

  /** The earliest timer, if any: the host runs {@code handle(new Tick())} then. */
  public Optional<Instant> nextDeadline() {
    return timers.isEmpty() ? Optional.empty() : Optional.of(timers.peek().at());
  }

  private boolean dispatch(RoutingCommand command) {
    switch (command) {
      case Configure c -> configure(c.config());
      case Arrive a -> arrive(a.contact());
      case LogIn l -> logIn(l);
      case LogOut l -> {
        return logOut(seat(l.agent()), l.transferOpenContacts());
      }
      case MakeAvailable m -> presence(seat(m.agent()), null, "available");
      case TakeBreak b -> presence(seat(b.agent()), b.reason(), "break");
      case ChangeCapacity c -> changeCapacity(seat(c.agent()), c.maxMessaging());
      case Accept a -> connect(offered(a.contact(), a.agent()), Accept.REASON);
      case Decline d -> decline(offered(d.contact(), d.agent()), d.reason());
      case Hold h -> hold(entry(h.contact()), "hold");
      case Consult c -> consult(entry(c.contact()), c.target());
      case Handover h -> handover(entry(h.contact()), seat(h.toAgent()));
      case Resume r -> resume(entry(r.contact()));
      case WrapUp w -> wrapUp(held(w.contact()), w.outcome().reason(), w.by());
      case Close c -> finish(held(c.contact()), c.outcome().reason(), c.by());
      case Abandon a -> abandon(entry(a.contact()), a.reason());
      case Transfer t -> transfer(t);
      case RoutingCommand.HandOff h -> handOff(held(h.contact()), h.toQueue());
      case Conference c -> Transfers.conference(held(c.contact()), c.thirdParty(), now, out);
      case RequestCallback r -> requestCallback(entry(r.contact()));
      case CallbackResult r -> callbackResult(entry(r.contact()), r.answered());
      case Tick t -> { }
    }
    return true;
  }

  // ---- configuration and arrival -------------------------------------------------------------

  private void configure(QueueConfig config) {
    QueueConfig previous = configs.put(config.id(), config);
    if (previous == null) {
      long offset = (long) (random.nextDouble() * positionInterval.toMillis());
      schedule(Timer.Type.POSITIONS, now.plusMillis(offset), null, config.id(), 0);
      return;
    }
    seats.values().forEach(agents::withdraw);
    agents.forget(config.id());
    seats.values().forEach(s -> {
      agents.insert(s);
      dirtySeats.add(s);
    });
  }

  private void arrive(Contact contact) {
    QueueConfig config = config(contact.queue());
    if (entries.containsKey(contact.id())) {
      throw new IllegalTransitionException("contact " + contact.id(), "routed", "arrived again");
    }
    Instant origin = contact.firstAt(ContactState.QUEUED).orElse(now);
    Entry entry = track(contact, origin, config);
    AgentId previous = lastAgent.get(contact.citizen());
    if (config.selection() == AgentSelection.STICKY && previous != null && seats.containsKey(previous)) {
      prefer(entry, previous, config);
    }
    enqueue(entry);
    applyDueSteps(entry);
    if (entry.place == Place.WAITING) {
      announceOne(entry);
    }
  }

  private Entry track(Contact contact, Instant queuedAt, QueueConfig config) {
    Entry entry = new Entry(seq++, contact, queuedAt);
    if (transferredInto(contact, config.id())) {
      entry.priority = Math.max(entry.priority, config.queue().priority());
    }
    entry.targets.add(config.id());
    entries.put(contact.id(), entry);
    startSteps(entry, config);
    return entry;
  }

  // ---- 4 and 10. widening steps, chosen by business hours -------------------------------------

  /** Case 10: open hours follow the queue's steps, closed hours its closed-hours steps. */
  static List<QueueStep> stepsFor(QueueConfig config, Instant at) {
    return config.calendar().isOpen(at) ? config.steps() : config.closedSteps();
  }

  private void startSteps(Entry entry, QueueConfig config) {
    entry.steps = stepsFor(config, now);
    entry.nextStep = 0;
    entry.stepEpoch++;
    entry.stepsOrigin = now;
  }

  /** Case 4: applies every step whose threshold has passed, then schedules the next one. */
  private void applyDueSteps(Entry entry) {
    while (entry.place == Place.WAITING && entry.nextStep < entry.steps.size()) {
      QueueStep step = entry.steps.get(entry.nextStep);
      Instant due = entry.stepsOrigin.plus(step.after());
      if (due.isAfter(now)) {
        schedule(Timer.Type.STEP, due, entry, null, stepVersion(entry));
        return;
      }
      int index = entry.nextStep++;
      out.add(new RoutingStepApplied(entry.contact.id(), entry.primary(), index, step.action().name(),
          step.detail(), now));
      applyStep(entry, step);
    }
  }

  private void applyStep(Entry entry, QueueStep step) {
    switch (step.action()) {
      case LOWER_SKILL -> reindex(entry, () -> entry.skills = Widening.lowered(entry.skills, step.skillLevelDelta()));
      case ADD_QUEUES -> reindex(entry, () -> step.queues().stream()
          .filter(q -> configs.containsKey(q) && !entry.targets.contains(q)).forEach(entry.targets::add));
      case OFFER_CALLBACK -> { }
      case FALLBACK -> {
        dequeue(entry);
        if (!entry.callback) {
          out.move(entry, ContactState.OVERFLOWED, now, null, null, "fallback:" + step.target());
        }
        forget(entry, ContactState.CLOSED, "fallback:" + step.target(), ContactStep.BY_ROUTING);
      }
    }
  }

  private static long stepVersion(Entry entry) {
    return entry.stepEpoch * 1024 + entry.nextStep;
  }

  // ---- 5. offers --------------------------------------------------------------------------------

  private void offer(Match match) {
    offer(match, match.entry().callback ? "callback" : null);
  }

  private void offer(Match match, String reason) {
    Seat seat = match.seat();
    Entry entry = match.entry();
    QueueConfig via = configs.get(match.via());
    dequeue(entry);
    agents.withdraw(seat);
    seat.offer = entry;
    seat.lastOfferSeq = ++offerSeq;
    entry.place = Place.OFFERED;
    entry.seat = seat;
    entry.servingQueue = match.via();
    entry.offerSeq = offerSeq;
    entry.offeredAt = now;
    entry.expiresAt = now.plus(via.offerTimeout());
    out.move(entry, ContactState.OFFERED, now, seat.agent.id(), match.via(), reason);
    if (entry.callback) {
      out.add(new org.onenumber.core.event.CallbackPlaced(entry.contact.id(), seat.agent.id(),
          entry.callbackAttempts + 1, now));
    }
    schedule(Timer.Type.OFFER_EXPIRY, entry.expiresAt, entry, null, entry.offerSeq);
    out.agent(seat, now, "offer");
  }

  private void offerExpired(Entry entry) {
    if (entry.callback) {
      callbackFailed(entry, Restore.NO_RESULT);
      return;
    }
    out.add(new OfferTimedOut(entry.contact.id(), entry.seat.agent.id(), entry.servingQueue, now));
    returnToLine(entry, "ring-no-answer", true);
  }

  /** A decline for a call that could not be connected is not the operator's miss: not counted. */
  private void decline(Entry entry, String reason) {
    boolean theOperators = !Decline.CALL_NOT_CONNECTED.equals(reason);
    if (theOperators && !configs.get(entry.servingQueue).notRespondingAfterMiss()) {
      entry.declinedBy.add(entry.seat.agent.id());
    }
    returnToLine(entry, reason == null || reason.isBlank() ? "declined" : "declined:" + reason, theOperators);
  }

  /** Case 5: back to its own place (same age, same arrival number), never the back of the line. */
  private void returnToLine(Entry entry, String reason, boolean missed) {
    Seat seat = entry.seat;
    agents.withdraw(seat);
    seat.offer = null;
    if (missed && configs.get(entry.servingQueue).notRespondingAfterMiss()) {
      seat.notResponding = true;
    }
    entry.seat = null;
    out.move(entry, entry.callback ? ContactState.CALLBACK_REQUESTED : ContactState.QUEUED, now, null, null, reason);
    enqueue(entry);
    applyDueSteps(entry);
    reindex(seat, reason);
  }

  private void connect(Entry entry, String reason) {
    Seat seat = entry.seat;
    agents.withdraw(seat);
    seat.offer = null;
    seat.hold(entry, now);
    entry.place = Place.CONNECTED;
    entry.connectedAt = now;
    entry.declinedBy.clear();
    lastAgent.put(entry.contact.citizen(), seat.agent.id());
    out.move(entry, ContactState.CONNECTED, now, seat.agent.id(), null, reason);
    reindex(seat, reason);
  }

  // ---- 6. after a contact, presence -------------------------------------------------------------

  /** Wrap-up of a connected or held contact; a second wrap-up is refused before anything changes. */
  private void wrapUp(Entry entry, String outcome, String by) {
    if (entry.place == Place.WRAP_UP) {
      throw new IllegalTransitionException("contact " + entry.contact.id(), entry.place, "wrap-up");
    }
    Duration wrapUp = configs.get(entry.servingQueue).wrapUp();
    if (wrapUp.isZero()) {
      finish(entry, outcome, by);
      return;
    }
    Seat seat = entry.seat;
    agents.withdraw(seat);
    entry.place = Place.WRAP_UP;
    entry.outcome = outcome;
    seat.wrapping++;
    entry.wrapUpEndsAt = now.plus(wrapUp);
    out.move(entry, ContactState.WRAP_UP, now, null, null, outcome, by);
    schedule(Timer.Type.WRAP_UP_END, entry.wrapUpEndsAt, entry, null, 0);
    reindex(seat, "wrap-up");
  }

  /** Closes a held contact ({@code by}: who closed it); its capacity is free and the agent's idle time starts now. */
  private void finish(Entry entry, String outcome, String by) {
    Seat seat = entry.seat;
    if (seat != null) {
      agents.withdraw(seat);
      estimator.handled(entry.servingQueue, Duration.between(entry.connectedAt, now));
      seat.release(entry, now);
    }
    forget(entry, ContactState.CLOSED, outcome, by);
    if (seat != null) {
      reindex(seat, "contact-closed");
    }
  }

  private void logIn(LogIn command) {
    AgentId id = command.agent().id();
    if (seats.containsKey(id)) {
      throw new IllegalTransitionException("agent " + id, "logged in", "logged in");
    }
    Seat seat = new Seat(command.agent(), command.queues(), now);
    seat.breakReason = command.breakReason();
    seats.put(id, seat);
    seat.queues.forEach(q -> estimator.staff(q, 1));
    for (Entry entry : orphans.getOrDefault(id, List.of())) {
      entry.place = entry.contact.state() == ContactState.HELD ? Place.HELD : Place.CONNECTED;
      entry.seat = seat;
      seat.hold(entry, now);
    }
    orphans.remove(id);
    reindex(seat, "login");
  }

  private boolean logOut(Seat seat, boolean transferOpenContacts) {
    if (!seat.held.isEmpty() && !transferOpenContacts) {
      return false;
    }
    if (seat.offer != null) {
      returnToLine(seat.offer, "agent-logged-out", false);
    }
    for (Entry entry : List.copyOf(seat.held)) {
      if (entry.place == Place.WRAP_UP) {
        finish(entry, entry.outcome, ContactStep.BY_ROUTING);
      } else {
        requeue(entry, entry.servingQueue, true, "agent-logged-out");
      }
    }
    agents.withdraw(seat);
    seats.remove(seat.agent.id());
    dirtySeats.remove(seat);
    seat.queues.forEach(q -> estimator.staff(q, -1));
    out.publish(seat, org.onenumber.core.agent.AgentState.OFFLINE, now, "logout");
    return true;
  }

  private void presence(Seat seat, String breakReason, String reason) {
    agents.withdraw(seat);
    seat.breakReason = breakReason;
    seat.notResponding = false;
    reindex(seat, reason);
  }

  /** Lowering capacity below an outstanding messaging offer withdraws that offer (no penalty). */
  private void changeCapacity(Seat seat, int maxMessaging) {
    agents.withdraw(seat);
    seat.agent = Widening.withCapacity(seat.agent, maxMessaging);
    if (seat.offer != null && seat.offer.kind == Kind.MESSAGING && seat.messaging >= maxMessaging) {
      returnToLine(seat.offer, "capacity-lowered", false);
    }
    reindex(seat, "capacity");
  }

  // ---- 11. hold -------------------------------------------------------------------------------

  private void hold(Entry entry, String reason) {
    if (entry.place != Place.CONNECTED) {
      throw new IllegalTransitionException("contact " + entry.contact.id(), entry.place, "held");
    }
    if (entry.kind != Kind.EXCLUSIVE) {
      throw new org.onenumber.core.error.InvalidInputException("only a call can be held, contact "
          + entry.contact.id() + " is a " + entry.contact.channel());
    }
    entry.place = Place.HELD;
    out.move(entry, ContactState.HELD, now, null, null, reason);
  }

  /**
   * A consult: the call is held with reason {@code consult:<target>}; an agent target ({@code
   * agent:<id>}, logged in — the handover needs them logged in too —, with no call, offer or other
   * consult) is reserved until the consult
   * ends — no offer reaches them, so the handover cannot find them busy. Checked before anything
   * changes.
   */
  private void consult(Entry entry, String target) {
    Seat consultee = null;
    if (target.startsWith("agent:")) {
      AgentId agent = new AgentId(target.substring("agent:".length()));
      consultee = seats.get(agent);
      if (consultee == null) {
        throw new IllegalTransitionException("agent " + agent, org.onenumber.core.agent.AgentState.OFFLINE, "consulted");
      }
      if (consultee == entry.seat) {
        throw new org.onenumber.core.error.InvalidInputException("a consult goes to another agent");
      }
      if (consultee.offer != null || consultee.exclusive > 0 || consultee.messaging > 0 || consultee.consulted != null) {
        throw new IllegalTransitionException("agent " + consultee.agent.id(), consultee.state(), "consulted");
      }
    }
    hold(entry, "consult:" + target);
    if (consultee != null) {
      agents.withdraw(consultee);
      consultee.consulted = entry;
      entry.consultee = consultee;
      reindex(consultee, "consulted");
    }
  }

  private void resume(Entry entry) {
    if (entry.place != Place.HELD) {
      throw new IllegalTransitionException("contact " + entry.contact.id(), entry.place, "resumed");
    }
    endConsult(entry);
    entry.place = Place.CONNECTED;
    out.move(entry, ContactState.CONNECTED, now, null, null, "resume");
  }

  /**
   * A consult transfer completed: the held call moves from its agent's seat to {@code to}'s,
   * HELD → CONNECTED with the new agent (the hold spell counts as hold time of the first agent).
   */
  private void handover(Entry entry, Seat to) {
    if (entry.place != Place.HELD) {
      throw new IllegalTransitionException("contact " + entry.contact.id(), entry.place, "consult transfer");
    }
    Seat from = entry.seat;
    if (from == to) {
      throw new org.onenumber.core.error.InvalidInputException("a consult transfer goes to another agent");
    }
    if (to.offer != null || to.exclusive > 0 || to.messaging > 0 || (to.consulted != null && to.consulted != entry)) {
      throw new IllegalTransitionException("agent " + to.agent.id(), to.state(), "consult transfer");
    }
    if (to.consulted == entry) {
      agents.withdraw(to);
      to.consulted = null;
      entry.consultee = null;
    } else {
      endConsult(entry);
    }
    agents.withdraw(from);
    from.release(entry, now);
    agents.withdraw(to);
    entry.seat = to;
    to.hold(entry, now);
    entry.place = Place.CONNECTED;
    lastAgent.put(entry.contact.citizen(), to.agent.id());
    out.move(entry, ContactState.CONNECTED, now, to.agent.id(), null, "consult-transfer:" + from.agent.id());
    reindex(from, "transferred");
    reindex(to, "consult-transfer");
  }

  // ---- 7. queued callback -----------------------------------------------------------------------

  private void requestCallback(Entry entry) {
    if (entry.place != Place.WAITING || entry.callback) {
      throw new IllegalTransitionException("contact " + entry.contact.id(), entry.place, "callback");
    }
    reindex(entry, () -> {
      entry.callback = true;
      entry.kind = Kind.EXCLUSIVE;
    });
    out.move(entry, ContactState.CALLBACK_REQUESTED, now, null, null, "citizen-asked");
    out.add(new CallbackScheduled(entry.contact.id(), entry.primary(), 1, now, now));
  }

  private void callbackResult(Entry entry, boolean answered) {
    if (entry.place != Place.OFFERED || !entry.callback) {
      throw new IllegalTransitionException("contact " + entry.contact.id(), entry.place, "callback result");
    }
    if (answered) {
      connect(entry, "callback-answered");
    } else {
      callbackFailed(entry, Restore.NOT_ANSWERED);
    }
  }

  private void callbackFailed(Entry entry, String reason) {
    Seat seat = entry.seat;
    agents.withdraw(seat);
    seat.offer = null;
    entry.seat = null;
    entry.callbackAttempts++;
    CallbackPolicy policy = configs.get(entry.primary()).callback();
    out.move(entry, ContactState.CALLBACK_REQUESTED, now, null, null, reason);
    if (entry.callbackAttempts >= policy.maxAttempts()) {
      forget(entry, ContactState.CLOSED, "callback-gave-up", ContactStep.BY_ROUTING);
    } else {
      entry.callbackNotBefore = now.plus(policy.retryDelay());
      out.add(new CallbackScheduled(entry.contact.id(), entry.primary(), entry.callbackAttempts + 1,
          entry.callbackNotBefore, now));
      schedule(Timer.Type.CALLBACK_RETRY, entry.callbackNotBefore, entry, null, entry.callbackAttempts);
      enqueue(entry);
    }
    reindex(seat, reason);
  }

  // ---- 8. position and estimated wait -----------------------------------------------------------

  /**
   * Announces one slice of a queue's line, at most {@link #SLICE} contacts, so no single command
   * walks a whole long line; the next slice follows a millisecond later (another command), the next round after
   * the position interval. Positions in a slice count from the slice's start.
   */
  private void announce(Timer timer) {
    NavigableSet<Entry> line = waiting.line(timer.queue());
    Entry from = timer.entry();
    Iterator<Entry> rest = (from == null ? line : line.tailSet(from, false)).iterator();
    int position = (int) timer.version();
    Entry last = null;
    for (int n = 0; n < SLICE && rest.hasNext(); n++) {
      last = rest.next();
      publishPosition(last, ++position);
    }
    if (last != null && rest.hasNext()) {
      schedule(Timer.Type.POSITIONS, now.plusMillis(1), last, timer.queue(), position);
    } else {
      schedule(Timer.Type.POSITIONS, now.plus(positionInterval), null, timer.queue(), 0);
    }
  }

  private void announceOne(Entry entry) {
    publishPosition(entry, waiting.position(entry));
  }

  /**
   * Announces when the estimate moved to another step (5 s up to a minute, 30 s beyond) or the
   * position changed near the front (10 or less) or by a tenth or more: enough for IVR and chat,
   * without one event per contact for every contact served.
   */
  private void publishPosition(Entry entry, int position) {
    long seconds = estimator.estimateSeconds(entry.primary(), position);
    long step = seconds <= 60 ? SECONDS_STEP : 30;
    long ewt = seconds / step * step;
    int moved = Math.abs(position - entry.lastPosition);
    boolean positionNews = moved > 0 && (position <= 10 || moved * 10 >= entry.lastPosition);
    if (positionNews || ewt != entry.lastEwtSeconds) {
      entry.lastPosition = position;
      entry.lastEwtSeconds = ewt;
      out.add(new QueuePositionChanged(entry.contact.id(), entry.primary(), position, Duration.ofSeconds(ewt), now));
    }
  }

  // ---- 9. transfers -----------------------------------------------------------------------------

  private void transfer(Transfer command) {
    Entry entry = held(command.contact());
    if (command.toQueue() != null) {
      QueueConfig target = config(command.toQueue());
      entry.priority = Math.max(entry.priority, target.queue().priority()); // held: out of the line while it changes
      requeue(entry, command.toQueue(), command.keepAge(), "queue:" + command.toQueue());
    } else if (command.toAgent() != null) {
      requeue(entry, entry.servingQueue, command.keepAge(), "agent:" + command.toAgent());
      if (entry.place == Place.WAITING) {
        reindex(entry, () -> prefer(entry, command.toAgent(), configs.get(entry.primary())));
      }
    } else {
      Seat seat = entry.seat;
      agents.withdraw(seat);
      seat.release(entry, now);
      out.move(entry, ContactState.TRANSFERRED, now, null, null, "department:" + command.toDepartment());
      forget(entry, ContactState.CLOSED, "transferred", ContactStep.BY_ROUTING);
      reindex(seat, "transferred");
    }
  }

  /**
   * Hands a held contact to another engine's {@code queue}: back to queued there in the journal (its
   * first queued time kept), forgotten here; that queue's engine picks it up from the journal.
   */
  private void handOff(Entry entry, QueueId queue) {
    if (configs.containsKey(queue)) {
      throw new InvalidInputException("queue " + queue + " is routed by this engine: transfer to it");
    }
    Seat seat = entry.seat;
    agents.withdraw(seat);
    seat.release(entry, now);
    out.move(entry, ContactState.TRANSFERRED, now, null, queue, "queue:" + queue);
    handedOff(entry, queue);
    reindex(seat, "transferred");
  }

  /**
   * A contact transferred into {@code queue} (by an operator, on this engine or handed over from
   * another partition's) waits there at least at that queue's priority: keeping a lower one from its
   * first queue would put it behind every newcomer of a busier, higher-priority queue for as long as
   * that queue has a line (seen under load: {@code PartitionHandoffFaults}, no hand-over picked up).
   */
  private static boolean transferredInto(Contact contact, QueueId queue) {
    return contact.steps().stream().anyMatch(s -> s.state() == ContactState.TRANSFERRED && queue.equals(s.queue()));
  }

  /** Takes a held contact from its agent back into line in {@code queue}. */
  private void requeue(Entry entry, QueueId queue, boolean keepAge, String reason) {
    endConsult(entry);
    Seat seat = entry.seat;
    agents.withdraw(seat);
    seat.release(entry, now);
    entry.seat = null;
    out.move(entry, ContactState.TRANSFERRED, now, null, queue, reason);
    QueueConfig config = configs.get(queue);
    entry.targets.clear();
    entry.targets.add(queue);
    entry.skills = Widening.skillsFor(entry.contact, config);
    entry.queuedAt = keepAge ? entry.queuedAt : now;
    startSteps(entry, config);
    out.move(entry, ContactState.QUEUED, now, null, queue, "transfer");
    enqueue(entry);
    applyDueSteps(entry);
    reindex(seat, "transferred");
  }

  private void prefer(Entry entry, AgentId agent, QueueConfig config) {
    entry.preferred = agent;
    entry.preferredUntil = now.plus(config.stickyTimeout());
    schedule(Timer.Type.STICKY_END, entry.preferredUntil, entry, null, entry.stepEpoch);
  }

  // ---- abandon, restore -------------------------------------------------------------------------

  private void abandon(Entry entry, String reason) {
    switch (entry.place) {
      case WAITING -> {
        dequeue(entry);
        forget(entry, entry.callback ? ContactState.CLOSED : ContactState.ABANDONED, reason, ContactStep.BY_CHANNEL);
      }
      case OFFERED -> {
        Seat seat = entry.seat;
        agents.withdraw(seat);
        seat.offer = null;
        forget(entry, ContactState.ABANDONED, reason, ContactStep.BY_CHANNEL);
        reindex(seat, "offer-withdrawn");
      }
      case CONNECTED, HELD -> finish(entry, reason, ContactStep.BY_CHANNEL);
      case ORPHANED -> {
        orphans.getOrDefault(entry.contact.agent(), new ArrayList<>()).remove(entry);
        forget(entry, ContactState.CLOSED, reason, ContactStep.BY_CHANNEL);
      }
      case WRAP_UP, GONE -> { }
    }
  }

  private void restoreOne(Contact contact, List<Restore.Ringing> ringing) {
    switch (contact.state()) {
      case QUEUED, TRANSFERRED, OVERFLOWED, CALLBACK_REQUESTED, OFFERED -> restoreWaiting(contact, ringing);
      case CONNECTED, HELD -> {
        Entry entry = track(contact, contact.firstAt(ContactState.QUEUED).orElse(contact.createdAt()),
            config(contact.queue()));
        entry.place = Place.ORPHANED;
        entry.servingQueue = contact.queue();
        entry.connectedAt = contact.lastAt(ContactState.CONNECTED).orElse(now);
        orphans.computeIfAbsent(contact.agent(), a -> new ArrayList<>()).add(entry);
      }
      case WRAP_UP -> {
        Entry entry = track(contact, now, config(contact.queue()));
        forget(entry, ContactState.CLOSED, "restart", ContactStep.BY_ROUTING);
      }
      case CREATED, CLOSED, ABANDONED -> { }
    }
  }

  private void restoreWaiting(Contact contact, List<Restore.Ringing> ringing) {
    QueueConfig config = config(contact.queue());
    Instant origin = contact.firstAt(ContactState.QUEUED).orElse(contact.createdAt());
    boolean callback = contact.firstAt(ContactState.CALLBACK_REQUESTED).isPresent();
    Entry entry = track(contact, origin, config);
    entry.stepsOrigin = contact.lastAt(ContactState.QUEUED).orElse(origin);
    if (callback) {
      entry.callback = true;
      entry.kind = Kind.EXCLUSIVE;
      Restore.callbackSoFar(entry, contact, config.callback());
      if (entry.heldBack(now)) {
        schedule(Timer.Type.CALLBACK_RETRY, entry.callbackNotBefore, entry, null, entry.callbackAttempts);
      }
    }
    ContactState state = contact.state();
    if (state == ContactState.OFFERED || state == ContactState.TRANSFERRED || state == ContactState.OVERFLOWED) {
      out.move(entry, callback && state == ContactState.OFFERED ? ContactState.CALLBACK_REQUESTED : ContactState.QUEUED,
          now, null, null, "restart");
    }
    if (state == ContactState.OFFERED && !callback && contact.agent() != null) {
      entry.servingQueue = contact.queue();
      ringing.add(new Restore.Ringing(entry, contact.agent()));
      return; // in line once its agent's session is back (reoffer), so nobody else is offered it first
    }
    enqueue(entry);
    applyDueSteps(entry);
  }

  /** An offer that rang at the restart: to the same agent again if they can take it, else its place in line. */
  private void reoffer(Restore.Ringing ringing) {
    Entry entry = ringing.entry();
    Seat seat = seats.get(ringing.agent());
    QueueConfig via = configs.get(entry.servingQueue);
    if (seat != null && via != null && matcher.eligible(seat, entry, via, true)) {
      offer(new Match(seat, entry, via.id()), "restart:re-offered");
      return;
    }
    enqueue(entry);
    applyDueSteps(entry);
  }

  /** Offers until nothing more can be matched: freed agents first (case 2), then new contacts (3). */
  private void settle() {
    while (!dirtySeats.isEmpty() || !dirtyEntries.isEmpty()) {
      while (!dirtySeats.isEmpty()) {
        Seat seat = dirtySeats.iterator().next();
        dirtySeats.remove(seat);
        Match match = matcher.contactFor(seat, now);
        if (match != null) {
          offer(match);
        }
      }
      Entry entry = dirtyEntries.pollFirst();
      if (entry != null && entry.place == Place.WAITING && waiting.isIndexed(entry)) {
        Match match = matcher.agentFor(entry, now);
        if (match != null) {
          offer(match);
        }
      }
    }
  }

  private void fireDueTimers() {
    while (!timers.isEmpty() && !timers.peek().at().isAfter(now)) {
      fire(timers.poll());
    }
  }

  private void fire(Timer timer) {
    Entry entry = timer.entry();
    switch (timer.type()) {
      case OFFER_EXPIRY -> {
        if (entry.place == Place.OFFERED && entry.offerSeq == timer.version()) {
          offerExpired(entry);
        }
      }
      case WRAP_UP_END -> {
        if (entry.place == Place.WRAP_UP) {
          finish(entry, entry.outcome, ContactStep.BY_ROUTING);
        }
      }
      case STEP -> {
        if (entry.place == Place.WAITING && stepVersion(entry) == timer.version()) {
          applyDueSteps(entry);
        }
      }
      case STICKY_END, CALLBACK_RETRY -> {
        if (entry.place == Place.WAITING) {
          reindex(entry, () -> { });
        }
      }
      case POSITIONS -> announce(timer);
    }
  }

}
