package org.onenumber.core.citizen;

import java.util.LinkedHashSet;
import java.util.Set;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.InvalidInputException;

/**
 * One person across channels. Immutable; the {@code with*} methods return changed copies.
 *
 * @param name how the citizen introduced themselves; may be null
 */
public record Citizen(
    CitizenId id, String name, Set<CitizenIdentity> identities, Language preferredLanguage, Consent consent) {

  public Citizen {
    InvalidInputException.require(id, "id");
    identities = Set.copyOf(InvalidInputException.require(identities, "identities"));
    InvalidInputException.require(preferredLanguage, "preferredLanguage");
    InvalidInputException.require(consent, "consent");
  }

  public boolean hasIdentity(CitizenIdentity identity) {
    return identities.contains(identity);
  }

  public Citizen withIdentity(CitizenIdentity identity) {
    Set<CitizenIdentity> next = new LinkedHashSet<>(identities);
    next.add(identity);
    return new Citizen(id, name, next, preferredLanguage, consent);
  }

  public Citizen withConsent(Consent next) {
    return new Citizen(id, name, identities, preferredLanguage, next);
  }

  public Citizen withPreferredLanguage(Language language) {
    return new Citizen(id, name, identities, language, consent);
  }
}
