package org.onenumber.server.telephony;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.server.routing.RoutingHost;
import org.onenumber.server.security.CitizenDataAccess;

/**
 * Who may control a call, in this order: an unknown contact is 404; a contact routing no longer
 * tracks (closed, abandoned, transferred out) is 409; anyone but the operator holding it, a
 * supervisor or an admin is 403 ({@link CitizenDataAccess#act}, the one place that rule lives).
 * Thread-safe.
 */
@Singleton
final class CallAccess {

  private final RoutingHost routing;
  private final ContactJournal journal;
  private final CitizenDataAccess access;

  CallAccess(RoutingHost routing, ContactJournal journal, CitizenDataAccess access) {
    this.routing = routing;
    this.journal = journal;
    this.access = access;
  }

  /** The contact as routing sees it now, after checking the caller may control it. */
  Contact controllable(String contactId, Authentication who) {
    ContactId id = new ContactId(contactId);
    Contact contact = routing.contact(id).orElse(null);
    if (contact == null) {
      Contact stored = journal.find(id).orElseThrow(() -> new NotFoundException("contact", contactId));
      throw new IllegalTransitionException("contact " + contactId, stored.state(), "call control");
    }
    access.act(who, contact);
    return contact;
  }
}
