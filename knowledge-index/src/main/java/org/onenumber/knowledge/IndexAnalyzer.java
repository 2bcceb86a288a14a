package org.onenumber.knowledge;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.onenumber.knowledge.analysis.LanguageAnalyzers;

/**
 * The analyzer the {@code IndexWriter} uses: picks the language chain from a text field's suffix
 * ({@code body_ko} is Korean) and plain lower-cased words for the suggestion and spelling fields.
 * Thread-safe.
 */
final class IndexAnalyzer extends DelegatingAnalyzerWrapper {

  private final LanguageAnalyzers analyzers;
  private final Analyzer plain = LanguageAnalyzers.plainWords();

  IndexAnalyzer(LanguageAnalyzers analyzers) {
    super(PER_FIELD_REUSE_STRATEGY);
    this.analyzers = analyzers;
  }

  @Override
  protected Analyzer getWrappedAnalyzer(String fieldName) {
    int underscore = fieldName.lastIndexOf('_');
    if (underscore > 0 && (fieldName.startsWith("title_") || fieldName.startsWith("body_") || fieldName.startsWith("keywords_"))) {
      return analyzers.forIndex(fieldName.substring(underscore + 1));
    }
    return plain;
  }
}
