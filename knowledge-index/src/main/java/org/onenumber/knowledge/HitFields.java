package org.onenumber.knowledge;

import static org.onenumber.knowledge.AnswerFields.*;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.Bits;
import org.onenumber.core.knowledge.AnswerHit;
import org.onenumber.core.knowledge.AnswerId;

/**
 * Reads hits' id, external id, title, department, category and language (and every answer's
 * version) from doc values, so listing hits does not decompress the stored documents (whose
 * bodies are large). A page is read
 * in doc order ({@link DocOrder}), one set of doc-value iterators per segment. Stateless.
 */
final class HitFields {

  private HitFields() {}

  /** The hits of a page, in the page's order; {@code snippets[i]} belongs to {@code page[i]}. */
  static AnswerHit[] read(IndexSearcher searcher, ScoreDoc[] page, String[] snippets) throws IOException {
    AnswerHit[] out = new AnswerHit[page.length];
    DocOrder.visit(searcher.getIndexReader(), docs(page), leaf -> {
      LeafReader reader = leaf.reader();
      BinaryDocValues ids = reader.getBinaryDocValues(ID);
      BinaryDocValues externalIds = reader.getBinaryDocValues(EXTERNAL_ID);
      BinaryDocValues titles = reader.getBinaryDocValues(TITLE_STORED);
      SortedDocValues departments = reader.getSortedDocValues(DEPARTMENT);
      SortedDocValues categories = reader.getSortedDocValues(CATEGORY);
      return (hit, doc) -> {
        String externalId = binary(externalIds, doc);
        out[hit] = new AnswerHit(new AnswerId(binary(ids, doc)),
            externalId == null || externalId.isEmpty() ? null : externalId, binary(titles, doc),
            snippets[hit] == null ? "" : snippets[hit], sorted(departments, doc), sorted(categories, doc),
            page[hit].score);
      };
    });
    return out;
  }

  /** Per hit, the analysis-language suffix of its text fields ({@code en}, {@code ko}, ... or the fallback). */
  static String[] languageSuffixes(IndexSearcher searcher, ScoreDoc[] page) throws IOException {
    String[] out = new String[page.length];
    DocOrder.visit(searcher.getIndexReader(), docs(page), leaf -> {
      SortedDocValues languages = leaf.reader().getSortedDocValues(LANGUAGE);
      return (hit, doc) -> out[hit] = sorted(languages, doc);
    });
    return out;
  }

  /** Every live answer's version (-1 when the index did not record it). */
  static Map<AnswerId, Long> versions(IndexReader reader) throws IOException {
    Map<AnswerId, Long> out = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      Bits live = r.getLiveDocs();
      BinaryDocValues ids = r.getBinaryDocValues(ID);
      NumericDocValues versions = r.getNumericDocValues(VERSION);
      for (int doc = 0; ids != null && doc < r.maxDoc(); doc++) {
        if ((live == null || live.get(doc)) && ids.advanceExact(doc)) {
          long version = versions != null && versions.advanceExact(doc) ? versions.longValue() : -1;
          out.put(new AnswerId(ids.binaryValue().utf8ToString()), version);
        }
      }
    }
    return out;
  }

  static int[] docs(ScoreDoc[] page) {
    int[] docs = new int[page.length];
    for (int i = 0; i < page.length; i++) {
      docs[i] = page[i].doc;
    }
    return docs;
  }

  private static String binary(BinaryDocValues values, int doc) throws IOException {
    return values != null && values.advanceExact(doc) ? values.binaryValue().utf8ToString() : null;
  }

  private static String sorted(SortedDocValues values, int doc) throws IOException {
    return values != null && values.advanceExact(doc) ? values.lookupOrd(values.ordValue()).utf8ToString() : "";
  }
}
