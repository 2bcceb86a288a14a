package org.onenumber.core.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.NotFoundException;

/**
 * The state the {@link RoutingEngine} decides over — configurations, tracked contacts, logged-in
 * agents, both indexes, timers, the outbox — with the plumbing that keeps them consistent (into
 * and out of line, re-indexing after a change, timers) and the read-only queries for the host.
 * The policy itself lives in the engine. Not thread-safe: one thread, like the engine.
 */
abstract sealed class EngineState permits RoutingEngine {


  final InstantSource clock;
  final RandomGenerator random;
  final Duration positionInterval;
  final Map<QueueId, QueueConfig> configs = new HashMap<>();
  final Map<ContactId, Entry> entries = new HashMap<>();
  final Map<AgentId, Seat> seats = new HashMap<>();
  final Map<AgentId, List<Entry>> orphans = new HashMap<>();
  final Map<CitizenId, AgentId> lastAgent = new HashMap<>();
  final WaitingIndex waiting = new WaitingIndex();
  final AgentIndex agents = new AgentIndex(configs::get);
  final Matcher matcher = new Matcher(configs, seats, waiting, agents);
  final WaitEstimator estimator;
  final PriorityQueue<Timer> timers = new PriorityQueue<>(Timer.ORDER);
  final Outbox out = new Outbox();
  final TreeSet<Entry> dirtyEntries = new TreeSet<>(WaitingIndex.ORDER);
  final Set<Seat> dirtySeats = new LinkedHashSet<>();
  long seq;
  long timerSeq;
  long offerSeq;
  Instant now;
  java.time.LocalDate day;

  EngineState(InstantSource clock, RandomGenerator random, Duration positionInterval, Duration defaultHandleTime) {
    this.clock = clock;
    this.random = random;
    this.positionInterval = positionInterval;
    this.estimator = new WaitEstimator(defaultHandleTime);
    this.now = clock.instant();
  }

  // ---- line and index plumbing ------------------------------------------------------------------

  /** At the first command of a new UTC day every agent's contacts-today count starts again at 0. */
  void rollDay() {
    java.time.LocalDate today = now.atZone(java.time.ZoneOffset.UTC).toLocalDate();
    if (today.equals(day)) {
      return;
    }
    day = today;
    for (Seat seat : seats.values()) {
      agents.withdraw(seat);
      seat.contactsToday = 0;
      agents.insert(seat);
    }
  }

  void enqueue(Entry entry) {
    entry.place = Place.WAITING;
    waiting.enterLine(entry);
    if (!entry.heldBack(now)) {
      waiting.add(entry, entry.stickyAt(now));
      dirtyEntries.add(entry);
    }
  }

  void dequeue(Entry entry) {
    waiting.remove(entry);
    waiting.leaveLine(entry);
    dirtyEntries.remove(entry);
  }

  /** Changes how a waiting contact is indexed (skills, targets, stickiness), keeping its place. */
  void reindex(Entry entry, Runnable change) {
    boolean indexed = waiting.isIndexed(entry);
    waiting.remove(entry);
    change.run();
    if (indexed || (entry.place == Place.WAITING && !entry.heldBack(now))) {
      waiting.add(entry, entry.stickyAt(now));
      dirtyEntries.add(entry);
    }
  }

  void reindex(Seat seat, String reason) {
    if (seats.get(seat.agent.id()) != seat) {
      return;
    }
    agents.withdraw(seat);
    agents.insert(seat);
    dirtySeats.add(seat);
    out.agent(seat, now, reason);
  }

  void forget(Entry entry, ContactState to, String reason, String by) {
    endConsult(entry);
    out.move(entry, to, now, null, null, reason, by);
    entry.place = Place.GONE;
    entry.seat = null;
    entries.remove(entry.contact.id());
  }

  /** Journals {@code entry} queued in another engine's {@code queue} and forgets it here. */
  void handedOff(Entry entry, QueueId queue) {
    endConsult(entry);
    out.move(entry, ContactState.QUEUED, now, null, queue, "transfer");
    entry.place = Place.GONE;
    entry.seat = null;
    entries.remove(entry.contact.id());
  }

  /** Frees the agent an agent consult about {@code entry} reserved, if any. */
  void endConsult(Entry entry) {
    Seat consultee = entry.consultee;
    entry.consultee = null;
    if (consultee != null && consultee.consulted == entry) {
      agents.withdraw(consultee);
      consultee.consulted = null;
      reindex(consultee, "consult-ended");
    }
  }

  void schedule(Timer.Type type, Instant at, Entry entry, QueueId queue, long version) {
    timers.add(new Timer(at, timerSeq++, type, entry, queue, version));
  }

  // ---- lookups ----------------------------------------------------------------------------------

  QueueConfig config(QueueId queue) {
    QueueConfig config = configs.get(queue);
    if (config == null) {
      throw new NotFoundException("queue routing configuration", queue);
    }
    return config;
  }

  Seat seat(AgentId agent) {
    Seat seat = seats.get(agent);
    if (seat == null) {
      throw new NotFoundException("logged-in agent", agent);
    }
    return seat;
  }

  Entry entry(ContactId contact) {
    Entry entry = entries.get(contact);
    if (entry == null) {
      throw new NotFoundException("routed contact", contact);
    }
    return entry;
  }

  Entry offered(ContactId contact, AgentId agent) {
    Entry entry = entry(contact);
    if (entry.place != Place.OFFERED || !entry.seat.agent.id().equals(agent)) {
      throw new IllegalTransitionException("offer of " + contact + " to " + agent, entry.place, "answered");
    }
    return entry;
  }

  Entry held(ContactId contact) {
    Entry entry = entry(contact);
    if (entry.place != Place.CONNECTED && entry.place != Place.HELD && entry.place != Place.WRAP_UP) {
      throw new IllegalTransitionException("contact " + contact, entry.place, "agent action");
    }
    return entry;
  }

  // ---- queries for the host (same thread) -------------------------------------------------------

  /** The agent as routing sees them, if logged in. */
  public Optional<AgentStatus> agent(AgentId agent) {
    return Optional.ofNullable(seats.get(agent)).map(Views::agent);
  }

  /** Every logged-in agent as routing sees them. */
  public List<AgentStatus> agents() {
    return seats.values().stream().map(Views::agent).toList();
  }

  /** A waiting contact's position and estimate, if it is waiting. */
  public Optional<WaitStatus> position(ContactId contact) {
    Entry entry = entries.get(contact);
    if (entry == null || entry.place != Place.WAITING) {
      return Optional.empty();
    }
    int position = waiting.position(entry);
    return Optional.of(new WaitStatus(contact, entry.primary(), position,
        Duration.ofSeconds(estimator.estimateSeconds(entry.primary(), position)), Duration.between(entry.queuedAt, now)));
  }

  public QueueStatus queue(QueueId queue) {
    var line = waiting.line(queue);
    Duration oldest = line.isEmpty() ? Duration.ZERO
        : Duration.between(line.stream().map(e -> e.queuedAt).min(Instant::compareTo).orElse(now), now);
    return new QueueStatus(queue, line.size(), oldest, estimator.staffed(queue),
        Duration.ofSeconds(estimator.estimateSeconds(queue, line.size() + 1)));
  }

  /** The current snapshot of a contact routing still tracks. */
  public Optional<Contact> contact(ContactId contact) {
    return Optional.ofNullable(entries.get(contact)).map(e -> e.contact);
  }

  public Optional<QueueConfig> configuration(QueueId queue) {
    return Optional.ofNullable(configs.get(queue));
  }

  public Set<QueueId> configurationIds() {
    return Set.copyOf(configs.keySet());
  }

  public int waitingCount() {
    return (int) entries.values().stream().filter(e -> e.place == Place.WAITING).count();
  }

  // package-private views for tests in the same package
  Map<ContactId, Entry> entries() {
    return entries;
  }

  Map<AgentId, Seat> seats() {
    return seats;
  }

  WaitingIndex waiting() {
    return waiting;
  }

  /** The engine's current instant: the latest the clock showed it (never going back). */
  public Instant now() {
    return now;
  }
}
