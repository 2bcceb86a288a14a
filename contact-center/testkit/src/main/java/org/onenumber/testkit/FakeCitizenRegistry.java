package org.onenumber.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.port.out.CitizenRegistry;

/** In-memory citizens. Refuses an identity already owned by another citizen, as the database does. */
public final class FakeCitizenRegistry implements CitizenRegistry {

  private final Map<CitizenId, Citizen> citizens = new LinkedHashMap<>();

  @Override
  public synchronized Optional<Citizen> find(CitizenId id) {
    return Optional.ofNullable(citizens.get(id));
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

  public synchronized int size() {
    return citizens.size();
  }
}
