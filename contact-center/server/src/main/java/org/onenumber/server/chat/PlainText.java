package org.onenumber.server.chat;

import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.messaging.Message;

/**
 * Citizen text as plain text: control characters other than line breaks and tabs are removed,
 * the length is bounded. Markup is kept as typed (a citizen may write "a < b"); it is inert
 * because every page renders message text with {@code textContent}, never as HTML.
 */
final class PlainText {

  private PlainText() {}

  static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c)).forEach(out::appendCodePoint);
    String cleaned = out.toString().strip();
    InvalidInputException.requireText(cleaned, "body");
    if (cleaned.length() > Message.MAX_BODY) {
      throw new InvalidInputException("message is longer than " + Message.MAX_BODY + " characters");
    }
    return cleaned;
  }
}
