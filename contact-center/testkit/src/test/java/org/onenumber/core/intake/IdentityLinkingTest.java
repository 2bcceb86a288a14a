package org.onenumber.core.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.citizen.Consent;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.testkit.DirectTransactions;
import org.onenumber.testkit.FakeCitizenRegistry;

class IdentityLinkingTest {

  private final FakeCitizenRegistry citizens = new FakeCitizenRegistry();
  private final IdentityLinking linking = new IdentityLinking(citizens, new DirectTransactions());
  private final CitizenIdentity.Phone phone = new CitizenIdentity.Phone("+821012345678");
  private final CitizenIdentity.ChatHandle chat = new CitizenIdentity.ChatHandle("web-1");
  private final Citizen caller = new Citizen(new CitizenId("caller"), "김민원", Set.of(phone), Language.KOREAN,
      Consent.DEFAULT);
  private final Citizen chatter = new Citizen(new CitizenId("chatter"), null, Set.of(chat), Language.KOREAN,
      Consent.DEFAULT);

  @Test
  void aNewIdentityIsAddedToTheCitizen() {
    citizens.save(caller);
    var email = new CitizenIdentity.Email("kim@example.org");
    IdentityLinking.Linked linked = linking.link(caller.id(), email, "known-facts");
    assertTrue(linked.changed());
    assertNull(linked.merged());
    assertEquals(caller.id(), citizens.findByIdentity(email).orElseThrow().id());
  }

  @Test
  void anIdentityOfAnotherCitizenMergesThatCitizenIn() {
    citizens.save(caller);
    citizens.save(chatter);
    IdentityLinking.Linked linked = linking.link(caller.id(), chat, "Called-Back");
    assertEquals(chatter.id(), linked.merged());
    assertEquals(Set.of(phone, chat), linked.citizen().identities());
    assertEquals(caller.id(), citizens.find(chatter.id()).orElseThrow().id(), "the other id now finds the caller");
    assertEquals(caller.id(), citizens.findByIdentity(chat).orElseThrow().id(), "the next chat comes to the caller");
  }

  @Test
  void anIdentityAlreadyTheCitizensChangesNothing() {
    citizens.save(caller);
    IdentityLinking.Linked linked = linking.link(caller.id(), phone, "known-facts");
    assertFalse(linked.changed());
    assertEquals(1, citizens.size());
  }

  @Test
  void anUnverifiedLinkOrAnUnknownCitizenIsRefused() {
    citizens.save(caller);
    citizens.save(chatter);
    assertThrows(InvalidInputException.class, () -> linking.link(caller.id(), chat, "they said so"));
    assertThrows(InvalidInputException.class, () -> linking.link(caller.id(), chat, " "));
    assertEquals(chatter.id(), citizens.findByIdentity(chat).orElseThrow().id(), "nothing merged");
    assertThrows(NotFoundException.class, () -> linking.link(new CitizenId("nobody"), chat, "known-facts"));
  }
}
