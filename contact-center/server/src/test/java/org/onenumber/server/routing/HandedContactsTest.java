package org.onenumber.server.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;

/** A contact handed to routing is taken once, by its id; only queued contacts are handed. */
class HandedContactsTest {

  private static final Instant T0 = Instant.parse("2026-12-03T07:00:00Z");
  private final HandedContacts handed = new HandedContacts();

  private static Contact created(String id) {
    return Contact.create(new ContactId(id), Channel.WEB_FORM, new CitizenId("citizen-" + id), Language.KOREAN,
        Set.of(), 0, "pothole", T0);
  }

  @Test
  void aHandedContactIsTakenOnceThenTheArrivalReadsTheJournal() {
    Contact queued = created("c-1").moveTo(new ContactStep(ContactState.QUEUED, T0, null, new QueueId("general"),
        "intake"));
    handed.hand(queued);
    assertTrue(handed.holds(queued.id()));
    assertEquals(Optional.of(queued), handed.take(queued.id()));
    assertFalse(handed.holds(queued.id()));
    assertEquals(Optional.empty(), handed.take(queued.id()), "a retried arrival reads the journal");
    assertEquals(Optional.empty(), handed.take(new ContactId("c-2")), "nothing handed: read the journal");
  }

  @Test
  void aContactNotQueuedIsNotHanded() {
    assertThrows(IllegalArgumentException.class, () -> handed.hand(created("c-3")));
    assertFalse(handed.holds(new ContactId("c-3")));
  }
}
