package org.onenumber.core.knowledge;

import java.util.List;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.InvalidInputException;

/**
 * The editable part of an answer: what an author writes.
 *
 * @param externalId the id in the source the answer was imported from; null when written here
 * @param body Markdown
 * @param department the responsible department's name or code
 * @param category a free classification inside the department; empty when none
 * @param synonyms extra words citizens use for this answer, searched like keywords
 * @param facility the place the answer is about; null when none
 */
public record AnswerContent(
    String externalId,
    String title,
    String body,
    Language language,
    String department,
    String category,
    List<String> keywords,
    List<String> synonyms,
    Audience audience,
    ValidityPeriod validity,
    Facility facility) {

  public static final int MAX_TITLE = 500;
  public static final int MAX_BODY = 100_000;

  public AnswerContent {
    InvalidInputException.requireText(title, "title");
    if (title.length() > MAX_TITLE) {
      throw new InvalidInputException("title is longer than " + MAX_TITLE + " characters");
    }
    body = body == null ? "" : body;
    if (body.length() > MAX_BODY) {
      throw new InvalidInputException("body is longer than " + MAX_BODY + " characters");
    }
    InvalidInputException.require(language, "language");
    InvalidInputException.requireText(department, "department");
    category = category == null ? "" : category;
    keywords = List.copyOf(keywords == null ? List.of() : keywords);
    synonyms = List.copyOf(synonyms == null ? List.of() : synonyms);
    audience = audience == null ? Audience.PUBLIC : audience;
    validity = validity == null ? ValidityPeriod.ALWAYS : validity;
  }
}
