package org.onenumber.server.routing;

import io.micronaut.json.JsonMapper;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open operator-console WebSockets, by agent, and the frames routing pushes to them (see
 * docs/api/agent-api.md). {@link #push} runs on the routing context, so it may read the engine; sends
 * are asynchronous. Thread-safe registry.
 */
@Singleton
public final class AgentSockets {

  private static final Logger LOG = LoggerFactory.getLogger(AgentSockets.class);

  private final JsonMapper json;
  private final Map<String, Set<WebSocketSession>> sessions = new ConcurrentHashMap<>();
  /** Who each contact is offered to, to tell them when the offer goes away (routing context only). */
  private final Map<ContactId, AgentId> offeredTo = new ConcurrentHashMap<>();

  AgentSockets(JsonMapper json) {
    this.json = json;
  }

  void open(String agent, WebSocketSession session) {
    sessions.computeIfAbsent(agent, a -> ConcurrentHashMap.newKeySet()).add(session);
  }

  void close(String agent, WebSocketSession session) {
    Set<WebSocketSession> set = sessions.get(agent);
    if (set != null) {
      set.remove(session);
    }
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
    if (open == null || open.isEmpty()) {
      return;
    }
    String text;
    try {
      text = json.writeValueAsString(frame);
    } catch (IOException e) {
      LOG.error("cannot write frame {}", frame.get("type"), e);
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
