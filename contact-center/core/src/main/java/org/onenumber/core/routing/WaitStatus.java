package org.onenumber.core.routing;

import java.time.Duration;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.QueueId;

/** A waiting contact's place: position 1 is served next; the estimate follows policy case 8. */
public record WaitStatus(ContactId contact, QueueId queue, int position, Duration estimatedWait, Duration waited) {}
