package org.onenumber.telephony.twilio;

import java.util.Set;
import java.util.function.Predicate;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.port.out.CitizenRegistry;

/**
 * Whether a call may be recorded. Both must hold: the contact's queue is one that records
 * ({@code onenumber.telephony.twilio.record-queues}), and the citizen consented ({@code
 * Consent.recordCalls}, false until they say yes). An unknown citizen is not recorded. Thread-safe
 * when the registry is.
 */
public final class RecordingPolicy implements Predicate<Contact> {

  private final CitizenRegistry citizens;
  private final Set<QueueId> recordingQueues;

  public RecordingPolicy(CitizenRegistry citizens, Set<QueueId> recordingQueues) {
    this.citizens = citizens;
    this.recordingQueues = Set.copyOf(recordingQueues);
  }

  @Override
  public boolean test(Contact contact) {
    return contact.queue() != null && recordingQueues.contains(contact.queue())
        && citizens.find(contact.citizen()).map(c -> c.consent().recordCalls()).orElse(false);
  }
}
