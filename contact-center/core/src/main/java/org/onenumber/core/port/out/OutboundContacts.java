package org.onenumber.core.port.out;

import java.time.Instant;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.welfare.Senior;

/**
 * Journals the contact an outbound welfare call or text is kept under, so that what follows (a
 * welfare case through {@code EscalateCase}, the senior's history) links to it.
 */
@FunctionalInterface
public interface OutboundContacts {
  void open(ContactId contact, Senior senior, Channel channel, Instant at);
}
