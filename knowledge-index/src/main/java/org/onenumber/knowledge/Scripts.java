package org.onenumber.knowledge;

import java.util.List;
import org.onenumber.knowledge.analysis.LanguageAnalyzers;

/**
 * Guesses which languages a query may be in from its script, when the caller gave no language.
 *
 * <ol>
 *   <li>Any Hangul: Korean.
 *   <li>Any Hiragana or Katakana: Japanese.
 *   <li>Any Han ideograph (no kana): Chinese and Japanese.
 *   <li>Any Cyrillic: Mongolian and the fallback chain.
 *   <li>Otherwise (Latin, digits and the rest): every language. Answers in any script use Latin
 *       letters too (COVID-19, KF94, QR code, names), so a Korean answer must be findable by them;
 *       {@link QueryLanguages} then keeps the languages whose answers know the words.
 * </ol>
 *
 * Stateless.
 */
final class Scripts {

  static final List<String> ANY =
      List.of("en", "de", "sv", "pl", "vi", "ko", "zh", "ja", "mn", LanguageAnalyzers.FALLBACK);

  private Scripts() {}

  static List<String> candidates(String text) {
    boolean han = false;
    boolean cyrillic = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      switch (script) {
        case HANGUL -> {
          return List.of("ko");
        }
        case HIRAGANA, KATAKANA -> {
          return List.of("ja");
        }
        case HAN -> han = true;
        case CYRILLIC -> cyrillic = true;
        default -> { }
      }
      i += Character.charCount(cp);
    }
    if (han) {
      return List.of("zh", "ja");
    }
    if (cyrillic) {
      return List.of("mn", LanguageAnalyzers.FALLBACK);
    }
    return ANY;
  }
}
