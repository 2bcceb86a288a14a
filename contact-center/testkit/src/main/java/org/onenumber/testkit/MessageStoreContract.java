package org.onenumber.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.OneNumberException;
import org.onenumber.core.messaging.DeliveryStatus;
import org.onenumber.core.messaging.Direction;
import org.onenumber.core.messaging.Message;
import org.onenumber.core.messaging.MessageId;
import org.onenumber.core.port.out.MessageStore;

/**
 * What every {@link MessageStore} must do. Subclasses give a fresh store and a contact id that
 * may own messages (the JDBC store needs the contact row to exist).
 */
public abstract class MessageStoreContract {

  protected abstract MessageStore store();

  /** A contact that exists wherever the store needs it to. */
  protected abstract ContactId contact();

  private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");

  protected static Message inbound(String id, ContactId contact, String sid, Instant at) {
    return new Message(new MessageId(id), contact, Channel.SMS, Direction.IN, "+821012345678", null,
        "hello " + id, List.of(URI.create("https://media.example/" + id)), sid, DeliveryStatus.RECEIVED, null, at);
  }

  @Test
  public void findsSavedMessageByIdAndProviderIdWithMedia() {
    Message m = inbound("m-1", contact(), "SM1", T0);
    store().save(m);
    assertEquals(m, store().find(new MessageId("m-1")).orElseThrow());
    assertEquals(m, store().findByProvider("SM1").orElseThrow());
    assertTrue(store().findByProvider("SM2").isEmpty());
  }

  @Test
  public void listsContactMessagesOldestFirst() {
    store().save(inbound("m-2", contact(), "SM2", T0.plusSeconds(5)));
    store().save(inbound("m-1", contact(), "SM1", T0));
    assertEquals(List.of("m-1", "m-2"),
        store().byContact(contact()).stream().map(x -> x.id().value()).toList());
  }

  @Test
  public void savingAgainUpdatesStatusProviderAndError() {
    Message out = new Message(new MessageId("m-3"), contact(), Channel.SMS, Direction.OUT, "+821012345678", "op-001",
        "reply", List.of(), null, DeliveryStatus.QUEUED, null, T0);
    store().save(out);
    Message failed = out.withProvider("SM3", DeliveryStatus.SENT).withStatus(DeliveryStatus.FAILED, "30003");
    store().save(failed);
    assertEquals(failed, store().find(new MessageId("m-3")).orElseThrow());
    assertEquals(1, store().byContact(contact()).size());
  }

  @Test
  public void refusesASecondMessageWithAStoredProviderId() {
    store().save(inbound("m-1", contact(), "SM1", T0));
    assertThrows(OneNumberException.class, () -> store().save(inbound("m-2", contact(), "SM1", T0)));
  }
}
