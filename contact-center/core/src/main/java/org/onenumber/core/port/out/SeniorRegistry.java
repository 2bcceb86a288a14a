package org.onenumber.core.port.out;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.welfare.Senior;
import org.onenumber.core.welfare.SeniorId;

/** The welfare program's registry of enrolled seniors. Thread-safe. */
public interface SeniorRegistry {

  Optional<Senior> find(SeniorId id);

  /** The senior one of whose phones is {@code phone}, if any. */
  Optional<Senior> findByPhone(CitizenIdentity.Phone phone);

  /** Seniors enrolled on at least one day of [from, to]. */
  List<Senior> enrolledBetween(LocalDate from, LocalDate to);

  /** Stores all or none (one transaction); replaces seniors with the same id. */
  void saveAll(List<Senior> seniors);
}
