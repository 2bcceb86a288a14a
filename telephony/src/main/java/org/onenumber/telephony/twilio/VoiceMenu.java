package org.onenumber.telephony.twilio;

import java.util.List;
import org.onenumber.core.directory.Language;

/**
 * The IVR menu, the same digits as the Asterisk IVR. The cases of the first (language) menu:
 *
 * <ol>
 *   <li>1 Korean, 2 English, 3 Chinese, 4 Japanese, 5 Vietnamese, 6 Mongolian: that language.
 *   <li>7: the caller wants a sign-language video call; the link is texted to the number and the call ends.
 *   <li>Anything else, or nothing before the timeout: asked again, up to {@link #MAX_TRIES} times in
 *       all, then Korean (the sane default: an operator in Korean).
 * </ol>
 *
 * In the second menu, in the chosen language, 1 asks for a callback (the place in line is kept and the
 * call ends); anything else or nothing means "stay on the line for an operator", after the
 * self-service topic menu where the language has topics ({@link TwilioSelfService}).
 */
public final class VoiceMenu {

  /** The languages in digit order: digit {@code n} chooses {@code LANGUAGES.get(n - 1)}. */
  public static final List<Language> LANGUAGES = List.of(Language.KOREAN, Language.ENGLISH, Language.CHINESE,
      Language.JAPANESE, Language.VIETNAMESE, Language.MONGOLIAN);
  public static final String SIGN_LANGUAGE_DIGIT = "7";
  public static final String CALLBACK_DIGIT = "1";
  public static final int MAX_TRIES = 3;

  /** What the caller chose in the language menu. */
  public sealed interface Choice {
    record Chosen(Language language) implements Choice {}

    record SignLanguage() implements Choice {}

    /** Nothing valid; {@code tries} so far including this one. */
    record Invalid(int tries) implements Choice {}
  }

  private VoiceMenu() {}

  /** Reads the language menu's digits; {@code tries} counts earlier invalid answers. */
  public static Choice language(String digits, int tries) {
    if (SIGN_LANGUAGE_DIGIT.equals(digits)) {
      return new Choice.SignLanguage();
    }
    if (digits != null && digits.length() == 1 && digits.charAt(0) >= '1' && digits.charAt(0) <= '6') {
      return new Choice.Chosen(LANGUAGES.get(digits.charAt(0) - '1'));
    }
    if (tries + 1 >= MAX_TRIES) {
      return new Choice.Chosen(Language.KOREAN);
    }
    return new Choice.Invalid(tries + 1);
  }

  /** True when the second menu's digits ask for a callback. */
  public static boolean wantsCallback(String digits) {
    return CALLBACK_DIGIT.equals(digits);
  }

  /** The menu language for a query value; Korean for anything not in the menu. */
  public static Language languageOf(String code) {
    return LANGUAGES.stream().filter(l -> l.code().equals(code)).findFirst().orElse(Language.KOREAN);
  }
}
