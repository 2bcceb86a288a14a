package org.onenumber.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.onenumber.knowledge.analysis.LanguageAnalyzers;

/**
 * Spelling: which words of a query no answer contains, the known words nearest to each, and the
 * corrected query ("did you mean").
 *
 * <ol>
 *   <li>Split the text into lower-cased words (the {@link AnswerFields#SPELL} dictionary holds
 *       every language's title, keyword and body-start words the same way).
 *   <li>A word of at least {@value #MIN_LENGTH} characters that the dictionary lacks is misspelt;
 *       its corrections are the up to {@value #CORRECTIONS} dictionary words within one edit
 *       (most typos), or, when there is none and the word has at least {@value #TWO_EDITS_LENGTH}
 *       letters, within two; most similar first, then most frequent. One walk of one term
 *       dictionary (two at most), kept per index view and word ({@link PerReaderCache}): a
 *       two-edit automaton costs milliseconds to build, a one-edit one a fraction of that.
 *   <li>The suggestion replaces each misspelt word by its first correction; none when nothing
 *       was replaced.
 * </ol>
 *
 * A well-spelt query costs one dictionary lookup per long word. Thread-safe (the spell checker is
 * read-only after construction).
 */
final class DidYouMean {

  static final int MIN_LENGTH = 5;
  static final int CORRECTIONS = 3;

  /**
   * @param corrections misspelt word → its corrections, best first (possibly none)
   * @param suggestion the corrected text, or null when no word was replaced
   */
  record Spelling(Map<String, List<String>> corrections, String suggestion) {
    static final Spelling NONE = new Spelling(Map.of(), null);
  }

  /** Words this long may also be corrected with two edits, when one finds nothing. */
  static final int TWO_EDITS_LENGTH = 8;

  private final DirectSpellChecker oneEdit = checker(1);
  private final DirectSpellChecker twoEdits = checker(2);
  private final Analyzer words = LanguageAnalyzers.plainWords();
  private final PerReaderCache<List<String>> nearest = new PerReaderCache<>();

  private static DirectSpellChecker checker(int edits) {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMinPrefix(1);
    checker.setMaxEdits(edits);
    return checker;
  }

  Spelling check(String text, IndexReader reader) {
    Map<String, List<String>> corrections = new LinkedHashMap<>();
    List<String> corrected = new ArrayList<>();
    boolean changed = false;
    try {
      for (String word : LanguageAnalyzers.terms(words, text)) {
        String replacement = word;
        if (word.codePointCount(0, word.length()) >= MIN_LENGTH
            && reader.docFreq(new Term(AnswerFields.SPELL, word)) == 0) {
          List<String> near = nearest.get(reader, word, w -> nearest(w, reader));
          corrections.put(word, near);
          if (!near.isEmpty()) {
            replacement = near.get(0);
            changed = true;
          }
        }
        corrected.add(replacement);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return corrections.isEmpty() ? Spelling.NONE
        : new Spelling(corrections, changed ? String.join(" ", corrected) : null);
  }

  private List<String> nearest(String word, IndexReader reader) {
    List<String> out = nearest(oneEdit, word, reader);
    return out.isEmpty() && word.codePointCount(0, word.length()) >= TWO_EDITS_LENGTH
        ? nearest(twoEdits, word, reader) : out;
  }

  private static List<String> nearest(DirectSpellChecker checker, String word, IndexReader reader) {
    try {
      List<String> out = new ArrayList<>();
      for (SuggestWord s : checker.suggestSimilar(
          new Term(AnswerFields.SPELL, word), CORRECTIONS, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
        out.add(s.string);
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
