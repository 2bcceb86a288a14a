package org.onenumber.core.messaging;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The carrier keywords every SMS programme must honour. A message is a keyword when its whole
 * trimmed body, ignoring case, is one of the words (CTIA / Twilio defaults):
 *
 * <ol>
 *   <li>{@code STOP}: STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT — opt out.
 *   <li>{@code START}: START, YES, UNSTOP — opt back in.
 *   <li>{@code HELP}: HELP, INFO — say who we are and how to stop.
 * </ol>
 */
public enum Keyword {
  STOP(Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT")),
  START(Set.of("START", "YES", "UNSTOP")),
  HELP(Set.of("HELP", "INFO"));

  private final Set<String> words;

  Keyword(Set<String> words) {
    this.words = words;
  }

  public static Optional<Keyword> of(String body) {
    if (body == null) {
      return Optional.empty();
    }
    String word = body.trim().toUpperCase(Locale.ROOT);
    for (Keyword k : values()) {
      if (k.words.contains(word)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
