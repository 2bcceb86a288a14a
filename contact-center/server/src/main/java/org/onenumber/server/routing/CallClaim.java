package org.onenumber.server.routing;

import java.util.Objects;
import org.onenumber.core.contact.ContactId;

/**
 * The claim under which a call's home hands routing a step of the call (a hang-up, a return to the line): the
 * step is journaled only if {@code claim} is still {@code contact}'s row in {@code call_home} in the very
 * transaction that writes it ({@link RoutingRecord#underClaim}), so a home that froze after its own check
 * ({@code CallFence}) and woke after another node took the call over writes nothing. Opaque to routing: it
 * travels with the command, to the partition's owner over the bus too ({@link CommandRelay}). A call with no
 * claim (one node alone, or a claim that could not be written) hands its steps with none: unfenced.
 */
public record CallClaim(ContactId contact, String claim) {

  public CallClaim {
    Objects.requireNonNull(contact, "contact");
    if (claim == null || claim.isBlank() || claim.length() > 64) {
      throw new IllegalArgumentException("a call's claim is 1 to 64 characters");
    }
  }

  /** The claim a home holds for {@code contact}, or null when it holds none (blank or null: the call is not fenced). */
  public static CallClaim of(ContactId contact, String claim) {
    return claim == null || claim.isBlank() ? null : new CallClaim(contact, claim);
  }

  /** Another node claimed the call since its home handed the step: nothing was written (410 over the bus). */
  public static final class LostException extends org.onenumber.core.error.PermanentException {
    public LostException(String message) {
      super("claim_lost", message);
    }
  }
}
