package org.onenumber.core.knowledge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.InvalidInputException;

/**
 * A search for answers.
 *
 * @param text what the operator typed (up to 1,000 characters)
 * @param language only answers in this language, and analyse the text as this language; null for any
 *     (then the index guesses the languages from the text)
 * @param department only this department; null for any
 * @param category only this category; null for any
 * @param audience only this audience; null for any
 * @param includeNotLive also return drafts, answers in review, expired ones and those outside
 *     their validity (for authors); false for operators
 * @param at the instant validity is judged at
 * @param page 0-based page number
 * @param pageSize hits per page, 1..100
 * @param otherLanguages further languages to search besides {@code language}, in the order the
 *     operator prefers them: answers in any of them are found, and hits are ordered by language
 *     ({@code language}, the conversation's, first). Empty for {@code language} alone; duplicates
 *     and {@code language} itself are dropped, and given without {@code language} the first
 *     becomes it.
 */
public record AnswerQuery(
    String text,
    Language language,
    String department,
    String category,
    Audience audience,
    boolean includeNotLive,
    Instant at,
    int page,
    int pageSize,
    List<Language> otherLanguages) {

  public static final int MAX_TEXT = 1_000;

  public AnswerQuery {
    text = text == null ? "" : text.strip();
    if (text.length() > MAX_TEXT) {
      throw new InvalidInputException("query is longer than " + MAX_TEXT + " characters");
    }
    InvalidInputException.require(at, "at");
    if (page < 0 || page > 1_000) {
      throw new InvalidInputException("page must be 0..1000");
    }
    if (pageSize < 1 || pageSize > 100) {
      throw new InvalidInputException("page size must be 1..100");
    }
    department = blankToNull(department);
    category = blankToNull(category);
    List<Language> others = new ArrayList<>();
    for (Language l : otherLanguages == null ? List.<Language>of() : otherLanguages) {
      if (language == null) {
        language = l;
      } else if (l != null && !l.equals(language) && !others.contains(l)) {
        others.add(l);
      }
    }
    otherLanguages = List.copyOf(others);
  }

  /** A search in one language (or, with null, in the languages the index guesses). */
  public AnswerQuery(String text, Language language, String department, String category, Audience audience,
      boolean includeNotLive, Instant at, int page, int pageSize) {
    this(text, language, department, category, audience, includeNotLive, at, page, pageSize, List.of());
  }

  /** {@code language} then {@code otherLanguages}, in order; empty when the index should guess. */
  public List<Language> languages() {
    if (language == null) {
      return List.of();
    }
    List<Language> all = new ArrayList<>(otherLanguages.size() + 1);
    all.add(language);
    all.addAll(otherLanguages);
    return all;
  }

  /** The operator's default: live answers of any language, first page of ten. */
  public static AnswerQuery of(String text, Instant at) {
    return new AnswerQuery(text, null, null, null, null, false, at, 0, 10);
  }

  /** The same search in {@code lang} alone. */
  public AnswerQuery withLanguage(Language lang) {
    return new AnswerQuery(text, lang, department, category, audience, includeNotLive, at, page, pageSize, List.of());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
