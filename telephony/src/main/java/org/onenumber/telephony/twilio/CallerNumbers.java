package org.onenumber.telephony.twilio;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.onenumber.core.citizen.CitizenIdentity;

/**
 * The caller's identity from Twilio's {@code From} with libphonenumber. The cases:
 *
 * <ol>
 *   <li>A possible number (E.164 as Twilio sends it, or national digits read as Korean): that
 *       number in E.164, so the same citizen is found whichever carrier or channel they used.
 *   <li>Withheld or unparseable ({@code anonymous}, {@code +266696687}, empty): an identity made of
 *       the call's sid, so the contact exists but is attached to no known citizen.
 * </ol>
 */
public final class CallerNumbers {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private CallerNumbers() {}

  public static CitizenIdentity identity(String from, String callSid) {
    if (from != null && !from.isBlank() && !"+266696687".equals(from)) {
      try {
        PhoneNumber number = UTIL.parse(from, "KR");
        if (UTIL.isPossibleNumber(number)) {
          return new CitizenIdentity.Phone(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        }
      } catch (NumberParseException e) {
        // falls through to the anonymous identity
      }
    }
    return new CitizenIdentity.ChatHandle("withheld-caller:" + callSid);
  }
}
