package org.onenumber.telephony.asterisk;

/**
 * Words for the Q.850 causes and Originate reasons seen on Asterisk 22 (captures 01–04): logged
 * with every failed leg so an administrator can tell busy from unreachable.
 */
final class HangupCauses {

  private HangupCauses() {}

  static String cause(Integer cause) {
    if (cause == null) {
      return "no cause";
    }
    return switch (cause) {
      case 0 -> "0 unknown";
      case 1 -> "1 unallocated number";
      case 3 -> "3 no route to destination";
      case 16 -> "16 normal clearing";
      case 17 -> "17 user busy";
      case 18 -> "18 no user responding";
      case 19 -> "19 no answer";
      case 21 -> "21 call rejected";
      case 34 -> "34 no circuit available";
      default -> cause + "";
    };
  }

  /**
   * An {@code OriginateResponse} Reason: 4 answered, 3 ring timeout (no answer), 5 busy, 8
   * congestion, 1 hung up; 0 is what Asterisk 22 gives both for a busy (486) and for an endpoint
   * without a contact (04c, 04d).
   */
  static String originateReason(Integer reason) {
    if (reason == null) {
      return "no reason";
    }
    return switch (reason) {
      case 0 -> "0 failed (busy or unreachable)";
      case 1 -> "1 hung up";
      case 3 -> "3 no answer";
      case 4 -> "4 answered";
      case 5 -> "5 busy";
      case 8 -> "8 congestion";
      default -> reason + "";
    };
  }
}
