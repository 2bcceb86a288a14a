package org.onenumber.core.directory;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.onenumber.core.error.InvalidInputException;

/**
 * A language a citizen speaks and an agent answers in, as a lower-case ISO 639 code ({@code ko},
 * {@code en}, {@code zh}, ...). Sign language is a language too: Korean Sign Language is
 * {@code kvk} (ISO 639-3).
 */
public record Language(String code) {

  private static final Pattern CODE = Pattern.compile("[a-z]{2,3}");
  private static final Set<String> SIGN_LANGUAGES = Set.of("kvk", "ase", "bfi", "sgn");

  public static final Language KOREAN = new Language("ko");
  public static final Language ENGLISH = new Language("en");
  public static final Language CHINESE = new Language("zh");
  public static final Language JAPANESE = new Language("ja");
  public static final Language VIETNAMESE = new Language("vi");
  public static final Language MONGOLIAN = new Language("mn");
  public static final Language KOREAN_SIGN = new Language("kvk");

  public Language {
    InvalidInputException.requireText(code, "language");
    if (!CODE.matcher(code).matches()) {
      throw new InvalidInputException("language must be an ISO 639 code like 'ko' or 'kvk', got '" + code + "'");
    }
  }

  /** Parses a code, tolerating case and a region suffix ({@code en-US} becomes {@code en}). */
  public static Language of(String text) {
    InvalidInputException.requireText(text, "language");
    String primary = text.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    return new Language(primary);
  }

  public boolean isSignLanguage() {
    return SIGN_LANGUAGES.contains(code);
  }

  @Override
  public String toString() {
    return code;
  }
}
