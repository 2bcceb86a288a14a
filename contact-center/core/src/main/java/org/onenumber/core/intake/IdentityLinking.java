package org.onenumber.core.intake;

import java.util.Locale;
import java.util.Set;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.port.out.CitizenRegistry;
import org.onenumber.core.port.out.Transactions;

/**
 * Links an identity an operator has verified (a second phone number, an e-mail address) to the
 * citizen they are talking to. An identity nobody has yet is added; one that belongs to another
 * citizen merges that citizen into this one, so the console shows one person's history across
 * channels. Unverified identities never link (see {@link ContactIntake}); this is the deliberate
 * way to join two histories, and the caller writes who linked what, and how verified, to the audit
 * log.
 */
public final class IdentityLinking {

  /** How the operator made sure the identity is the same person's; stored with the link. */
  public static final Set<String> VERIFICATIONS = Set.of("known-facts", "called-back", "code-sent", "in-person");

  /**
   * The citizen after the link and the one merged into it (null when the identity was new);
   * {@code changed} is false when the identity was already the citizen's.
   */
  public record Linked(Citizen citizen, CitizenId merged, boolean changed) {}

  private final CitizenRegistry citizens;
  private final Transactions transactions;

  public IdentityLinking(CitizenRegistry citizens, Transactions transactions) {
    this.citizens = citizens;
    this.transactions = transactions;
  }

  /** The verification normalised ({@code known-facts}), or 400 when it is not one of {@link #VERIFICATIONS}. */
  public static String verification(String text) {
    String how = InvalidInputException.requireText(text, "verification").strip().toLowerCase(Locale.ROOT);
    if (!VERIFICATIONS.contains(how)) {
      throw new InvalidInputException("verification must be one of " + VERIFICATIONS.stream().sorted().toList());
    }
    return how;
  }

  /**
   * Links {@code identity} to {@code citizen}, verified in the way {@code verification}.
   *
   * @throws InvalidInputException for an unknown verification
   * @throws NotFoundException when the citizen does not exist
   */
  public Linked link(CitizenId citizen, CitizenIdentity identity, String verification) {
    verification(verification);
    InvalidInputException.require(identity, "identity");
    return transactions.inTransaction(() -> {
      Citizen kept = citizens.find(citizen).orElseThrow(() -> new NotFoundException("citizen", citizen.value()));
      var owner = citizens.findByIdentity(identity);
      if (owner.isEmpty()) {
        Citizen next = kept.withIdentity(identity);
        citizens.save(next);
        return new Linked(next, null, true);
      }
      if (owner.get().id().equals(kept.id())) {
        return new Linked(kept, null, false);
      }
      citizens.merge(owner.get().id(), kept.id());
      return new Linked(citizens.find(kept.id()).orElseThrow(), owner.get().id(), true);
    });
  }
}
