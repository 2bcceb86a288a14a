package org.onenumber.server.events;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.eventbus.MessageConsumer;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.port.out.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes domain events on the Vert.x event bus address {@value #ADDRESS}, and lets server
 * components subscribe. Events are immutable records, so locally they travel by reference
 * (a pass-through codec); a listener that throws is logged and does not affect others.
 * Thread-safe: any thread may publish; listeners run on a Vert.x event loop. An {@link #observe
 * observer} instead runs on the publishing thread, right after the event is on the bus: for a hand-off
 * that must not wait for an event loop busy with other listeners and sockets (routing's arrivals,
 * issue #17: that hop was the arrival → offer frame's tail).
 *
 * <p>On a clustered bus (the cluster profile) every event is also published, as bytes ({@link
 * DomainEventWire}), on {@value #CLUSTER_ADDRESS}; each node hands the events of the <em>other</em>
 * nodes to its {@link #subscribeCenterWide center-wide} listeners only (live figures), never to the
 * plain subscribers, which act on what happened on their own node (the outbox), and to the
 * {@link #onOtherNodes} listeners: the sockets' pushes, so a chat or console socket on any node hears
 * what happened on the others (issue 11, {@code ClusterSocketsIT}).
 */
@Singleton
public final class VertxEventPublisher implements EventPublisher {

  public static final String ADDRESS = "onenumber.events";
  public static final String CLUSTER_ADDRESS = "onenumber.events.cluster";
  private static final String FROM = "from";
  private static final Logger LOG = LoggerFactory.getLogger(VertxEventPublisher.class);
  private static final DeliveryOptions LOCAL = new DeliveryOptions().setCodecName(EventCodec.LOCAL_NAME)
      .setLocalOnly(true);

  private final Vertx vertx;
  private final List<Consumer<DomainEvent>> observers = new CopyOnWriteArrayList<>();
  private final List<Consumer<DomainEvent>> otherNodes = new CopyOnWriteArrayList<>();
  private final String node = UUID.randomUUID().toString();
  private final DeliveryOptions toCluster = new DeliveryOptions().setCodecName(EventCodec.WIRE_NAME)
      .addHeader(FROM, node);

  public VertxEventPublisher(Vertx vertx) {
    this.vertx = vertx;
    vertx.eventBus().registerCodec(new EventCodec(EventCodec.LOCAL_NAME));
    if (vertx.isClustered()) {
      vertx.eventBus().registerCodec(new EventCodec(EventCodec.WIRE_NAME));
      vertx.eventBus().<DomainEvent>consumer(CLUSTER_ADDRESS, message -> {
        if (!node.equals(message.headers().get(FROM))) {
          otherNodes.forEach(listener -> deliver(listener, message.body()));
        }
      });
    }
  }

  @Override
  public void publish(DomainEvent event) {
    vertx.eventBus().publish(ADDRESS, event, LOCAL);
    if (vertx.isClustered()) {
      vertx.eventBus().publish(CLUSTER_ADDRESS, event, toCluster);
    }
    for (Consumer<DomainEvent> observer : observers) {
      try {
        observer.accept(event);
      } catch (RuntimeException e) {
        LOG.error("event observer failed on {}", event.type(), e);
      }
    }
  }

  /**
   * Calls {@code observer} on the publishing thread for every event published from now on, after
   * the bus has it (so each listener still sees a contact's events in order). It must be quick,
   * never block, and be thread-safe: it runs inside {@link #publish}, on any thread.
   */
  public void observe(Consumer<DomainEvent> observer) {
    observers.add(observer);
  }

  /** Calls {@code listener} for every event published from now on; unregister to stop. */
  public MessageConsumer<DomainEvent> subscribe(Consumer<DomainEvent> listener) {
    return vertx.eventBus().<DomainEvent>localConsumer(ADDRESS, message -> deliver(listener, message.body()));
  }

  /**
   * Like {@link #subscribe}, and on a clustered bus also every event published on the other nodes
   * (each event once): for views of the whole center, such as the live figures. Never unregistered.
   */
  public void subscribeCenterWide(Consumer<DomainEvent> listener) {
    subscribe(listener);
    onOtherNodes(listener);
  }

  /**
   * Calls {@code listener} (on a Vert.x event loop; it must not block) for every event published on
   * the <em>other</em> nodes of a clustered bus from now on; never on one node alone. With {@link
   * #subscribe} it hears every event of the center once.
   */
  public void onOtherNodes(Consumer<DomainEvent> listener) {
    otherNodes.add(listener);
  }

  /** This node's id on the bus (a random UUID per start), as the {@code from} header of what it publishes. */
  public String node() {
    return node;
  }

  private static void deliver(Consumer<DomainEvent> listener, DomainEvent event) {
    try {
      listener.accept(event);
    } catch (RuntimeException e) {
      LOG.error("event listener failed on {}", event.type(), e);
    }
  }

  /**
   * The bus codecs of domain events: by reference inside this JVM (the {@link #LOCAL local} one never
   * goes over the wire), and for {@value #CLUSTER_ADDRESS} as {@link DomainEventWire} bytes, length
   * first.
   */
  private static final class EventCodec implements MessageCodec<DomainEvent, DomainEvent> {
    static final String LOCAL_NAME = "onenumber-domain-event";
    static final String WIRE_NAME = "onenumber-domain-event-wire";

    private final String name;

    EventCodec(String name) {
      this.name = name;
    }

    @Override
    public void encodeToWire(Buffer buffer, DomainEvent event) {
      requireWire();
      byte[] bytes = DomainEventWire.write(event);
      buffer.appendInt(bytes.length).appendBytes(bytes);
    }

    @Override
    public DomainEvent decodeFromWire(int pos, Buffer buffer) {
      requireWire();
      int length = buffer.getInt(pos);
      return DomainEventWire.read(buffer.getBytes(pos + 4, pos + 4 + length));
    }

    private void requireWire() {
      if (!WIRE_NAME.equals(name)) {
        throw new IllegalStateException("domain events cross nodes only on " + CLUSTER_ADDRESS);
      }
    }

    @Override
    public DomainEvent transform(DomainEvent event) {
      return event;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public byte systemCodecID() {
      return -1;
    }
  }
}
