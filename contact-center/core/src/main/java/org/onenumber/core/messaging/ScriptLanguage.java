package org.onenumber.core.messaging;

import java.util.Optional;
import org.onenumber.core.directory.Language;

/**
 * Guesses the language of a first text message from its script, for citizens the city does not
 * know yet. The cases, in order of the first letter that decides:
 *
 * <ol>
 *   <li>Hangul → Korean.
 *   <li>Hiragana or Katakana → Japanese (kanji alone is ambiguous, so kana wins over Han).
 *   <li>Han ideographs with no kana anywhere → Chinese.
 *   <li>Cyrillic → Mongolian (the Cyrillic-script language the city serves).
 *   <li>Latin letters with Vietnamese tone marks (ơ, ư, đ, ạ, ả, ...) → Vietnamese.
 *   <li>Other Latin letters → English.
 *   <li>No letter at all → empty: the caller keeps its default.
 * </ol>
 */
public final class ScriptLanguage {

  private static final String VIETNAMESE_MARKS = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ";

  private ScriptLanguage() {}

  public static Optional<Language> guess(String text) {
    if (text == null) {
      return Optional.empty();
    }
    boolean han = false;
    boolean latin = false;
    boolean vietnamese = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      Character.UnicodeScript script = Character.UnicodeScript.of(c);
      switch (script) {
        case HANGUL -> { return Optional.of(Language.KOREAN); }
        case HIRAGANA, KATAKANA -> { return Optional.of(Language.JAPANESE); }
        case HAN -> han = true;
        case CYRILLIC -> { return Optional.of(Language.MONGOLIAN); }
        case LATIN -> {
          latin = true;
          vietnamese |= VIETNAMESE_MARKS.indexOf(Character.toLowerCase(c)) >= 0;
        }
        default -> { }
      }
    }
    if (han) {
      return Optional.of(Language.CHINESE);
    }
    if (latin) {
      return Optional.of(vietnamese ? Language.VIETNAMESE : Language.ENGLISH);
    }
    return Optional.empty();
  }
}
