package org.onenumber.server.telephony;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.server.routing.RoutingHost;
import org.onenumber.server.security.Role;

/**
 * Who may control a call, in this order: an unknown contact is 404; a contact routing no longer
 * tracks (closed, abandoned, transferred out) is 409; anyone but the operator holding it, a
 * supervisor or an admin is 403. Thread-safe.
 */
@Singleton
final class CallAccess {

  private final RoutingHost routing;
  private final ContactJournal journal;

  CallAccess(RoutingHost routing, ContactJournal journal) {
    this.routing = routing;
    this.journal = journal;
  }

  /** The contact as routing sees it now, after checking the caller may control it. */
  Contact controllable(String contactId, Authentication who) {
    ContactId id = new ContactId(contactId);
    Contact contact = routing.call(engine -> engine.contact(id)).orElse(null);
    if (contact == null) {
      Contact stored = journal.find(id).orElseThrow(() -> new NotFoundException("contact", contactId));
      throw new IllegalTransitionException("contact " + contactId, stored.state(), "call control");
    }
    boolean holder = contact.agent() != null && contact.agent().value().equals(who.getName());
    if (!holder && !supervises(who)) {
      throw new HttpStatusException(HttpStatus.FORBIDDEN,
          "only the operator holding the call, a supervisor or an admin may control it");
    }
    return contact;
  }

  static boolean supervises(Authentication who) {
    return who.getRoles().contains(Role.SUPERVISOR.name()) || who.getRoles().contains(Role.ADMIN.name());
  }
}
