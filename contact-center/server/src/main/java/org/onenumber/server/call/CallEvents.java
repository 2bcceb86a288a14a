package org.onenumber.server.call;

import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.TaskExecutors;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Named;
import java.util.concurrent.ExecutorService;
import org.onenumber.channels.call.CallSignalling;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.event.QueuePositionChanged;
import org.onenumber.server.events.VertxEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds routing's events for calls into the signalling, on the blocking executor (never the event
 * loop): state changes of VIDEO and VOICE contacts, and queue positions (as the record, or as JSON
 * from a clustered node), routed on this node or, in a cluster, on another (the owner of the call's
 * partition need not be the call's home). The signalling ignores contacts that are not its calls.
 */
@Context
final class CallEvents {

  private static final Logger LOG = LoggerFactory.getLogger(CallEvents.class);

  private final CallSignalling signalling;

  CallEvents(Vertx vertx, CallSignalling signalling, @Named(TaskExecutors.BLOCKING) ExecutorService executor,
      VertxEventPublisher events) {
    this.signalling = signalling;
    vertx.eventBus().localConsumer(VertxEventPublisher.ADDRESS, message -> {
      Object body = message.body();
      executor.execute(() -> onEvent(body));
    });
    events.onOtherNodes(event -> executor.execute(() -> onEvent(event)));
  }

  private void onEvent(Object body) {
    try {
      switch (body) {
        case ContactStateChanged c when c.channel() == Channel.VIDEO || c.channel() == Channel.VOICE ->
            signalling.stateChanged(c.contact(), c.to(), c.agent());
        case QueuePositionChanged p ->
            signalling.queuePosition(p.contact(), (long) p.position(),
                p.estimatedWait() == null ? null : p.estimatedWait().toSeconds());
        case JsonObject o when "routing.queue-position".equals(o.getString("type")) -> fromJson(o);
        default -> { }
      }
    } catch (RuntimeException e) {
      LOG.warn("call push failed: {}", e.toString());
    }
  }

  private void fromJson(JsonObject o) {
    Object contact = o.getValue("contactId", o.getValue("contact"));
    if (contact != null) {
      signalling.queuePosition(new ContactId(contact.toString()), number(o.getValue("position")),
          number(o.getValue("ewtSeconds")));
    }
  }

  private static Long number(Object value) {
    return value instanceof Number n ? n.longValue() : null;
  }
}
