package org.onenumber.core.event;

import java.time.Instant;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.InvalidInputException;

/**
 * A contact's category (its topic: a complaint type, an IVR choice) became known: at intake
 * ({@code contactCreatedAt} equals {@code at}) or later by the operator's disposition, which
 * replaces the earlier category. Repeat contacts of one citizen in one category are what
 * contact-level first-contact resolution counts; the emerging-issue fold counts the contact in the
 * period it was created in.
 */
public record ContactCategorized(ContactId contact, String category, Instant at, Instant contactCreatedAt)
    implements DomainEvent {

  public ContactCategorized {
    InvalidInputException.require(contact, "contact");
    InvalidInputException.requireText(category, "category");
    InvalidInputException.require(at, "at");
    InvalidInputException.require(contactCreatedAt, "contactCreatedAt");
  }

  /** The category at intake: the contact is created at {@code at}. */
  public ContactCategorized(ContactId contact, String category, Instant at) {
    this(contact, category, at, at);
  }

  @Override
  public String type() {
    return "contact.categorized";
  }
}
