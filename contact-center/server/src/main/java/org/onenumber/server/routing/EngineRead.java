package org.onenumber.server.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.routing.AgentStatus;
import org.onenumber.core.routing.QueueConfig;
import org.onenumber.core.routing.QueueStatus;
import org.onenumber.core.routing.RoutingEngine;
import org.onenumber.core.routing.WaitStatus;
import org.onenumber.server.events.DomainEventWire;

/**
 * A named read of the routing engine that a cluster standby asks of the owner ({@link
 * CommandRelay#READS}, issue 11): its name travels as the request's header, its key (a contact,
 * agent or queue id, or empty) as the body, and its answer back as core records in {@link
 * DomainEventWire} bytes (an absent answer as no bytes). The same read runs on the engine of a node
 * that routes, so an operator, supervisor or citizen gets the same answer on any node. {@code staff}
 * reads run in the operators' lane ({@link RoutingHost#callForStaff}). Immutable, thread-safe.
 *
 * @param <T> the answer: an {@code Optional} of one core record or a list of them
 */
public final class EngineRead<T> {

  /** An open contact as routing holds it (who holds it, its state). */
  public static final EngineRead<Optional<Contact>> CONTACT =
      one("contact", false, Contact.class, (engine, id) -> engine.contact(new ContactId(id)));
  /**
   * As {@link #CONTACT}, in the operators' lane: an accept's or wrap-up's own read of its contact
   * (issue 17: it queued behind the arrivals, so accepts timed out while their command would not).
   */
  public static final EngineRead<Optional<Contact>> CONTACT_FOR_STAFF =
      one("contact-for-staff", true, Contact.class, (engine, id) -> engine.contact(new ContactId(id)));
  /** A logged-in agent's routing state (their held contacts, offer, wrap-ups). */
  public static final EngineRead<Optional<AgentStatus>> AGENT =
      one("agent", true, AgentStatus.class, (engine, id) -> engine.agent(new AgentId(id)));
  /** A waiting contact's place in its queue and estimated wait. */
  public static final EngineRead<Optional<WaitStatus>> POSITION =
      one("position", false, WaitStatus.class, (engine, id) -> engine.position(new ContactId(id)));
  /** A configured queue at a glance (waiting, oldest wait, agents logged in, estimated wait). */
  public static final EngineRead<Optional<QueueStatus>> QUEUE_STATUS = one("queue-status", false, QueueStatus.class,
      (engine, id) -> engine.configuration(new QueueId(id)).map(c -> engine.queue(new QueueId(id))));
  /** Every configured queue of the engine at a glance, by queue id (a partition's waiting contacts). */
  public static final EngineRead<List<QueueStatus>> QUEUE_STATUSES = list("queue-statuses", false, QueueStatus.class,
      (engine, key) -> engine.configurationIds().stream().sorted(Comparator.comparing(QueueId::value))
          .map(engine::queue).toList());
  /** One queue's routing configuration as the engine applies it. */
  public static final EngineRead<Optional<QueueConfig>> CONFIGURATION =
      one("configuration", false, QueueConfig.class, (engine, id) -> engine.configuration(new QueueId(id)));
  /** Every queue's routing configuration, by queue id. */
  public static final EngineRead<List<QueueConfig>> CONFIGURATIONS = list("configurations", false, QueueConfig.class,
      (engine, key) -> engine.configurationIds().stream().sorted(Comparator.comparing(QueueId::value))
          .map(id -> engine.configuration(id).orElseThrow()).toList());
  /** Every logged-in agent's routing state (the supervisors' floor, a free interpreter). */
  public static final EngineRead<List<AgentStatus>> AGENTS =
      list("agents", false, AgentStatus.class, (engine, key) -> List.copyOf(engine.agents()));

  private static final Map<String, EngineRead<?>> BY_NAME = Stream.of(CONTACT, CONTACT_FOR_STAFF, AGENT, POSITION, QUEUE_STATUS, QUEUE_STATUSES,
      CONFIGURATION, CONFIGURATIONS, AGENTS).collect(Collectors.toUnmodifiableMap(EngineRead::name, r -> r));

  private final String name;
  private final boolean staff;
  private final BiFunction<RoutingEngine, String, T> onEngine;
  private final Function<T, byte[]> write;
  private final Function<byte[], T> read;

  private EngineRead(String name, boolean staff, BiFunction<RoutingEngine, String, T> onEngine,
      Function<T, byte[]> write, Function<byte[], T> read) {
    this.name = name;
    this.staff = staff;
    this.onEngine = onEngine;
    this.write = write;
    this.read = read;
  }

  private static <R extends Record> EngineRead<Optional<R>> one(String name, boolean staff, Class<R> type,
      BiFunction<RoutingEngine, String, Optional<R>> onEngine) {
    return new EngineRead<>(name, staff, onEngine,
        answer -> answer.map(DomainEventWire::writeCore).orElse(new byte[0]),
        bytes -> bytes.length == 0 ? Optional.empty() : Optional.of(DomainEventWire.readCore(bytes, type)));
  }

  private static <R extends Record> EngineRead<List<R>> list(String name, boolean staff, Class<R> type,
      BiFunction<RoutingEngine, String, List<R>> onEngine) {
    return new EngineRead<>(name, staff, onEngine, DomainEventWire::writeCoreList,
        bytes -> DomainEventWire.readCoreList(bytes, type));
  }

  /** The read called {@code name} on the bus; empty for an unknown name. */
  static Optional<EngineRead<?>> named(String name) {
    return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
  }

  String name() {
    return name;
  }

  boolean staff() {
    return staff;
  }

  /** Runs the read on {@code engine} (on the routing context). */
  T on(RoutingEngine engine, String key) {
    return onEngine.apply(engine, key);
  }

  byte[] write(T answer) {
    return write.apply(answer);
  }

  T read(byte[] bytes) {
    return read.apply(bytes);
  }

  @Override
  public String toString() {
    return name;
  }
}
