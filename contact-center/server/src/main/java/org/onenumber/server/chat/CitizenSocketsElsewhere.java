package org.onenumber.server.chat;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.onenumber.core.contact.ContactId;

/**
 * Whether a citizen's chat socket is open on another node of the cluster (issue 11), for the console's
 * presence poll on any node: a node holding a citizen's socket consumes {@code onenumber.chat.citizens.<contactId>}
 * (registered with the socket, removed when it closes) and answers {@code true} while it is open; another
 * node asks that address, and no handler (or no answer within {@link #ASK}) means not connected. One node
 * alone never asks. Thread-safe.
 */
final class CitizenSocketsElsewhere {

  static final String PREFIX = "onenumber.chat.citizens.";
  private static final Duration ASK = Duration.ofMillis(500);

  private final Vertx vertx;
  private final Predicate<ContactId> openHere;
  private final Map<ContactId, MessageConsumer<String>> here = new ConcurrentHashMap<>();

  CitizenSocketsElsewhere(Vertx vertx, Predicate<ContactId> openHere) {
    this.vertx = vertx;
    this.openHere = openHere;
  }

  /** This node holds a socket of {@code contact} now. */
  void connected(ContactId contact) {
    if (vertx.isClustered()) {
      here.computeIfAbsent(contact, c -> vertx.eventBus().<String>consumer(PREFIX + c.value(),
          message -> message.reply(Boolean.toString(openHere.test(c)))));
    }
  }

  /** This node holds no socket of {@code contact} any more. */
  void disconnected(ContactId contact) {
    MessageConsumer<String> consumer = here.remove(contact);
    if (consumer != null) {
      consumer.unregister();
    }
  }

  /** Whether another node holds an open socket of {@code contact} (blocks at most {@link #ASK}). */
  boolean open(ContactId contact) {
    if (!vertx.isClustered()) {
      return false;
    }
    try {
      return Boolean.parseBoolean(String.valueOf(vertx.eventBus().request(PREFIX + contact.value(), "",
          new DeliveryOptions().setSendTimeout(ASK.toMillis())).toCompletionStage().toCompletableFuture()
          .get(ASK.toMillis() + 200, TimeUnit.MILLISECONDS).body()));
    } catch (ExecutionException | TimeoutException e) {
      return false; // no node holds it (no handlers), or none answered in time
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
