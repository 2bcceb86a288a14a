package org.onenumber.server.events;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.eventbus.MessageConsumer;
import jakarta.inject.Singleton;
import java.util.List;
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
 */
@Singleton
public final class VertxEventPublisher implements EventPublisher {

  public static final String ADDRESS = "onenumber.events";
  private static final Logger LOG = LoggerFactory.getLogger(VertxEventPublisher.class);
  private static final DeliveryOptions LOCAL = new DeliveryOptions().setCodecName(LocalCodec.NAME).setLocalOnly(true);

  private final Vertx vertx;
  private final List<Consumer<DomainEvent>> observers = new CopyOnWriteArrayList<>();

  public VertxEventPublisher(Vertx vertx) {
    this.vertx = vertx;
    vertx.eventBus().registerCodec(new LocalCodec());
  }

  @Override
  public void publish(DomainEvent event) {
    vertx.eventBus().publish(ADDRESS, event, LOCAL);
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
    return vertx.eventBus().<DomainEvent>localConsumer(ADDRESS, message -> {
      try {
        listener.accept(message.body());
      } catch (RuntimeException e) {
        LOG.error("event listener failed on {}", message.body().type(), e);
      }
    });
  }

  /** Passes events by reference inside this JVM; they never go over the wire in local mode. */
  private static final class LocalCodec implements MessageCodec<DomainEvent, DomainEvent> {
    static final String NAME = "onenumber-domain-event";

    @Override
    public void encodeToWire(Buffer buffer, DomainEvent event) {
      throw new IllegalStateException("domain events are local-only until clustering is configured");
    }

    @Override
    public DomainEvent decodeFromWire(int pos, Buffer buffer) {
      throw new IllegalStateException("domain events are local-only until clustering is configured");
    }

    @Override
    public DomainEvent transform(DomainEvent event) {
      return event;
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public byte systemCodecID() {
      return -1;
    }
  }
}
