package org.onenumber.server.call;

import io.micronaut.json.JsonMapper;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.onenumber.channels.call.CallPeer;
import org.onenumber.channels.call.CallsElsewhere;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.RetriableException;
import org.onenumber.server.sockets.ClientFrames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Browser calls across the nodes of a cluster (issue 11) over the clustered event bus (mutual TLS between
 * nodes, never reachable by a client). A call's home consumes {@value #HOME}{@code <contactId>} while the
 * call lasts: a request carries a frame of a socket on another node (JSON: the frame, that node's id, the
 * socket's id, who signed in there) or its close, is handled there on the blocking executor as the home's
 * own socket's would be (a refusal answered as an {@code error} frame), and is answered once handled, so
 * the sending socket's next frame follows it. What the home sends such a socket goes to {@value #PEERS}
 * {@code <nodeId>} (header {@code socket}, body the frame's JSON), which each node consumes and hands to
 * its socket. No home within {@link #ASK}: the frame is refused with {@code unavailable}. A node that
 * rebuilt a call whose home is gone (the citizen resumed there) publishes its contact id on {@value
 * #REHOMED} (header {@code from}); the other nodes hand the operator's socket joined to it to the new
 * home ({@code rejoin}). Thread-safe.
 */
final class ClusterCalls implements CallsElsewhere {

  static final String HOME = "onenumber.call.home.";
  static final String PEERS = "onenumber.call.peers.";
  static final String REHOMED = "onenumber.call.rehomed";
  private static final String SOCKET = "socket";
  private static final Duration ASK = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(ClusterCalls.class);

  private final Vertx vertx;
  private final JsonMapper json;
  private final Executor blocking;
  private final String node;
  private final Map<ContactId, MessageConsumer<String>> homes = new ConcurrentHashMap<>();
  /** This node's sockets whose frames were handed to a home elsewhere, by id: where the home's answers go. */
  private final Map<String, CallPeer> relaying = new ConcurrentHashMap<>();
  private final List<Consumer<ContactId>> rehomedListeners = new CopyOnWriteArrayList<>();

  ClusterCalls(Vertx vertx, JsonMapper json, Executor blocking, String node) {
    this.vertx = vertx;
    this.json = json;
    this.blocking = blocking;
    this.node = node;
    vertx.eventBus().<String>consumer(PEERS + node, message -> {
      CallPeer peer = relaying.get(message.headers().get(SOCKET));
      Map<String, Object> frame = ClientFrames.read(json, message.body()).orElse(null);
      if (peer != null && frame != null) {
        peer.send(frame);
      }
    });
    vertx.eventBus().<String>consumer(REHOMED, message -> {
      if (!node.equals(message.headers().get("from"))) {
        ContactId contact = new ContactId(message.body());
        rehomedListeners.forEach(listener -> blocking.execute(() -> listener.accept(contact)));
      }
    });
  }

  @Override
  public void home(ContactId contact, Home handler) {
    homes.computeIfAbsent(contact, c -> vertx.eventBus().<String>consumer(HOME + c.value(),
        message -> blocking.execute(() -> {
          try {
            fromElsewhere(message.body(), c, handler);
          } finally {
            message.reply("handled");
          }
        })));
  }

  @Override
  public void gone(ContactId contact) {
    MessageConsumer<String> consumer = homes.remove(contact);
    if (consumer != null) {
      consumer.unregister();
    }
  }

  @Override
  public boolean relay(ContactId contact, Map<String, Object> frame, CallPeer from, Optional<AgentId> signedIn,
      Optional<String> staffOf) {
    relaying.put(from.id(), from);
    Map<String, Object> body = body(from);
    body.put("frame", frame);
    signedIn.ifPresent(agent -> body.put("signedIn", agent.value()));
    staffOf.ifPresent(department -> body.put("staffOf", department));
    try {
      vertx.eventBus().request(HOME + contact.value(), text(body), new DeliveryOptions().setSendTimeout(ASK.toMillis()))
          .toCompletionStage().toCompletableFuture().get(ASK.toMillis() + 500, TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ReplyException r && r.failureType() == ReplyFailure.NO_HANDLERS) {
        return false; // no node is this call's home
      }
      throw new RetriableException("the node holding this call did not answer; try again", e.getCause());
    } catch (TimeoutException e) {
      throw new RetriableException("the node holding this call did not answer; try again", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetriableException("interrupted", e);
    }
  }

  @Override
  public void closed(ContactId contact, CallPeer from) {
    relaying.remove(from.id());
    Map<String, Object> body = body(from);
    body.put("closed", true);
    vertx.eventBus().send(HOME + contact.value(), text(body));
  }

  @Override
  public void forget(CallPeer from) {
    relaying.remove(from.id());
  }

  @Override
  public void rehomed(ContactId contact) {
    vertx.eventBus().publish(REHOMED, contact.value(), new DeliveryOptions().addHeader("from", node));
  }

  @Override
  public void onRehomed(Consumer<ContactId> listener) {
    rehomedListeners.add(listener);
  }

  @Override
  public void rejoin(ContactId contact, CallPeer from, AgentId host) {
    relaying.put(from.id(), from);
    Map<String, Object> body = body(from);
    body.put("rejoin", host.value());
    vertx.eventBus().send(HOME + contact.value(), text(body));
  }

  private Map<String, Object> body(CallPeer from) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("node", node);
    body.put(SOCKET, from.id());
    return body;
  }

  @SuppressWarnings("unchecked")
  private void fromElsewhere(String text, ContactId contact, Home handler) {
    Map<String, Object> body = ClientFrames.read(json, text).orElse(Map.of());
    if (!(body.get("node") instanceof String from) || !(body.get(SOCKET) instanceof String socket)) {
      LOG.warn("a relayed call frame without its node or socket");
      return;
    }
    CallPeer peer = new ElsewherePeer(from, socket);
    if (Boolean.TRUE.equals(body.get("closed"))) {
      handler.closed(peer);
      return;
    }
    if (body.get("rejoin") instanceof String host) {
      CallFrameErrors.answering(peer, () -> handler.rejoin(contact, peer, new AgentId(host)));
      return;
    }
    Map<String, Object> frame = body.get("frame") instanceof Map<?, ?> f ? (Map<String, Object>) f : Map.of();
    Optional<AgentId> signedIn = Optional.ofNullable((String) body.get("signedIn")).map(AgentId::new);
    Optional<String> staffOf = Optional.ofNullable((String) body.get("staffOf"));
    CallFrameErrors.answering(peer, () -> handler.frame(frame, peer, signedIn, staffOf));
  }

  private String text(Map<String, Object> value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A socket on another node, as its call's home sees it: what it is sent goes back over the bus. */
  private final class ElsewherePeer implements CallPeer {

    private final String node;
    private final String socket;

    ElsewherePeer(String node, String socket) {
      this.node = node;
      this.socket = socket;
    }

    @Override
    public String id() {
      return node + "/" + socket;
    }

    @Override
    public void send(Map<String, Object> frame) {
      vertx.eventBus().send(PEERS + node, text(frame), new DeliveryOptions().addHeader(SOCKET, socket));
    }
  }
}
