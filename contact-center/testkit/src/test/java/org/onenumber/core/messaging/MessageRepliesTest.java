package org.onenumber.core.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.error.PermanentException;
import org.onenumber.core.event.MessageSent;
import org.onenumber.core.port.in.ReceiveMessage.Opened;
import org.onenumber.core.port.in.SendReplyCommand;

class MessageRepliesTest {

  private final MessagingWorld world = new MessagingWorld();

  @Test
  void replyGoesThroughTheGatewayToTheNumberTheCitizenWroteFrom() {
    Opened opened = (Opened) world.sms("SM1", "hello");
    Message reply = world.replies.send(new SendReplyCommand(opened.contact().id(), "op-001", "Hi, how can I help?", null));
    assertEquals(DeliveryStatus.QUEUED, reply.status());
    assertEquals("FAKE1", reply.providerId());
    assertEquals(MessagingWorld.PHONE, world.gateway.sent().get(0).to());
    assertEquals("Hi, how can I help?", world.gateway.sent().get(0).body());
    assertEquals(reply, world.store.find(reply.id()).orElseThrow());
    assertEquals("op-001", world.events.ofType(MessageSent.class).get(0).author());
  }

  @Test
  void aGatewayFailureIsStoredAsFailedForTheOperatorToSee() {
    Opened opened = (Opened) world.sms("SM1", "hello");
    world.gateway.failNext(1);
    Message reply = world.replies.send(new SendReplyCommand(opened.contact().id(), "op-001", "Hi", null));
    assertEquals(DeliveryStatus.FAILED, reply.status());
    assertTrue(reply.error().startsWith("unavailable"));
    assertEquals(DeliveryStatus.FAILED, world.store.find(reply.id()).orElseThrow().status());
  }

  @Test
  void nothingIsSentToACitizenWhoSentStop() {
    Opened opened = (Opened) world.sms("SM1", "hello");
    world.sms("SM2", "STOP");
    int sentBefore = world.gateway.sent().size();
    assertThrows(PermanentException.class,
        () -> world.replies.send(new SendReplyCommand(opened.contact().id(), "op-001", "Hi", null)));
    assertEquals(sentBefore, world.gateway.sent().size());
  }

  @Test
  void repliesToClosedOrUnknownContactsAreRefused() {
    Opened opened = (Opened) world.sms("SM1", "hello");
    world.journal.append(opened.contact().moveTo(ContactState.CLOSED, world.clock.advanceSeconds(1)), List.of());
    assertThrows(PermanentException.class,
        () -> world.replies.send(new SendReplyCommand(opened.contact().id(), "op-001", "Hi", null)));
    assertThrows(NotFoundException.class,
        () -> world.replies.send(new SendReplyCommand(new ContactId("nope"), "op-001", "Hi", null)));
  }
}
