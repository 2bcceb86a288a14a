package org.onenumber.knowledge;

import static org.onenumber.knowledge.AnswerFields.*;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.onenumber.core.knowledge.AnswerHit;
import org.onenumber.core.knowledge.AnswerId;

/**
 * Reads a hit's id, external id, title, department and category from doc values, so listing hits
 * does not decompress the stored documents (whose bodies are large). Stateless.
 */
final class HitFields {

  private HitFields() {}

  static AnswerHit read(IndexSearcher searcher, ScoreDoc sd, String snippet) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
    LeafReader reader = leaf.reader();
    int doc = sd.doc - leaf.docBase;
    String externalId = binary(reader.getBinaryDocValues(EXTERNAL_ID), doc);
    return new AnswerHit(new AnswerId(binary(reader.getBinaryDocValues(ID), doc)),
        externalId == null || externalId.isEmpty() ? null : externalId,
        binary(reader.getBinaryDocValues(TITLE_STORED), doc), snippet,
        sorted(reader.getSortedDocValues(DEPARTMENT), doc), sorted(reader.getSortedDocValues(CATEGORY), doc), sd.score);
  }

  /** The analysis-language suffix of a hit's text fields ({@code en}, {@code ko}, ... or the fallback). */
  static String languageSuffix(IndexSearcher searcher, ScoreDoc sd) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
    return sorted(leaf.reader().getSortedDocValues(LANGUAGE), sd.doc - leaf.docBase);
  }

  private static String binary(BinaryDocValues values, int doc) throws IOException {
    return values != null && values.advanceExact(doc) ? values.binaryValue().utf8ToString() : null;
  }

  private static String sorted(SortedDocValues values, int doc) throws IOException {
    return values != null && values.advanceExact(doc) ? values.lookupOrd(values.ordValue()).utf8ToString() : "";
  }
}
