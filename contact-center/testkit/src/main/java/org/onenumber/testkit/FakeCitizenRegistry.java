package org.onenumber.testkit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.port.out.CitizenRegistry;

/** In-memory citizens. Refuses an identity already owned by another citizen, as the database does. */
public final class FakeCitizenRegistry implements CitizenRegistry {

  private final Map<CitizenId, Citizen> citizens = new LinkedHashMap<>();
  private final Map<CitizenId, CitizenId> redirects = new HashMap<>();

  @Override
  public synchronized Optional<Citizen> find(CitizenId id) {
    return Optional.ofNullable(citizens.get(redirects.getOrDefault(id, id)));
  }

  @Override
  public synchronized Optional<Citizen> findByIdentity(CitizenIdentity identity) {
    return citizens.values().stream().filter(c -> c.hasIdentity(identity)).findFirst();
  }

  @Override
  public synchronized void save(Citizen citizen) {
    for (CitizenIdentity identity : citizen.identities()) {
      findByIdentity(identity).filter(other -> !other.id().equals(citizen.id())).ifPresent(other -> {
        throw new InvalidInputException("identity " + identity.masked() + " belongs to another citizen");
      });
    }
    citizens.put(citizen.id(), citizen);
  }

  /** Moves {@code from}'s identities to {@code into} and keeps {@code from} as a redirect. */
  @Override
  public synchronized void merge(CitizenId from, CitizenId into) {
    Citizen merged = citizens.get(from);
    Citizen kept = citizens.get(into);
    for (CitizenIdentity identity : merged.identities()) {
      kept = kept.withIdentity(identity);
    }
    citizens.put(from, new Citizen(from, merged.name(), Set.of(), merged.preferredLanguage(), merged.consent()));
    citizens.put(into, kept);
    redirects.replaceAll((id, target) -> target.equals(from) ? into : target);
    redirects.put(from, into);
  }

  public synchronized int size() {
    return citizens.size();
  }
}
