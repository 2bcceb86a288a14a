package org.onenumber.server.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks phone numbers, e-mail addresses and URL query values in free text: a run of at least eight
 * digits with the separators people write ({@code +82 10-1234-5678}, {@code (02) 120 1234}, and the
 * URL-encoded {@code %2B8210…}) keeps its last two digits, an address (also with {@code %40}) keeps
 * its domain, and a query value ({@code ?message=I+am+Kim+Minji}) becomes {@code ***} unless it is a
 * short number ({@code limit=3}) or its parameter is one of {@link #PLAIN_PARAMETERS}
 * ({@code lang=en}): the server's own pages put what citizens type into query strings, and names
 * cannot be told apart from other words (MaskedLogsBrowserIT found both). Runs inside identifiers (a UUID's digits, a class
 * name) are left alone. Thread-safe.
 */
public final class PersonalDataMask {

  private static final Pattern QUERY_VALUE = Pattern.compile("([?&][\\w.\\[\\]-]+=)([^&\\s#\"']+)");
  private static final Pattern SHORT_NUMBER = Pattern.compile("\\d{1,7}");
  /** Query parameters whose values are never personal (a language, a view, a department, paging): written as they are. */
  private static final java.util.Set<String> PLAIN_PARAMETERS = java.util.Set.of("lang", "language", "languages",
      "view", "department", "queue", "channel", "status", "limit", "offset", "page", "size", "sort", "from", "to");
  private static final Pattern PHONE =
      Pattern.compile("(?:(?i:%2B)|(?<![\\w-])[+(]?)\\d(?:(?:[\\s().-]|(?i:%20))*\\d){7,}(?![\\w-])");
  private static final Pattern EMAIL = Pattern.compile("[\\w.+%-]+(?:@|(?i:%40))([\\w-]+(?:\\.[\\w-]+)+)");

  private PersonalDataMask() {}

  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String masked = queryValuesMasked(text);
    masked = EMAIL.matcher(masked).replaceAll("***@$1");
    Matcher phone = PHONE.matcher(masked);
    StringBuilder out = new StringBuilder(masked.length());
    while (phone.find()) {
      String digits = phone.group().replaceAll("(?i)%2B|%20", "").replaceAll("\\D", "");
      phone.appendReplacement(out, "***" + digits.substring(digits.length() - 2));
    }
    phone.appendTail(out);
    return out.toString();
  }

  private static String queryValuesMasked(String text) {
    if (text.indexOf('=') < 0) {
      return text;
    }
    Matcher query = QUERY_VALUE.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (query.find()) {
      String name = query.group(1).substring(1, query.group(1).length() - 1);
      String value = query.group(2);
      boolean plain = SHORT_NUMBER.matcher(value).matches()
          || PLAIN_PARAMETERS.contains(name) && !PHONE.matcher(value).find() && !EMAIL.matcher(value).find();
      query.appendReplacement(out, Matcher.quoteReplacement(query.group(1) + (plain ? value : "***")));
    }
    query.appendTail(out);
    return out.toString();
  }
}
