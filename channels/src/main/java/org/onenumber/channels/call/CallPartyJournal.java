package org.onenumber.channels.call;

import java.time.Instant;
import java.util.Optional;
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

  /**
   * Who joined {@code contact}'s call as {@code party} at or after {@code since} and has not left since (the last
   * of its joinings and leavings is a joining), if anyone: a node that rebuilds the call reads it, so that this
   * guest, whose socket was on the node that gave the call up, may join again.
   */
  Optional<String> stillIn(ContactId contact, CallParty party, Instant since);
}
