package org.onenumber.server.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.ContactId;

/**
 * A call's step relayed to the partition's owner carries its home's claim in two headers, which the owner
 * reads back; a claim the owner found stale comes back as 410 and is the same refusal on the sender.
 */
class CommandRelayClaimTest {

  private final DeliveryOptions request = new DeliveryOptions().setSendTimeout(3_000);

  @Test
  void aClaimTravelsInTheHeadersAndIsReadBackOnTheOwner() {
    CallClaim claim = new CallClaim(new ContactId("c-1"), "6f1c2d9e-claim");

    DeliveryOptions sent = CommandRelay.claimed(request, claim);

    assertEquals(claim, CommandRelay.claimOf(sent.getHeaders()));
    assertEquals(3_000, sent.getSendTimeout());
    assertNull(request.getHeaders(), "the shared options are not changed");
  }

  @Test
  void aStepWithoutAClaimSendsNoHeadersAndIsUnfencedOnTheOwner() {
    assertSame(request, CommandRelay.claimed(request, null));
    assertNull(CommandRelay.claimOf(MultiMap.caseInsensitiveMultiMap()));
    assertNull(CallClaim.of(new ContactId("c-1"), ""), "one node alone (CallClaims.NONE): no claim");
  }

  @Test
  void aContactWithoutItsClaimIsRefused() {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add(CommandRelay.CLAIM_CONTACT, "c-1");

    assertThrows(IllegalArgumentException.class, () -> CommandRelay.claimOf(headers));
  }

  @Test
  void aStaleClaimOnTheOwnerIsTheSameRefusalOnTheSender() {
    RuntimeException refused = CommandRelay.refusal(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 410,
        "another node claimed call c-1"));

    assertInstanceOf(CallClaim.LostException.class, refused);
    assertEquals("claim_lost", ((CallClaim.LostException) refused).code());
  }
}
