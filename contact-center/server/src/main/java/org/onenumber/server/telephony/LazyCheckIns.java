package org.onenumber.server.telephony;

import jakarta.inject.Provider;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.port.in.RecordCheckIn;
import org.onenumber.core.welfare.CallOutcome;

/**
 * The welfare program as the FastAGI check-in script sees it, looked up at the first outcome: the
 * program needs the carriers (to dial), the carriers' FastAGI server needs the program, and a
 * lookup on use breaks that circle. Thread-safe.
 */
final class LazyCheckIns implements RecordCheckIn {

  private final Provider<RecordCheckIn> program;

  LazyCheckIns(Provider<RecordCheckIn> program) {
    this.program = program;
  }

  @Override
  public boolean record(ContactId contact, CallOutcome outcome) {
    return program.get().record(contact, outcome);
  }

  @Override
  public boolean reply(CitizenIdentity.Phone from, String body) {
    return program.get().reply(from, body);
  }
}
