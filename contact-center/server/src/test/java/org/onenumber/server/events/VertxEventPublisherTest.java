package org.onenumber.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.event.DomainEvent;

/**
 * Routing's arrivals are handed over on the publishing thread (issue #17): an event loop busy with
 * other work delays the bus's listeners, never an observer.
 */
class VertxEventPublisherTest {

  @Test
  void anObserverHearsTheEventOnThePublishingThreadWhileTheEventLoopIsBusyAndListenersStillGetItInOrder()
      throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    try {
      VertxEventPublisher events = new VertxEventPublisher(vertx);
      List<DomainEvent> heard = new CopyOnWriteArrayList<>();
      CountDownLatch delivered = new CountDownLatch(2);
      events.subscribe(e -> {
        heard.add(e);
        delivered.countDown();
      });
      List<Thread> observedOn = new CopyOnWriteArrayList<>();
      events.observe(e -> {
        throw new IllegalStateException("a failing observer does not stop the others");
      });
      events.observe(e -> observedOn.add(Thread.currentThread()));
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch busy = new CountDownLatch(1);
      vertx.runOnContext(v -> {
        busy.countDown();
        try {
          release.await(); // the only event loop is busy (a slow listener, sockets)
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      assertTrue(busy.await(5, TimeUnit.SECONDS));
      events.publish(queued("c-1"));
      events.publish(queued("c-2"));
      assertEquals(List.of(Thread.currentThread(), Thread.currentThread()), observedOn,
          "observed before publish returned, on the publishing thread");
      assertEquals(List.of(), heard, "the bus's listener waits for its event loop");
      release.countDown();
      assertTrue(delivered.await(5, TimeUnit.SECONDS));
      assertEquals(List.of("c-1", "c-2"), heard.stream().map(e -> ((ContactStateChanged) e).contact().value()).toList());
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
  }

  private static ContactStateChanged queued(String id) {
    return new ContactStateChanged(new ContactId(id), Channel.CHAT, null, ContactState.CREATED, ContactState.QUEUED,
        null, null, "intake", Instant.parse("2026-04-15T00:00:00Z"));
  }
}
