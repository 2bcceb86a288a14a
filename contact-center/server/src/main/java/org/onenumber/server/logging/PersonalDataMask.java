package org.onenumber.server.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks phone numbers and e-mail addresses in free text: a run of at least eight digits with the
 * separators people write ({@code +82 10-1234-5678}, {@code (02) 120 1234}) keeps its last two
 * digits, an address keeps its domain. Runs inside identifiers (a UUID's digits, a class name) are
 * left alone. Thread-safe.
 */
public final class PersonalDataMask {

  private static final Pattern PHONE = Pattern.compile("(?<![\\w-])[+(]?\\d(?:[\\s().-]*\\d){7,}(?![\\w-])");
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@([\\w-]+(?:\\.[\\w-]+)+)");

  private PersonalDataMask() {}

  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String masked = EMAIL.matcher(text).replaceAll("***@$1");
    Matcher phone = PHONE.matcher(masked);
    StringBuilder out = new StringBuilder(masked.length());
    while (phone.find()) {
      String digits = phone.group().replaceAll("\\D", "");
      phone.appendReplacement(out, "***" + digits.substring(digits.length() - 2));
    }
    phone.appendTail(out);
    return out.toString();
  }
}
