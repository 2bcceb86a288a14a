package org.onenumber.server.telephony;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.onenumber.testkit.FakeCallControl;

/** Registers testkit's {@link FakeCallControl} as the only carrier, for the call-control tests only. */
@Factory
@Requires(property = "spec.name", pattern = "(CallControls|CallCard).*")
final class FakeCarrierFactory {

  @Singleton
  FakeCallControl fakeCarrier() {
    return new FakeCallControl();
  }
}
