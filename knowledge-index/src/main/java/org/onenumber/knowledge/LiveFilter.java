package org.onenumber.knowledge;

import static org.onenumber.knowledge.AnswerFields.*;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;
import org.onenumber.core.knowledge.ReviewStatus;

/**
 * The "published and inside its validity period at an instant" filter, answered from a bit set
 * cached per segment instead of a status term plus two range queries per search.
 *
 * <ol>
 *   <li>Per segment (keyed by its core, dropped when the core closes), once: the published
 *       documents' validity bounds, and every distinct bound sorted.
 *   <li>For an instant: the live set only changes when the instant crosses a bound, so the bit set
 *       of the last interval between two neighbouring bounds is kept and reused while the instant
 *       stays inside it (exact, no time bucketing).
 *   <li>Outside that interval: the bit set is recomputed from the bounds (one pass over the
 *       published documents) and replaces the kept one.
 * </ol>
 *
 * Deleted documents are excluded by the searcher (live docs), so the cache survives deletions.
 * Thread-safe: segment data is immutable once built; racing builds compute equal values.
 */
final class LiveFilter {

  private final Map<IndexReader.CacheKey, Segment> segments = new ConcurrentHashMap<>();

  /** A query matching the live answers at {@code at} (constant score). */
  Query at(Instant at) {
    return new AtQuery(this, at.toEpochMilli());
  }

  private Segment segment(LeafReader reader) throws IOException {
    IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
    if (helper == null) {
      return Segment.read(reader);
    }
    Segment s = segments.get(helper.getKey());
    if (s == null) {
      s = Segment.read(reader);
      if (segments.putIfAbsent(helper.getKey(), s) == null) {
        helper.addClosedListener(segments::remove);
      }
    }
    return s;
  }

  /** Published documents' bounds in one segment and the bit set of the last interval asked for. */
  private static final class Segment {
    final int maxDoc;
    final int[] docs;
    final long[] from;
    final long[] until;
    final long[] bounds;
    volatile Interval last;

    private Segment(int maxDoc, int[] docs, long[] from, long[] until) {
      this.maxDoc = maxDoc;
      this.docs = docs;
      this.from = from;
      this.until = until;
      long[] all = new long[docs.length * 2];
      System.arraycopy(from, 0, all, 0, from.length);
      System.arraycopy(until, 0, all, from.length, until.length);
      this.bounds = Arrays.stream(all).sorted().distinct().toArray();
    }

    static Segment read(LeafReader reader) throws IOException {
      PostingsEnum published = reader.postings(new Term(STATUS, ReviewStatus.PUBLISHED.name()), PostingsEnum.NONE);
      int n = 0;
      int[] docs = new int[16];
      if (published != null) {
        for (int d = published.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = published.nextDoc()) {
          docs = n == docs.length ? Arrays.copyOf(docs, n * 2) : docs;
          docs[n++] = d;
        }
      }
      docs = Arrays.copyOf(docs, n);
      return new Segment(reader.maxDoc(), docs, values(reader, VALID_FROM, docs, Long.MIN_VALUE),
          values(reader, VALID_UNTIL, docs, Long.MAX_VALUE));
    }

    private static long[] values(LeafReader reader, String field, int[] docs, long missing) throws IOException {
      SortedNumericDocValues dv = reader.getSortedNumericDocValues(field);
      long[] out = new long[docs.length];
      for (int i = 0; i < docs.length; i++) {
        out[i] = dv != null && dv.advanceExact(docs[i]) ? dv.nextValue() : missing;
      }
      return out;
    }

    Interval live(long at) {
      Interval i = last;
      if (i != null && i.lo <= at && at < i.hi) {
        return i;
      }
      FixedBitSet bits = new FixedBitSet(Math.max(1, maxDoc));
      for (int k = 0; k < docs.length; k++) {
        if (from[k] <= at && at < until[k]) {
          bits.set(docs[k]);
        }
      }
      int pos = Arrays.binarySearch(bounds, at);
      int next = pos >= 0 ? pos + 1 : -pos - 1;
      long lo = next == 0 ? Long.MIN_VALUE : bounds[next - 1];
      long hi = next == bounds.length ? Long.MAX_VALUE : bounds[next];
      i = new Interval(lo, hi, bits, bits.cardinality());
      last = i;
      return i;
    }
  }

  private record Interval(long lo, long hi, FixedBitSet bits, int cardinality) {}

  private static final class AtQuery extends Query {
    private final LiveFilter owner;
    private final long at;

    AtQuery(LiveFilter owner, long at) {
      this.owner = owner;
      this.at = at;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
      return new ConstantScoreWeight(this, boost) {
        @Override
        public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
          Interval live = owner.segment(context.reader()).live(at);
          if (live.cardinality() == 0) {
            return null;
          }
          DocIdSetIterator it = new BitSetIterator(live.bits(), live.cardinality());
          return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, it));
        }

        @Override
        public boolean isCacheable(LeafReaderContext ctx) {
          return false;
        }
      };
    }

    @Override
    public void visit(QueryVisitor visitor) {
      visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
      return "live@" + at;
    }

    @Override
    public boolean equals(Object o) {
      return sameClassAs(o) && ((AtQuery) o).at == at && ((AtQuery) o).owner == owner;
    }

    @Override
    public int hashCode() {
      return classHash() * 31 + Long.hashCode(at);
    }
  }
}
