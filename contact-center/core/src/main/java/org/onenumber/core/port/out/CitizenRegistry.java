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
   * Stores a citizen not stored before (a new id) whose identities the caller found unused in its
   * transaction: what {@link #save} does for them, in fewer statements where a store can (no update
   * or lookups first). An identity taken meanwhile fails it, storing nothing.
   */
  default void create(Citizen citizen) {
    save(citizen);
  }

  /**
   * {@code from} becomes {@code into}: every identity and the history (contacts, cases, surveys)
   * move to {@code into}; {@code from} is kept only so that {@link #find} of its id answers
   * {@code into}. Part of the caller's transaction.
   */
  void merge(CitizenId from, CitizenId into);
}
