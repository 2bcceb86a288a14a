package org.onenumber.channels.call;

import org.onenumber.core.contact.ContactId;

/**
 * Where a call's third party joining and leaving is recorded with the contact (the server writes
 * them into the contact's journal of events). {@code who} is an agent id, or {@code link} for a
 * hearing party who came by the one-time link: never a citizen's data.
 */
public interface CallPartyJournal {

  /** {@code who} for a hearing party who came by the one-time link. */
  String LINK = "link";

  void joined(ContactId contact, CallParty party, String who);

  void left(ContactId contact, CallParty party, String who);
}
