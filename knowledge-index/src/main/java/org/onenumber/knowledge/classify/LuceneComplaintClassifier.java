package org.onenumber.knowledge.classify;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.onenumber.core.analytics.CategoryGuess;
import org.onenumber.core.analytics.ComplaintClassifier;

/**
 * k-nearest-neighbours complaint classification over an in-memory Lucene index of labelled
 * history, in four steps per message:
 *
 * <ol>
 *   <li>the message's content words (the language's message analyzer) become a MoreLikeThis
 *       query (every term kept: messages are short);
 *   <li>the {@code k} best-scoring past messages (BM25) are the neighbours;
 *   <li>each neighbour votes its score for its label;
 *   <li>labels are ordered by votes (ties by label), shares normalised to sum 1.
 * </ol>
 *
 * Immutable after construction; thread-safe (one shared searcher). A message with no known word
 * gets no guess.
 */
public final class LuceneComplaintClassifier implements ComplaintClassifier {

  private static final String TEXT = "text";
  private static final String LABEL = "label";
  private final IndexSearcher searcher;
  private final Analyzer analyzer;
  private final int k;
  private final String[] labels;

  /** Indexes {@code history} with {@code analyzer}; {@code k} neighbours vote. */
  public LuceneComplaintClassifier(List<LabelledMessage> history, Analyzer analyzer, int k) {
    this.analyzer = analyzer;
    this.k = k;
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
      for (LabelledMessage m : history) {
        Document doc = new Document();
        doc.add(new TextField(TEXT, m.text(), Field.Store.NO));
        doc.add(new StoredField(LABEL, m.label()));
        writer.addDocument(doc);
      }
      writer.forceMerge(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      DirectoryReader reader = DirectoryReader.open(dir);
      this.searcher = new IndexSearcher(reader);
      this.labels = new String[reader.maxDoc()];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = reader.storedFields().document(i).get(LABEL);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<CategoryGuess> classify(String text, int limit) {
    if (text == null || text.isBlank() || limit < 1) {
      return List.of();
    }
    try {
      TopDocs top = searcher.search(query(text), k);
      Map<String, Double> votes = new HashMap<>();
      double total = 0;
      for (ScoreDoc hit : top.scoreDocs) {
        votes.merge(labels[hit.doc], (double) hit.score, Double::sum);
        total += hit.score;
      }
      double sum = total;
      List<CategoryGuess> guesses = new ArrayList<>();
      votes.entrySet().stream()
          .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
          .limit(limit)
          .forEach(e -> guesses.add(new CategoryGuess(e.getKey(), Math.min(1, e.getValue() / sum))));
      return guesses;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Query query(String text) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(new String[] {TEXT});
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(1);
    mlt.setMinWordLen(1);
    mlt.setMaxQueryTerms(25);
    return mlt.like(TEXT, new StringReader(text));
  }
}
