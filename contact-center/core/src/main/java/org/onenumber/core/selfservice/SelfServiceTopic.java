package org.onenumber.core.selfservice;

import java.util.Map;
import java.util.regex.Pattern;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.InvalidInputException;

/**
 * One topic of the IVR's topic menu.
 *
 * @param digit the key that chooses it, 1–8 (0 is an operator, 9 hears the answer again)
 * @param key names the topic in prompt files ({@code answer-<key>}) and in the contact's topic
 * @param answers per language, the external id of the answer read to the caller
 */
public record SelfServiceTopic(String digit, String key, Map<Language, String> answers) {

  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  public SelfServiceTopic {
    InvalidInputException.requireText(digit, "topic digit");
    if (digit.length() != 1 || digit.charAt(0) < '1' || digit.charAt(0) > '8') {
      throw new InvalidInputException("a topic's digit is 1..8 (0 is an operator, 9 repeats), got " + digit);
    }
    InvalidInputException.requireText(key, "topic key");
    if (!KEY.matcher(key).matches()) {
      throw new InvalidInputException("a topic's key is lower-case letters, digits and dashes, got " + key);
    }
    answers = Map.copyOf(InvalidInputException.require(answers, "topic answers"));
    if (answers.isEmpty()) {
      throw new InvalidInputException("topic " + key + " names no answer");
    }
  }

  /** True when the topic has an answer in {@code language}. */
  public boolean speaks(Language language) {
    return answers.containsKey(language);
  }
}
