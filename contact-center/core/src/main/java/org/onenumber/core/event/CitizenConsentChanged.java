package org.onenumber.core.event;

import java.time.Instant;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.citizen.Consent;

/** A citizen's consent changed (for example an SMS STOP). */
public record CitizenConsentChanged(CitizenId citizen, Consent consent, Instant at) implements DomainEvent {
  @Override
  public String type() {
    return "citizen.consent-changed";
  }
}
