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
import java.util.ArrayList;
import java.util.Collections;
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
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.onenumber.channels.call.CallParty;
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
 * #REHOMED} (header {@code from}); the other nodes hand the operator's or the guest's socket joined to it
 * to the new home ({@code rejoin}, with {@code party}: {@code operator} or {@code guest}). The home answers each request with its member id and the call's resume token
 * (JSON {@code home}, {@code token}); the relaying node remembers both, and when that member leaves the
 * cluster ({@link #memberLeft}: Hazelcast's membership, which also drops the dead node's bus subscriptions)
 * tells its {@link HomeLost} listeners, which rebuild the call here or find its new home ({@link
 * #homeAnswers}: a {@code ping} request). A node cut off from most of the cluster ({@link #cutOff()}: woken from
 * a freeze the others outlasted, or on the small side of a split, until Hazelcast merges it back) relays nothing:
 * the other side may not know it, so the home's answers would not come back; its sockets are answered {@code
 * unavailable} and try again. Thread-safe.
 */
final class ClusterCalls implements CallsElsewhere {

  static final String HOME = "onenumber.call.home.";
  static final String PEERS = "onenumber.call.peers.";
  static final String REHOMED = "onenumber.call.rehomed";
  private static final String SOCKET = "socket";
  private static final Duration ASK = Duration.ofSeconds(5);
  private static final Duration MERGE_SETTLE = Duration.ofSeconds(2);
  private static final Duration PING = Duration.ofSeconds(2);
  private static final int REMEMBERED_HOMES = 4_096;
  private static final int REJOIN_TRIES = 6;
  private static final Duration REJOIN_PAUSE = Duration.ofMillis(500);
  private static final Logger LOG = LoggerFactory.getLogger(ClusterCalls.class);

  private final Vertx vertx;
  private final JsonMapper json;
  private final Executor blocking;
  private final String node;
  /** This node's cluster member id now (what {@link #memberLeft} names; Hazelcast gives a new one on a merge). */
  private final Supplier<String> member;
  private final Map<ContactId, MessageConsumer<String>> homes = new ConcurrentHashMap<>();
  /** This node's sockets whose frames were handed to a home elsewhere, by id: where the home's answers go. */
  private final Map<String, CallPeer> relaying = new ConcurrentHashMap<>();
  private final List<Consumer<ContactId>> rehomedListeners = new CopyOnWriteArrayList<>();
  private final List<HomeLost> lostListeners = new CopyOnWriteArrayList<>();
  private final List<Runnable> membersListeners = new CopyOnWriteArrayList<>();
  /** The calls this node relayed to, with the member that answered as their home and their token. */
  private final Map<ContactId, Known> knownHomes = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<ContactId, Known> eldest) {
      return size() > REMEMBERED_HOMES;
    }
  });

  /** Whether this node sees no more members than half the nodes alive in the database ({@link #cutOff()}). */
  private final BooleanSupplier cutOff;
  /** Whether this node is merging back into the cluster after a split ({@link #merging}). */
  private volatile boolean merging;
  /** When this node last merged back after a split ({@link System#nanoTime}); long ago at first. */
  private volatile long mergedAt = System.nanoTime() - MERGE_SETTLE.toNanos();

  /** Who answered as a call's home, and the resume token it told. */
  private record Known(String member, Optional<String> token) {}

  ClusterCalls(Vertx vertx, JsonMapper json, Executor blocking, String node, Supplier<String> member,
      BooleanSupplier cutOff) {
    this.cutOff = cutOff;
    this.vertx = vertx;
    this.json = json;
    this.blocking = blocking;
    this.node = node;
    this.member = member;
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
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("home", member.get());
            handler.token(c).ifPresent(token -> answer.put("token", token));
            message.reply(text(answer));
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
    if (cutOff.getAsBoolean()) { // the other side may not know this node: the home's answers would not come back
      throw new RetriableException("this server is cut off from the cluster; try again", null);
    }
    relaying.put(from.id(), from);
    Map<String, Object> body = body(from);
    body.put("frame", frame);
    signedIn.ifPresent(agent -> body.put("signedIn", agent.value()));
    staffOf.ifPresent(department -> body.put("staffOf", department));
    try {
      remember(contact, vertx.eventBus().<String>request(HOME + contact.value(), text(body),
          new DeliveryOptions().setSendTimeout(ASK.toMillis()))
          .toCompletionStage().toCompletableFuture().get(ASK.toMillis() + 500, TimeUnit.MILLISECONDS).body());
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
  public void rejoin(ContactId contact, CallPeer from, AgentId who, CallParty party) {
    relaying.put(from.id(), from);
    Map<String, Object> body = body(from);
    body.put("rejoin", who.value());
    body.put("party", party.code());
    rejoin(contact, text(body), 1);
  }

  /**
   * Asks the new home to take the socket back, up to {@link #REJOIN_TRIES} times: just after a node died the
   * bus may still list its subscription to the call's address (Hazelcast's clean-up of a dead member's
   * entries waits for its partitions to move), so a request can go to the dead node and time out, or find
   * no handler yet where the new home's registration has not arrived.
   */
  private void rejoin(ContactId contact, String body, int attempt) {
    vertx.eventBus().<String>request(HOME + contact.value(), body, new DeliveryOptions().setSendTimeout(PING.toMillis()))
        .onSuccess(reply -> remember(contact, reply.body()))
        .onFailure(e -> {
          if (attempt < REJOIN_TRIES) {
            vertx.setTimer(REJOIN_PAUSE.toMillis(), t -> rejoin(contact, body, attempt + 1));
          } else {
            LOG.warn("the new home of call {} did not answer the rejoin {} times: {}", contact.value(), attempt,
                e.toString());
          }
        });
  }

  @Override
  public void onHomeLost(HomeLost listener) {
    lostListeners.add(listener);
  }

  @Override
  public void onMembersChanged(Runnable listener) {
    membersListeners.add(listener);
  }

  /** The membership changed as this node sees it (a member left, or this node merged back): listeners hear it. */
  void membersChanged() {
    membersListeners.forEach(listener -> blocking.execute(() -> {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.warn("reading the calls' claims again failed", e);
      }
    }));
  }

  /**
   * Whether a node that sees {@code members} members of the cluster (itself included) is cut off from most of
   * the {@code liveNodes} nodes the database counts alive: at most half of them. A survivor of one node's
   * death out of three sees 2 of 3 (not cut off, even while the dead node still counts alive for its lease's
   * time to live); a node woken alone sees 1 of 3. Two nodes split in halves are both cut off: neither takes
   * the other's calls, each keeps its own.
   */
  static boolean minority(int members, int liveNodes) {
    return members * 2 <= liveNodes;
  }

  @Override
  public boolean cutOff() {
    return merging || System.nanoTime() - mergedAt < MERGE_SETTLE.toNanos() || cutOff.getAsBoolean();
  }

  /**
   * This node starts merging back into the cluster after a split: cut off until the merge is done and a moment
   * longer ({@link #merged}), while the bus subscriptions it publishes again reach the others (before that, a
   * home's answers to it were lost).
   */
  void merging() {
    merging = true;
  }

  /** This node merged back into the cluster: cut off for {@link #MERGE_SETTLE} more; its calls' claims are read again. */
  void merged() {
    mergedAt = System.nanoTime();
    merging = false;
    membersChanged();
  }

  @Override
  public boolean homeAnswers(ContactId contact) {
    return ping(contact) == Ping.ANSWERED;
  }

  @Override
  public boolean noHome(ContactId contact) {
    return ping(contact) == Ping.NO_HANDLER;
  }

  /** What a {@code ping} to {@code contact}'s home address met. */
  private enum Ping {
    /** A home answered. */
    ANSWERED,
    /** The bus knows no consumer of the address anywhere: no node holds the call (a dead node's subscriptions go when Hazelcast drops it). */
    NO_HANDLER,
    /** No answer in time, or a failure: a home may hold the call (frozen, busy, just dropped). */
    UNKNOWN
  }

  private Ping ping(ContactId contact) {
    Map<String, Object> body = body(new ElsewherePeer(node, "-"));
    body.put("ping", true);
    try {
      remember(contact, vertx.eventBus().<String>request(HOME + contact.value(), text(body),
          new DeliveryOptions().setSendTimeout(PING.toMillis()))
          .toCompletionStage().toCompletableFuture().get(PING.toMillis() + 500, TimeUnit.MILLISECONDS).body());
      LOG.info("call {}: a home answers", contact.value());
      return Ping.ANSWERED;
    } catch (ExecutionException | TimeoutException e) {
      LOG.info("call {}: no home answers ({})", contact.value(), e.toString());
      return e.getCause() instanceof ReplyException r && r.failureType() == ReplyFailure.NO_HANDLERS ? Ping.NO_HANDLER
          : Ping.UNKNOWN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Ping.UNKNOWN;
    }
  }

  /**
   * The cluster member {@code left} is gone (Hazelcast's membership event): the calls this node relayed to
   * it lost their home; the listeners hear each on the blocking executor.
   */
  void memberLeft(String left) {
    List<Map.Entry<ContactId, Known>> lost = new ArrayList<>();
    synchronized (knownHomes) {
      knownHomes.entrySet().removeIf(e -> e.getValue().member().equals(left) && lost.add(Map.entry(e.getKey(), e.getValue())));
    }
    for (Map.Entry<ContactId, Known> call : lost) {
      LOG.info("call {}: its home (member {}) left the cluster", call.getKey().value(), left);
      lostListeners.forEach(listener -> blocking.execute(() -> {
        try {
          listener.lost(call.getKey(), call.getValue().token());
        } catch (RuntimeException e) {
          LOG.warn("call {}: taking it over from its lost home failed", call.getKey().value(), e);
        }
      }));
    }
    membersChanged();
  }

  /** Remembers who answered as {@code contact}'s home (its JSON answer: {@code home}, {@code token}). */
  private void remember(ContactId contact, String answer) {
    Map<String, Object> home = answer == null ? Map.of() : ClientFrames.read(json, answer).orElse(Map.of());
    if (home.get("home") instanceof String who && !who.isEmpty()) {
      knownHomes.put(contact, new Known(who, Optional.ofNullable((String) home.get("token"))));
    }
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
    if (Boolean.TRUE.equals(body.get("ping"))) {
      return; // answered with this home's member id and the call's token
    }
    CallPeer peer = new ElsewherePeer(from, socket);
    if (Boolean.TRUE.equals(body.get("closed"))) {
      handler.closed(peer);
      return;
    }
    if (body.get("rejoin") instanceof String who) {
      CallParty party = CallParty.GUEST.code().equals(body.get("party")) ? CallParty.GUEST : CallParty.OPERATOR;
      CallFrameErrors.answering(peer, () -> handler.rejoin(contact, peer, new AgentId(who), party));
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
