package org.onenumber.core.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.onenumber.core.event.MessageStatusChanged;
import org.onenumber.core.port.in.ReceiveMessage.Opened;
import org.onenumber.core.port.in.SendReplyCommand;

class DeliveryTrackingTest {

  private final MessagingWorld world = new MessagingWorld();

  private Message reply() {
    Opened opened = (Opened) world.sms("SM1", "hello");
    return world.replies.send(new SendReplyCommand(opened.contact().id(), "op-001", "Hi", null));
  }

  @Test
  void callbacksMoveTheMessageForwardAndPublishEachChange() {
    Message reply = reply();
    world.tracking.byProvider(reply.providerId(), DeliveryStatus.SENT, null);
    Message delivered = world.tracking.byProvider(reply.providerId(), DeliveryStatus.DELIVERED, null).orElseThrow();
    assertEquals(DeliveryStatus.DELIVERED, delivered.status());
    assertEquals(2, world.events.ofType(MessageStatusChanged.class).size());
  }

  @Test
  void aLateSentAfterDeliveredChangesNothing() {
    Message reply = reply();
    world.tracking.byProvider(reply.providerId(), DeliveryStatus.DELIVERED, null);
    Message after = world.tracking.byProvider(reply.providerId(), DeliveryStatus.SENT, null).orElseThrow();
    assertEquals(DeliveryStatus.DELIVERED, after.status());
    assertEquals(1, world.events.ofType(MessageStatusChanged.class).size());
  }

  @Test
  void aFailureKeepsTheProvidersErrorCode() {
    Message reply = reply();
    Message failed = world.tracking.byProvider(reply.providerId(), DeliveryStatus.UNDELIVERED, "30005").orElseThrow();
    assertEquals("30005", failed.error());
    assertTrue(failed.status().isFailure());
  }

  @Test
  void anUnknownProviderIdIsReportedAsUnknown() {
    assertFalse(world.tracking.byProvider("SMnope", DeliveryStatus.SENT, null).isPresent());
  }

  @Test
  void providerWordsMapOntoTheStateMachine() {
    assertEquals(DeliveryStatus.QUEUED, DeliveryStatus.fromProvider("accepted"));
    assertEquals(DeliveryStatus.SENT, DeliveryStatus.fromProvider("sending"));
    assertEquals(DeliveryStatus.FAILED, DeliveryStatus.fromProvider("canceled"));
    assertFalse(DeliveryStatus.DELIVERED.canMoveTo(DeliveryStatus.SENT));
    assertTrue(DeliveryStatus.QUEUED.canMoveTo(DeliveryStatus.DELIVERED));
  }
}
