package org.onenumber.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.onenumber.knowledge.analysis.LanguageAnalyzers;

/**
 * Proposes a corrected query.
 *
 * <ol>
 *   <li>Split the text into lower-cased words.
 *   <li>A word of at least {@value #MIN_LENGTH} characters that no answer contains is replaced by
 *       the most frequent indexed word within two edits, if any (kept per index view and word,
 *       {@link PerReaderCache}).
 *   <li>No word replaced: no suggestion.
 * </ol>
 *
 * Only called when {@link AnswerQueries} found such words, so a well-spelt query costs nothing
 * here. Thread-safe (the spell checker is read-only after construction).
 */
final class DidYouMean {

  static final int MIN_LENGTH = AnswerQueries.FUZZY_MIN_LENGTH;

  private final DirectSpellChecker checker = new DirectSpellChecker();
  private final Analyzer words = LanguageAnalyzers.plainWords();
  private final PerReaderCache<String> corrections = new PerReaderCache<>();

  DidYouMean() {
    checker.setMinPrefix(1);
    checker.setMaxEdits(2);
  }

  /** The corrected text, or null when every word is known or none has a near neighbour. */
  String suggest(String text, IndexReader reader) {
    List<String> out = new ArrayList<>();
    boolean changed = false;
    try {
      for (String word : LanguageAnalyzers.terms(words, text)) {
        String replacement = word;
        if (word.length() >= MIN_LENGTH && reader.docFreq(new Term(AnswerFields.SPELL, word)) == 0) {
          String best = corrections.get(reader, word, w -> nearest(w, reader));
          if (best != null) {
            replacement = best;
            changed = true;
          }
        }
        out.add(replacement);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return changed ? String.join(" ", out) : null;
  }

  private String nearest(String word, IndexReader reader) {
    try {
      SuggestWord[] s =
          checker.suggestSimilar(new Term(AnswerFields.SPELL, word), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      return s.length > 0 ? s[0].string : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
