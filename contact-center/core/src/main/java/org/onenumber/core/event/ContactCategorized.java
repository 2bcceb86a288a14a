package org.onenumber.core.event;

import java.time.Instant;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.InvalidInputException;

/**
 * A contact's category (its topic: a complaint type, an IVR choice) became known. Repeat contacts
 * of one citizen in one category are what contact-level first-contact resolution counts.
 */
public record ContactCategorized(ContactId contact, String category, Instant at) implements DomainEvent {

  public ContactCategorized {
    InvalidInputException.require(contact, "contact");
    InvalidInputException.requireText(category, "category");
    InvalidInputException.require(at, "at");
  }

  @Override
  public String type() {
    return "contact.categorized";
  }
}
