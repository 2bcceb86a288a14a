package org.onenumber.server.chat;

import io.micronaut.context.annotation.Context;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.event.MessageSent;
import org.onenumber.core.messaging.DeliveryStatus;
import org.onenumber.core.messaging.Direction;
import org.onenumber.core.messaging.Message;
import org.onenumber.core.port.out.Directory;
import org.onenumber.core.port.out.MessageStore;
import org.onenumber.server.cluster.RoutingOwnership;
import org.onenumber.server.events.EventPayload;
import org.onenumber.server.events.VertxEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connected chat browsers, and what is pushed to them. It listens on the event bus and, on
 * the blocking executor (never the event loop), pushes: operator messages of chat contacts
 * ({@code MessageSent}), the operator's name on {@code CONNECTED}, {@code ended} on wrap-up or
 * close, and queue position events ({@code routing.queue-position}, whether published as a domain
 * event or as JSON). It also remembers who is typing, for the console's presence endpoint, and
 * tells registered listeners (the console push) at once. A {@code waiting} or {@code queue} push
 * for a contact whose socket is not registered yet is held for a minute and sent when it is ({@link #connect}), so the race between a
 * chat's first message and its first push loses nothing. A push to a browser that has gone is
 * simply lost: the message stays {@code QUEUED} and is re-sent on resume. In the cluster it hears the
 * other nodes' events too ({@link VertxEventPublisher#onOtherNodes}), so a citizen connected to a
 * standby gets the operator's name, messages, queue positions and the end routed on the owner, and a
 * citizen typing on one node is told to the others ({@value #TYPING_ADDRESS}) (issue 11,
 * {@code ClusterSocketsIT}); the operator typing goes the other way ({@value #OPERATOR_TYPING_ADDRESS}),
 * and whether the citizen is connected is asked of the node holding the socket ({@link
 * CitizenSocketsElsewhere}; {@code ClusterReadsIT}). Thread-safe.
 */
@Context
public final class ChatHub {

  private static final Logger LOG = LoggerFactory.getLogger(ChatHub.class);
  private static final Duration TYPING = Duration.ofSeconds(4);

  private static final Duration HOLD = Duration.ofSeconds(60);
  private static final int MAX_HELD = 8;
  /** How often held frames past {@link #HOLD} are dropped. */
  private static final Duration SWEEP = Duration.ofSeconds(1);
  /** When held frames are next swept; guarded by {@link #early}. */
  private Instant nextSweep = Instant.EPOCH;
  /** Only line frames are held: messages, the operator's name and the end are re-sent on resume. */
  private static final java.util.Set<Object> HELD_TYPES = java.util.Set.of("waiting", "queue");
  private static final String HELD_SINCE = "onenumber.heldSince";
  /** Bus address of "a citizen is typing" (body the contact id, header {@code from} the node): the cluster's nodes tell each other. */
  public static final String TYPING_ADDRESS = "onenumber.chat.typing";
  /** Bus address of "the operator is typing" (body the contact id, header {@code from}): the node holding the citizen's socket tells them. */
  public static final String OPERATOR_TYPING_ADDRESS = "onenumber.chat.operator-typing";
  private static final String FROM = "from";

  private final Map<ContactId, WebSocketSession> sockets = new ConcurrentHashMap<>();
  /** Every open chat socket, with a conversation or not yet. */
  private final java.util.Set<WebSocketSession> open = ConcurrentHashMap.newKeySet();
  /** Frames pushed before their contact's socket was registered, oldest first; guarded by itself. */
  private final Map<ContactId, List<Map<String, Object>>> early = new HashMap<>();
  private final Map<ContactId, Instant> citizenTyping = new ConcurrentHashMap<>();
  private final List<Consumer<ContactId>> typingListeners = new CopyOnWriteArrayList<>();
  private final MessageStore store;
  private final Directory directory;
  private final JsonMapper json;
  private final ExecutorService executor;
  private final InstantSource clock;
  private final Vertx vertx;
  private final String node;
  private final CitizenSocketsElsewhere elsewhere;

  ChatHub(Vertx vertx, MessageStore store, Directory directory, JsonMapper json,
      @Named(TaskExecutors.BLOCKING) ExecutorService executor, InstantSource clock, RoutingOwnership ownership,
      VertxEventPublisher events) {
    this.store = store;
    this.directory = directory;
    this.json = json;
    this.executor = executor;
    this.clock = clock;
    this.vertx = vertx;
    this.node = events.node();
    this.elsewhere = new CitizenSocketsElsewhere(vertx, this::connected);
    if (vertx.isClustered()) { // a citizen typing on another node: the owner tells the holder's console
      vertx.eventBus().<String>consumer(TYPING_ADDRESS, message -> {
        if (!node.equals(message.headers().get(FROM))) {
          executor.execute(() -> typed(new ContactId(message.body())));
        }
      });
      vertx.eventBus().<String>consumer(OPERATOR_TYPING_ADDRESS, message -> {
        if (!node.equals(message.headers().get(FROM))) {
          executor.execute(() -> push(new ContactId(message.body()), Map.of("type", "typing"), false));
        }
      });
    }
    vertx.eventBus().localConsumer(VertxEventPublisher.ADDRESS, message -> {
      Object body = message.body();
      executor.execute(() -> onEvent(body, true));
    });
    // in the cluster a chat socket on any node hears what the owner routed and operators wrote elsewhere
    // (their frames are not held for a socket not registered yet: that race is the local intake's)
    events.onOtherNodes(event -> executor.execute(() -> onEvent(event, false)));
    ownership.whenChanged(owner -> {
      if (!owner) {
        closeAll();
      }
    });
  }

  void opened(WebSocketSession socket) {
    open.add(socket);
  }

  /**
   * Closes every chat socket with 1013 (try again later): this cluster node stopped routing (it lost
   * the routing lease), so the citizens' pages reconnect, through the load balancer, to the owner
   * and resume their conversations there (as the consoles do).
   */
  void closeAll() {
    LOG.warn("closing {} chat sockets: this node no longer routes", open.size());
    open.forEach(socket -> socket.close(CloseReason.TRY_AGAIN_LATER));
  }

  /**
   * Registers the citizen's socket for {@code contact}, then sends what was pushed for the
   * contact before it was registered (the {@code waiting} of a chat's first message is published
   * by intake before the endpoint learns the new contact's id).
   */
  void connect(ContactId contact, WebSocketSession socket) {
    List<Map<String, Object>> held;
    synchronized (early) {
      sockets.put(contact, socket);
      held = early.remove(contact);
    }
    elsewhere.connected(contact);
    if (held != null) {
      held.stream().filter(f -> !(f.get(HELD_SINCE) instanceof Instant at) || at.plus(HOLD).isAfter(clock.instant()))
          .map(ChatHub::withoutMark).forEach(f -> send(socket, f));
    }
  }

  void disconnect(WebSocketSession socket) {
    open.remove(socket);
    sockets.entrySet().removeIf(e -> {
      boolean gone = e.getValue().getId().equals(socket.getId());
      if (gone) {
        elsewhere.disconnected(e.getKey());
      }
      return gone;
    });
  }

  boolean connected(ContactId contact) {
    WebSocketSession socket = sockets.get(contact);
    return socket != null && socket.isOpen();
  }

  void citizenTyping(ContactId contact) {
    typed(contact);
    if (vertx.isClustered()) {
      vertx.eventBus().publish(TYPING_ADDRESS, contact.value(), new io.vertx.core.eventbus.DeliveryOptions().addHeader(FROM, node));
    }
  }

  private void typed(ContactId contact) {
    citizenTyping.put(contact, clock.instant());
    for (Consumer<ContactId> listener : typingListeners) {
      try {
        listener.accept(contact);
      } catch (RuntimeException e) {
        LOG.warn("typing listener failed: {}", e.toString());
      }
    }
  }

  /** Calls {@code listener} (on the chat socket's thread; it must not block) whenever a citizen types. */
  public void whenCitizenTypes(Consumer<ContactId> listener) {
    typingListeners.add(listener);
  }

  public boolean isCitizenTyping(ContactId contact) {
    Instant at = citizenTyping.get(contact);
    return at != null && at.plus(TYPING).isAfter(clock.instant());
  }

  /** Whether the citizen's chat socket is open, on this node or (in the cluster) on another. */
  public boolean isCitizenConnected(ContactId contact) {
    return connected(contact) || elsewhere.open(contact);
  }

  /**
   * Tells the citizen the operator is typing; false when they are not connected here. In the cluster
   * the other nodes are told too ({@value #OPERATOR_TYPING_ADDRESS}): the citizen's socket may be on any.
   */
  public boolean operatorTyping(ContactId contact) {
    boolean here = push(contact, Map.of("type", "typing"), false);
    if (!here && vertx.isClustered()) {
      vertx.eventBus().publish(OPERATOR_TYPING_ADDRESS, contact.value(),
          new io.vertx.core.eventbus.DeliveryOptions().addHeader(FROM, node));
    }
    return here;
  }

  /** Sends every operator message the citizen has not acknowledged yet, oldest first. */
  void resend(ContactId contact, WebSocketSession socket) {
    for (Message m : store.byContact(contact)) {
      if (m.direction() == Direction.OUT && m.status() == DeliveryStatus.QUEUED) {
        send(socket, frame(m));
      }
    }
  }

  Map<String, Object> frame(Message m) {
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("type", "message");
    frame.put("id", m.id().value());
    frame.put("author", authorName(m.author()));
    frame.put("body", m.body());
    frame.put("at", m.at().toString());
    return frame;
  }

  String authorName(String author) {
    if (author == null || author.equals("system")) {
      return "OneNumber";
    }
    return directory.agent(new AgentId(author)).map(a -> a.name()).orElse(author);
  }

  void send(WebSocketSession socket, Map<String, Object> frame) {
    if (!socket.isOpen()) {
      return;
    }
    try {
      socket.sendAsync(json.writeValueAsString(frame));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean push(ContactId contact, Map<String, Object> frame, boolean mayHold) {
    WebSocketSession socket = sockets.get(contact);
    if (socket == null && mayHold && HELD_TYPES.contains(frame.get("type"))) {
      synchronized (early) {
        socket = sockets.get(contact);
        if (socket == null) {
          holdEarly(contact, frame);
          return false;
        }
      }
    }
    if (socket == null || !socket.isOpen()) {
      return false;
    }
    send(socket, frame);
    return true;
  }

  /** Keeps a frame for a contact no socket was registered for yet, for {@link #HOLD}; caller holds the lock. */
  private void holdEarly(ContactId contact, Map<String, Object> frame) {
    Instant now = clock.instant();
    if (!now.isBefore(nextSweep)) { // a sweep walks every held contact: once a second, not once a frame (issue 11)
      nextSweep = now.plus(SWEEP);
      early.values().removeIf(frames -> frames.isEmpty()
          || frames.get(0).get(HELD_SINCE) instanceof Instant at && !at.plus(HOLD).isAfter(now));
    }
    List<Map<String, Object>> frames = early.computeIfAbsent(contact, c -> new ArrayList<>());
    if (frames.size() < MAX_HELD) {
      Map<String, Object> marked = new LinkedHashMap<>(frame);
      marked.put(HELD_SINCE, now);
      frames.add(marked);
    }
  }

  private static Map<String, Object> withoutMark(Map<String, Object> frame) {
    Map<String, Object> plain = new LinkedHashMap<>(frame);
    plain.remove(HELD_SINCE);
    return plain;
  }

  private void onEvent(Object body, boolean local) {
    try {
      switch (body) {
        case MessageSent sent when sent.channel() == Channel.CHAT && sent.contact() != null
            && connected(sent.contact()) -> // no read for a citizen connected to another node
            store.find(sent.message()).ifPresent(m -> push(sent.contact(), frame(m), false));
        case ContactStateChanged changed when changed.channel() == Channel.CHAT -> onStateChanged(changed, local);
        case DomainEvent event when event.type().equals("routing.queue-position") ->
            onPosition(EventPayload.of(event), local);
        case JsonObject object when "routing.queue-position".equals(object.getString("type")) ->
            onPosition(object.getMap(), local);
        default -> { }
      }
    } catch (RuntimeException e) {
      LOG.warn("chat push failed: {}", e.toString());
    }
  }

  private void onStateChanged(ContactStateChanged changed, boolean local) {
    if (changed.to() == ContactState.CONNECTED && changed.agent() != null) {
      push(changed.contact(), Map.of("type", "agent", "name", authorName(changed.agent().value())), local);
    } else if (changed.to() == ContactState.WRAP_UP || changed.to().isTerminal()) {
      push(changed.contact(), Map.of("type", "ended"), local);
    } else if (changed.to() == ContactState.QUEUED) {
      push(changed.contact(), Map.of("type", "waiting"), local);
    }
  }

  private void onPosition(Map<String, Object> payload, boolean local) {
    Object contact = Optional.ofNullable(payload.get("contactId")).orElse(payload.get("contact"));
    if (contact == null) {
      return;
    }
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("type", "queue");
    frame.put("position", number(payload.get("position")));
    frame.put("ewtSeconds", number(payload.get("ewtSeconds")));
    push(new ContactId(contact.toString()), frame, local);
  }

  private static Object number(Object value) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    try {
      return value == null ? null : Long.parseLong(value.toString());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
