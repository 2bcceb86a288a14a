package org.onenumber.core.routing;

import java.time.Instant;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.event.ConferenceRequested;

/** Policy case 9's conference hook: only calls can add an interpreter. */
final class Transfers {

  private Transfers() {}

  static void conference(Entry entry, String thirdParty, Instant now, Outbox out) {
    Channel channel = entry.contact.channel();
    if (entry.place != Place.CONNECTED || !(entry.kind == Kind.EXCLUSIVE)) {
      throw new InvalidInputException("only a connected call can be conferenced, contact " + entry.contact.id()
          + " is a " + channel + " in " + entry.place);
    }
    out.add(new ConferenceRequested(entry.contact.id(), entry.seat.agent.id(), thirdParty, now));
  }
}
