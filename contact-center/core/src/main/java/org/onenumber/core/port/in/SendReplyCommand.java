package org.onenumber.core.port.in;

import java.net.URI;
import java.util.List;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.InvalidInputException;

/**
 * Send a message to the citizen of a contact.
 *
 * @param author the agent id writing, or {@code system} for automatic messages
 */
public record SendReplyCommand(ContactId contact, String author, String body, List<URI> media) {
  public SendReplyCommand {
    InvalidInputException.require(contact, "contact");
    InvalidInputException.requireText(author, "author");
    InvalidInputException.requireText(body, "body");
    media = List.copyOf(media == null ? List.of() : media);
  }
}
