package org.onenumber.core.port.out;

import java.util.Optional;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.citizen.CitizenIdentity;

/** Where citizens are kept and found by any identity they used. */
public interface CitizenRegistry {

  Optional<Citizen> find(CitizenId id);

  Optional<Citizen> findByIdentity(CitizenIdentity identity);

  /** Inserts or replaces the citizen and their identities. */
  void save(Citizen citizen);
}
