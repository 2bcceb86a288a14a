package org.onenumber.core.port.out;

import org.onenumber.core.contact.ContactId;

/**
 * A supervisor on a live phone call, on the carrier that carries it: their own phone rings and,
 * once answered, is joined to the operator's leg of the call — {@link Mode#LISTEN} hears both
 * sides unheard, {@link Mode#WHISPER} speaks to the operator only, {@link Mode#BARGE} speaks to both.
 * Every method returns at once; a request for a call the carrier does not carry is refused.
 */
public interface CallMonitoring {

  /** What the supervisor's phone may do on the call. */
  enum Mode { LISTEN, WHISPER, BARGE }

  /**
   * Rings {@code supervisorDevice} (a dial string the server configured, never one a user typed)
   * and joins it to the operator's leg of {@code contact}'s call in {@code mode}; a supervisor
   * already on the call is moved to the new mode.
   *
   * @return false when this carrier does not carry the call with an operator on it
   */
  boolean monitor(ContactId contact, String supervisorDevice, Mode mode);

  /** Takes {@code supervisorDevice} off {@code contact}'s call. */
  void stop(ContactId contact, String supervisorDevice);
}
