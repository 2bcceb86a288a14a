package org.onenumber.server.welfare;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.onenumber.core.Ids;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.citizen.Consent;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.port.out.CitizenRegistry;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.core.port.out.OutboundContacts;
import org.onenumber.core.port.out.Transactions;
import org.onenumber.core.welfare.Senior;

/**
 * Journals each welfare call or text as a contact of the senior's citizen (found by phone, or
 * registered), created and closed at once: it never enters routing, and a welfare case links to
 * it. Thread-safe.
 */
final class JournalOutboundContacts implements OutboundContacts {

  static final String TOPIC = "welfare check-in";

  private final Transactions transactions;
  private final CitizenRegistry citizens;
  private final ContactJournal journal;
  private final RandomGenerator random;

  JournalOutboundContacts(Transactions transactions, CitizenRegistry citizens, ContactJournal journal,
      RandomGenerator random) {
    this.transactions = transactions;
    this.citizens = citizens;
    this.journal = journal;
    this.random = random;
  }

  @Override
  public void open(ContactId contact, Senior senior, Channel channel, Instant at) {
    transactions.inTransaction(() -> {
      Citizen citizen = citizens.findByIdentity(senior.phone()).orElseGet(() -> {
        Citizen fresh = new Citizen(new CitizenId(Ids.timeOrdered(at, random)), senior.name(), Set.of(senior.phone()),
            senior.language(), Consent.DEFAULT);
        citizens.save(fresh);
        return fresh;
      });
      Contact created = Contact.create(contact, channel, citizen.id(), senior.language(), Set.of(), 0, TOPIC, at);
      journal.append(created.moveTo(ContactState.CLOSED, at), List.of());
      return null;
    });
  }
}
