package org.onenumber.telephony.asterisk;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import java.util.regex.Pattern;
import org.onenumber.core.citizen.CitizenIdentity;

/**
 * Reads Asterisk's {@code agi_callerid} as a phone number in E.164 with libphonenumber; numbers
 * without a country code are read in the configured region (Korea by default). Withheld or
 * unparseable caller ids ({@code unknown}, {@code anonymous}, empty) give nothing.
 */
public final class CallerNumbers {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final Pattern DIALLABLE = Pattern.compile("[+0-9() .-]{3,32}");

  private final String region;

  public CallerNumbers(String region) {
    this.region = region;
  }

  public Optional<CitizenIdentity.Phone> parse(String callerId) {
    if (callerId == null || callerId.isBlank() || !DIALLABLE.matcher(callerId).matches()) {
      return Optional.empty();
    }
    try {
      PhoneNumber number = UTIL.parse(callerId, region);
      if (!UTIL.isPossibleNumber(number)) {
        return Optional.empty();
      }
      return Optional.of(new CitizenIdentity.Phone(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)));
    } catch (NumberParseException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
