package org.onenumber.core.port.in;

import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.welfare.CallOutcome;

/** How a welfare check-in ended, told by a carrier (the call), an operator (a preview call) or a reply. */
public interface RecordCheckIn {

  /** @return false when no check-in is under way for {@code contact} (unknown, or already recorded) */
  boolean record(ContactId contact, CallOutcome outcome);

  /** A text from {@code from}: "1" is well, "2" wants to talk. @return false when it answers no check-in */
  boolean reply(CitizenIdentity.Phone from, String body);
}
