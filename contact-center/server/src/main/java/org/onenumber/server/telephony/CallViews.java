package org.onenumber.server.telephony;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;

/** The JSON shapes of the call-control API. */
final class CallViews {

  private CallViews() {}

  /** What a call control did: the contact's state after it, and what the carrier was asked. */
  @Serdeable
  record CallState(String contactId, String state, String action) {}

  /**
   * The call card: who is calling (the number masked to its last 4 digits unless the viewer is a
   * supervisor or admin), what they chose in the IVR (the topic and the intake steps' reasons),
   * language, and the instants the card's timer counts from.
   */
  @Serdeable
  record CallCard(String contactId, String channel, String state, String agent, String queue, String callerNumber,
      String language, String topic, List<String> ivr, Instant connectedAt, Instant heldSince, boolean carried) {

    /** The reason intake gives every first QUEUED step: not a choice of the caller's. */
    static final String INTAKE = "intake";

    static CallCard of(Contact c, Citizen citizen, boolean fullNumber, boolean carried) {
      String number = citizen == null ? null : citizen.identities().stream()
          .filter(CitizenIdentity.Phone.class::isInstance).map(CitizenIdentity::value).sorted().findFirst()
          .map(n -> fullNumber ? n : masked(n)).orElse(null);
      List<String> ivr = c.steps().stream().takeWhile(s -> s.state() != ContactState.OFFERED)
          .map(ContactStep::reason).filter(r -> r != null && !r.isBlank() && !INTAKE.equals(r)).toList();
      Instant heldSince = c.state() == ContactState.HELD ? c.lastAt(ContactState.HELD).orElse(null) : null;
      return new CallCard(c.id().value(), c.channel().name(), c.state().name(),
          c.agent() == null ? null : c.agent().value(), c.queue() == null ? null : c.queue().value(), number,
          c.language().code(), c.topic(), ivr, c.firstAt(ContactState.CONNECTED).orElse(null), heldSince, carried);
    }

    /** Every character but the last 4 digits masked: {@code +821012345678} → {@code *********5678}. */
    static String masked(String number) {
      int keep = Math.min(4, number.length());
      return "*".repeat(number.length() - keep) + number.substring(number.length() - keep);
    }
  }
}
