package org.onenumber.testkit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.port.out.SeniorRegistry;
import org.onenumber.core.welfare.Senior;
import org.onenumber.core.welfare.SeniorId;

/** In-memory seniors, in id order. Thread-safe. */
public final class FakeSeniorRegistry implements SeniorRegistry {

  private final Map<String, Senior> seniors = new TreeMap<>();
  private final Map<String, Senior> byPhone = new java.util.HashMap<>();

  @Override
  public synchronized Optional<Senior> find(SeniorId id) {
    return Optional.ofNullable(seniors.get(id.value()));
  }

  @Override
  public synchronized Optional<Senior> findByPhone(CitizenIdentity.Phone phone) {
    return Optional.ofNullable(byPhone.get(phone.value()));
  }

  @Override
  public synchronized List<Senior> enrolledBetween(LocalDate from, LocalDate to) {
    return seniors.values().stream()
        .filter(s -> !s.enrolledOn().isAfter(to) && (s.endsOn() == null || !s.endsOn().isBefore(from))).toList();
  }

  @Override
  public synchronized void saveAll(List<Senior> all) {
    for (Senior s : all) {
      Senior old = seniors.put(s.id().value(), s);
      if (old != null) {
        old.phones().forEach(p -> byPhone.remove(p.value()));
      }
      s.phones().forEach(p -> byPhone.put(p.value(), s));
    }
  }
}
