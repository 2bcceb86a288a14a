package org.onenumber.server.api;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.error.InvalidInputException;

/**
 * Normalises phone numbers to E.164 with libphonenumber. Numbers without a country code are read
 * as Korean ({@code 010-1234-5678} becomes {@code +821012345678}).
 */
public final class PhoneNumbers {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final String DEFAULT_REGION = "KR";

  private PhoneNumbers() {}

  public static CitizenIdentity.Phone parse(String raw) {
    try {
      PhoneNumber number = UTIL.parse(raw, DEFAULT_REGION);
      if (!UTIL.isPossibleNumber(number)) {
        throw new InvalidInputException("phone is not a possible phone number");
      }
      return new CitizenIdentity.Phone(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
    } catch (NumberParseException e) {
      throw new InvalidInputException("phone is not a phone number: " + e.getErrorType());
    }
  }
}
