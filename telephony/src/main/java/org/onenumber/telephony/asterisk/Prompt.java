package org.onenumber.telephony.asterisk;

import java.util.List;
import java.util.Locale;
import org.onenumber.core.directory.Language;

/**
 * The IVR's recorded prompts, named by key and language: Asterisk plays {@code
 * onenumber/<language>/<key>} from its sounds directory (see {@code telephony/asterisk/sounds/README.md},
 * which lists them and how to generate them). Numbers are spoken by Asterisk's own {@code SAY
 * NUMBER} in the channel's language.
 */
public enum Prompt {
  /** "Welcome to the city's one number." */
  WELCOME,
  /** In every language: "For Korean press 1, for English press 2, ... Mongolian 6." */
  LANGUAGE_MENU,
  /** "To speak to an operator press 1, to be called back press 2, for a sign-language video call press 3." */
  MAIN_MENU,
  /** "Sorry, that is not a choice." */
  INVALID,
  /** "You are number" (then the position). */
  POSITION,
  /** "in line. Your estimated wait is about" (then the minutes). */
  ESTIMATED_WAIT,
  /** "minutes." */
  MINUTES,
  /** "We will call you back; you keep your place in line. Goodbye." */
  CALLBACK_CONFIRMED,
  /** "We have sent you a text message with the link to a video call with a sign-language interpreter." */
  SIGN_LANGUAGE_SENT,
  /** "We could not send the text message; please hold for an operator." */
  SIGN_LANGUAGE_UNAVAILABLE,
  /**
   * The topic menu, recorded per language for the city's configured topics: "For answers to common
   * questions: water bills press 1, bulky waste press 2, recycling press 3. For an operator press 0."
   */
  TOPIC_MENU,
  /** After an answer: "To talk to an operator press 0, to hear it again press 9, to get it by text message press 8, or hang up." */
  AFTER_ANSWER,
  /** "We have sent the answer to your phone by text message." */
  ANSWER_TEXTED,
  /** "We could not send a text message to this number." */
  ANSWER_NOT_TEXTED,
  /** "Please hold while we transfer your call." */
  TRANSFER,
  /** "Thank you for calling. Goodbye." */
  GOODBYE,
  /** "All our lines are busy. Please call again in a few minutes. Goodbye." (the call could not be taken now) */
  LINES_BUSY,
  /** The welfare check-in: "This is the city calling to see how you are. If you are well, press 1. To talk to someone, press 2." */
  CHECK_IN,
  /** The same, recorded slowly, for seniors whose care notes ask for it. */
  CHECK_IN_SLOW,
  /** "Thank you. We are glad you are well. Goodbye." */
  CHECK_IN_THANKS,
  /** "Please stay on the line; someone will talk with you shortly." */
  CHECK_IN_OPERATOR,
  /**
   * The happy-call survey: "This is Seoul 120 calling about your recent call. Was your problem
   * solved? Press 1 for not at all, up to 5 for completely."
   */
  HAPPY_CALL,
  /** "Thank you for your answer. Goodbye." */
  HAPPY_CALL_THANKS;

  /** The languages every prompt exists in; the menu's digit is the position in this list plus one. */
  public static final List<Language> LANGUAGES = List.of(Language.KOREAN, Language.ENGLISH, Language.CHINESE,
      Language.JAPANESE, Language.VIETNAMESE, Language.MONGOLIAN);

  /** The file name without extension, e.g. {@code onenumber/en/main-menu}. */
  public String file(Language language) {
    Language spoken = LANGUAGES.contains(language) ? language : Language.KOREAN;
    return "onenumber/" + spoken.code() + "/" + key();
  }

  /** The recorded answer of a self-service topic, e.g. {@code onenumber/en/answer-water-bill}. */
  public static String answerFile(String topic, Language language) {
    Language spoken = LANGUAGES.contains(language) ? language : Language.KOREAN;
    return "onenumber/" + spoken.code() + "/answer-" + topic;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
