package org.onenumber.telephony.asterisk;

import org.asteriskjava.fastagi.AgiException;
import org.onenumber.core.directory.Language;

/**
 * The two menus (cases 3 and 4). Each is offered up to {@code menuAttempts} times; a time-out, a
 * key that is no choice (DTMF garbage) or the attempts running out give the sane default: Korean,
 * and an operator.
 */
final class IvrMenu {

  /** What the caller wants. */
  enum Choice {
    OPERATOR,
    CALLBACK,
    SIGN_LANGUAGE
  }

  private final AgiLine line;
  private final IvrSettings settings;

  IvrMenu(AgiLine line, IvrSettings settings) {
    this.line = line;
    this.settings = settings;
  }

  /** Case 3: 1 Korean, 2 English, 3 Chinese, 4 Japanese, 5 Vietnamese, 6 Mongolian; else Korean. */
  Language language() throws AgiException {
    for (int attempt = 0; attempt < settings.menuAttempts(); attempt++) {
      String key = line.ask(Prompt.LANGUAGE_MENU, Language.KOREAN, settings.digitTimeout().toMillis());
      int index = key.length() == 1 ? key.charAt(0) - '1' : -1;
      if (index >= 0 && index < Prompt.LANGUAGES.size()) {
        return Prompt.LANGUAGES.get(index);
      }
      if (!key.isEmpty()) {
        line.play(Prompt.INVALID, Language.KOREAN);
      }
    }
    return Language.KOREAN;
  }

  /** Case 4: 1 (or nothing) an operator, 2 a callback, 3 sign language; else an operator. */
  Choice mainMenu(Language language) throws AgiException {
    for (int attempt = 0; attempt < settings.menuAttempts(); attempt++) {
      String key = line.ask(Prompt.MAIN_MENU, language, settings.digitTimeout().toMillis());
      switch (key) {
        case "1", "0" -> {
          return Choice.OPERATOR;
        }
        case "2" -> {
          return Choice.CALLBACK;
        }
        case "3" -> {
          return Choice.SIGN_LANGUAGE;
        }
        case "" -> { }
        default -> line.play(Prompt.INVALID, language);
      }
    }
    return Choice.OPERATOR;
  }
}
