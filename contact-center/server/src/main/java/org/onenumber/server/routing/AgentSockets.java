package org.onenumber.server.routing;

import io.micronaut.json.JsonMapper;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.event.AgentStateChanged;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.routing.RoutingEngine;
import org.onenumber.server.events.VertxEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open operator-console WebSockets, by agent, and the frames routing pushes to them (see
 * docs/api/agent-api.md). {@link #push} runs on the routing context, so it may read the engine; sends
 * are asynchronous. Thread-safe registry.
 *
 * <p>In the cluster (issue 11) a console may be connected to any node: every frame sent to an agent is
 * also published, as its JSON text, on {@value #AGENT_ADDRESS}{@code <agentId>} (header {@code from}:
 * the sending node), and each node holding a socket of that agent consumes the address and hands
 * the frames of the <em>other</em> nodes to its sockets. The consumer is registered with the agent's
 * first socket on the node and removed with the last.
 */
@Singleton
public final class AgentSockets {

  private static final Logger LOG = LoggerFactory.getLogger(AgentSockets.class);

  /** Prefix of the per-agent bus address of console frames; the agent's id follows. */
  public static final String AGENT_ADDRESS = "onenumber.agents.";
  private static final String FROM = "from";

  private final JsonMapper json;
  private final Vertx vertx;
  private final String node;
  private final DeliveryOptions fromHere;
  private final Map<String, Set<WebSocketSession>> sessions = new ConcurrentHashMap<>();
  /** This node's consumer of each agent's bus address, while it holds a socket of the agent (clustered only). */
  private final Map<String, MessageConsumer<String>> fromOtherNodes = new ConcurrentHashMap<>();
  /** Who each contact is offered to, to tell them when the offer goes away (routing context only). */
  private final Map<ContactId, AgentId> offeredTo = new ConcurrentHashMap<>();

  AgentSockets(JsonMapper json, Vertx vertx, VertxEventPublisher events) {
    this.json = json;
    this.vertx = vertx;
    this.node = events.node();
    this.fromHere = new DeliveryOptions().addHeader(FROM, node);
  }

  /**
   * Registers a console socket; completes once this node hears the agent's frames from the other
   * nodes too (at once on one node alone, or when the agent already had a socket here).
   */
  Future<Void> open(String agent, WebSocketSession session) {
    sessions.computeIfAbsent(agent, a -> ConcurrentHashMap.newKeySet()).add(session);
    if (!vertx.isClustered()) {
      return Future.succeededFuture();
    }
    synchronized (fromOtherNodes) {
      MessageConsumer<String> consumer = fromOtherNodes.computeIfAbsent(agent, a ->
          vertx.eventBus().<String>consumer(AGENT_ADDRESS + a, message -> {
            if (!node.equals(message.headers().get(FROM))) {
              sendLocal(a, message.body());
            }
          }));
      return consumer.completion();
    }
  }

  void close(String agent, WebSocketSession session) {
    Set<WebSocketSession> set = sessions.get(agent);
    if (set != null) {
      set.remove(session);
    }
    synchronized (fromOtherNodes) {
      Set<WebSocketSession> left = sessions.get(agent);
      if (left == null || left.isEmpty()) {
        MessageConsumer<String> consumer = fromOtherNodes.remove(agent);
        if (consumer != null) {
          consumer.unregister();
        }
      }
    }
  }

  /** The console's {@code snapshot} frame of {@code agent}: state, offers, contacts, the server's time. */
  static Map<String, Object> snapshot(RoutingEngine engine, String agent, Instant now) {
    RoutingViews.WorkView work = RoutingViews.WorkView.of(agent, engine.agent(new AgentId(agent)).orElse(null), now);
    return frame("snapshot", engine.now().toString(), "agent", work.agent(), "offers", work.offers(),
        "contacts", work.contacts(), "serverTime", work.serverTime());
  }

  /** Sends every logged-in agent their snapshot (a new owner, after its takeover: consoles on every node catch up). */
  void snapshotAll(RoutingEngine engine, Instant now) {
    engine.agents().forEach(a -> send(a.agent().value(), snapshot(engine, a.agent().value(), now)));
  }

  /**
   * Closes every console socket with 1013 (try again later): this node stopped routing (a cluster
   * node that lost the lease), so the consoles reconnect, through the load balancer, to the owner.
   */
  void closeAll() {
    sessions.values().forEach(set -> set.forEach(session -> session.close(CloseReason.TRY_AGAIN_LATER)));
  }

  /** Turns one command's events into frames for the agents concerned. */
  void push(RoutingEngine engine, List<DomainEvent> events) {
    for (DomainEvent event : events) {
      switch (event) {
        case AgentStateChanged a -> send(a.agent().value(), frame("agent.state", a.at().toString(),
            "agentId", a.agent().value(), "from", a.from().name(), "to", a.to().name(), "reason", a.reason()));
        case ContactStateChanged c -> contact(engine, c);
        default -> { }
      }
    }
  }

  private void contact(RoutingEngine engine, ContactStateChanged c) {
    if (c.to() == ContactState.OFFERED && c.agent() != null) {
      offeredTo.put(c.contact(), c.agent());
      engine.agent(c.agent()).filter(s -> s.offer() != null && s.offer().id().equals(c.contact()))
          .ifPresent(s -> send(c.agent().value(), frame("offer", c.at().toString(), "offer", RoutingViews.OfferView.of(s))));
      return;
    }
    if (c.from() == ContactState.OFFERED) {
      AgentId was = offeredTo.remove(c.contact());
      if (was != null && c.to() != ContactState.CONNECTED) {
        send(was.value(), frame("offer.withdrawn", c.at().toString(), "offerId", c.contact().value(),
            "contactId", c.contact().value(), "reason", c.reason()));
      }
    }
    if (c.agent() != null) {
      Instant wrapUpEndsAt = c.to() != ContactState.WRAP_UP ? null : engine.agent(c.agent())
          .map(s -> s.wrapUpEndsAt().get(c.contact())).orElse(null);
      send(c.agent().value(), frame("contact.state", c.at().toString(), "contactId", c.contact().value(),
          "from", c.from().name(), "to", c.to().name(), "queueId", c.queue() == null ? null : c.queue().value(),
          "reason", c.reason(), "wrapUpEndsAt", wrapUpEndsAt == null ? null : wrapUpEndsAt.toString()));
    }
  }

  /**
   * Sends a frame of another part of the server (a supervisor's monitoring, a whisper) to an
   * agent's consoles: {@code {"type": type, "at": at, ...pairs}}.
   */
  public void notify(String agent, String type, String at, Object... pairs) {
    send(agent, frame(type, at, pairs));
  }

  /** Whether {@code agent} has a console socket open now. */
  boolean isOpen(String agent) {
    Set<WebSocketSession> open = sessions.get(agent);
    return open != null && open.stream().anyMatch(WebSocketSession::isOpen);
  }

  void send(String agent, Map<String, Object> frame) {
    Set<WebSocketSession> open = sessions.get(agent);
    boolean clustered = vertx.isClustered();
    if (!clustered && (open == null || open.isEmpty())) {
      return;
    }
    String text;
    try {
      text = json.writeValueAsString(frame);
    } catch (IOException e) {
      LOG.error("cannot write frame {}", frame.get("type"), e);
      return;
    }
    if (clustered) {
      vertx.eventBus().publish(AGENT_ADDRESS + agent, text, fromHere);
    }
    sendLocal(agent, text);
  }

  private void sendLocal(String agent, String text) {
    Set<WebSocketSession> open = sessions.get(agent);
    if (open == null) {
      return;
    }
    for (WebSocketSession session : open) {
      if (session.isOpen()) {
        session.sendAsync(text);
      }
    }
  }

  static Map<String, Object> frame(String type, String at, Object... pairs) {
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("type", type);
    frame.put("at", at);
    for (int i = 0; i < pairs.length; i += 2) {
      frame.put((String) pairs[i], pairs[i + 1]);
    }
    return frame;
  }
}
