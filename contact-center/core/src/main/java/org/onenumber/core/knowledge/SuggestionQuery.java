package org.onenumber.core.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.InvalidInputException;

/**
 * Answers to suggest for what a citizen wrote: the whole message, not search words.
 *
 * @param message the citizen's message as received (up to {@link AnswerQuery#MAX_TEXT} characters)
 * @param languages the languages to suggest answers in, the conversation's first (then the
 *     operator's others); empty to let the index guess them from the message
 * @param limit at most this many suggestions, 1..10; fewer, or none, when the answers are not
 *     relevant enough
 * @param at the instant validity is judged at (only live answers are suggested)
 */
public record SuggestionQuery(String message, List<Language> languages, int limit, Instant at) {

  public static final int MAX_LIMIT = 10;

  public SuggestionQuery {
    message = message == null ? "" : message.strip();
    if (message.length() > AnswerQuery.MAX_TEXT) {
      throw new InvalidInputException("message is longer than " + AnswerQuery.MAX_TEXT + " characters");
    }
    languages = languages == null ? List.of() : languages.stream().filter(Objects::nonNull).distinct().toList();
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit must be 1.." + MAX_LIMIT);
    }
    InvalidInputException.require(at, "at");
  }

  /**
   * The same words as a plain search (the fallback of an index without a suggestion path of its
   * own): the first language with the others after it, first page of {@code limit}.
   */
  public AnswerQuery asSearch() {
    Language first = languages.isEmpty() ? null : languages.getFirst();
    return new AnswerQuery(message, first, null, null, null, false, at, 0, limit,
        languages.isEmpty() ? List.of() : languages.subList(1, languages.size()));
  }
}
