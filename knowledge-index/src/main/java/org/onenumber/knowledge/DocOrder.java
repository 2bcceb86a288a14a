package org.onenumber.knowledge;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;

/**
 * Visits a page of hits in doc-id order, segment by segment, so that per-segment iterators (doc
 * values, postings) are created once per segment and only ever move forwards, as Lucene expects.
 * Stateless.
 */
final class DocOrder {

  /** What to do with the hits of one segment; {@link #visit} sees them in increasing doc order. */
  interface InLeaf {
    /**
     * @param hit the hit's index in the caller's array
     * @param doc its doc id inside the segment
     */
    void visit(int hit, int doc) throws IOException;
  }

  /** Opens the per-segment state for the hits of one segment. */
  interface PerLeaf {
    InLeaf open(LeafReaderContext leaf) throws IOException;
  }

  private DocOrder() {}

  static void visit(IndexReader reader, int[] docs, PerLeaf perLeaf) throws IOException {
    Integer[] order = new Integer[docs.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingInt(i -> docs[i]));
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = null;
    InLeaf inLeaf = null;
    for (int hit : order) {
      if (leaf == null || docs[hit] >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(docs[hit], leaves));
        inLeaf = perLeaf.open(leaf);
      }
      inLeaf.visit(hit, docs[hit] - leaf.docBase);
    }
  }
}
