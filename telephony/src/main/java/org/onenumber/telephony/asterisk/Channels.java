package org.onenumber.telephony.asterisk;

import java.util.regex.Pattern;

/** Channel-name helpers: a channel {@code PJSIP/agent-001-00000001} is device {@code PJSIP/agent-001} plus a counter. */
final class Channels {

  private static final Pattern SUFFIX = Pattern.compile("-[0-9a-fA-F]{8}(;\\d+)?$");

  private Channels() {}

  /** The device (endpoint) a channel belongs to. */
  static String device(String channel) {
    return channel == null ? null : SUFFIX.matcher(channel).replaceFirst("");
  }

  /** A dial string for {@code target}: used as is when it names a technology, else through {@code pattern}. */
  static String dialString(String target, String pattern) {
    return target.contains("/") ? target : String.format(pattern, target.replaceAll("[^0-9+*#]", ""));
  }
}
