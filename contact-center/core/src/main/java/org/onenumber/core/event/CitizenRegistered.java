package org.onenumber.core.event;

import java.time.Instant;
import org.onenumber.core.citizen.CitizenId;

/** A person the city did not know reached it for the first time. */
public record CitizenRegistered(CitizenId citizen, String identityKind, Instant at) implements DomainEvent {
  @Override
  public String type() {
    return "citizen.registered";
  }
}
