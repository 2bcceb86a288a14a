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

  /**
   * {@code from} becomes {@code into}: every identity and the history (contacts, cases, surveys)
   * move to {@code into}; {@code from} is kept only so that {@link #find} of its id answers
   * {@code into}. Part of the caller's transaction.
   */
  void merge(CitizenId from, CitizenId into);
}
