package org.onenumber.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * A highlighted body passage per hit, from the term offsets stored in the postings (no
 * re-analysis, no break iterator).
 *
 * <ol>
 *   <li>The query's terms on the hit's body field are looked up once per segment; hits are visited
 *       in doc order ({@link DocOrder}) so each term's postings only move forwards. Each term the
 *       body contains gives its offsets in the first {@value #MAX_CHARS} characters.
 *   <li>No match: the passage is the start of the body.
 *   <li>Otherwise the passage is the {@value #PASSAGE_CHARS}-character window, starting at a match,
 *       that holds the most distinct terms (earliest on ties), moved back to the start of its
 *       sentence when that is less than {@value #LEAD_CHARS} characters before.
 *   <li>The window ends at a word boundary; matched words are wrapped in {@code <mark>..</mark>}
 *       and the rest is HTML-escaped.
 * </ol>
 *
 * The text comes from the body-start doc values (no stored-document decompression, which cost a
 * fifth of a millisecond per page of hits); an index written before they existed falls back to
 * the stored body. Stateless.
 */
final class Snippets {

  static final int PASSAGE_CHARS = 220;
  /** Passages are looked for in the first this many characters of a body. */
  static final int MAX_CHARS = 2_000;
  static final int LEAD_CHARS = 60;

  private record Match(int start, int end, int term) {}

  private Snippets() {}

  /**
   * @param fields per hit, the body field of its language
   * @return per hit its snippet, empty when the body is empty
   */
  static String[] of(IndexSearcher searcher, Query query, int[] docs, String[] fields) throws IOException {
    Set<Term> terms = new LinkedHashSet<>();
    if (query != null) {
      query.visit(QueryVisitor.termCollector(terms));
    }
    String[] out = new String[docs.length];
    DocOrder.visit(searcher.getIndexReader(), docs, leaf -> {
      LeafReader reader = leaf.reader();
      BinaryDocValues starts = reader.getBinaryDocValues(AnswerFields.BODY_START);
      Map<String, List<TermOffsets>> byField = new HashMap<>();
      return (hit, doc) -> {
        List<TermOffsets> postings = byField.computeIfAbsent(fields[hit], f -> offsets(reader, f, terms));
        String body = starts != null && starts.advanceExact(doc) ? starts.binaryValue().utf8ToString()
            : storedBody(reader, doc, fields[hit]);
        out[hit] = format(body, matches(postings, doc));
      };
    });
    return out;
  }

  /** A query term's postings with offsets in one segment; {@code term} numbers the distinct terms. */
  private record TermOffsets(PostingsEnum postings, int term) {}

  /** The postings of the query's terms on {@code field} that the segment contains. */
  private static List<TermOffsets> offsets(LeafReader reader, String field, Set<Term> terms) {
    List<TermOffsets> out = new ArrayList<>();
    try {
      Terms fieldTerms = reader.terms(field);
      if (fieldTerms == null || !fieldTerms.hasOffsets()) {
        return out;
      }
      TermsEnum te = fieldTerms.iterator();
      int n = 0;
      for (Term t : terms) {
        if (t.field().equals(field) && te.seekExact(t.bytes())) {
          out.add(new TermOffsets(te.postings(null, PostingsEnum.OFFSETS), n++));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The matches in {@code doc}, by start; docs must come in increasing order (postings move forwards). */
  private static List<Match> matches(List<TermOffsets> postings, int doc) throws IOException {
    List<Match> out = new ArrayList<>();
    for (TermOffsets t : postings) {
      PostingsEnum pe = t.postings();
      if (pe.docID() < doc) {
        pe.advance(doc);
      }
      if (pe.docID() == doc) {
        for (int k = 0, freq = pe.freq(); k < freq; k++) {
          pe.nextPosition();
          if (pe.endOffset() > MAX_CHARS) {
            break;
          }
          out.add(new Match(pe.startOffset(), pe.endOffset(), t.term()));
        }
      }
    }
    out.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return out;
  }

  /** The stored body: only for an index written before the body-start doc values existed. */
  private static String storedBody(LeafReader reader, int doc, String field) throws IOException {
    DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor(field);
    reader.storedFields().document(doc, visitor);
    String body = visitor.getDocument().get(field);
    return body == null ? "" : body;
  }

  private static String format(String body, List<Match> matches) {
    if (body.isEmpty()) {
      return "";
    }
    int start = matches.isEmpty() ? 0 : sentenceStart(body, matches.get(bestWindow(matches)).start());
    int end = wordEnd(body, Math.min(body.length(), start + PASSAGE_CHARS));
    StringBuilder sb = new StringBuilder(end - start + 32);
    int at = start;
    for (Match m : matches) {
      if (m.start() < at || m.end() > end) {
        continue;
      }
      escape(body, at, m.start(), sb);
      sb.append("<mark>");
      escape(body, m.start(), m.end(), sb);
      sb.append("</mark>");
      at = m.end();
    }
    escape(body, at, end, sb);
    return sb.toString().strip();
  }

  /** The index of the match whose window holds the most distinct terms (earliest on ties). */
  private static int bestWindow(List<Match> matches) {
    int best = 0;
    int bestCount = 0;
    for (int i = 0; i < matches.size(); i++) {
      long seen = 0;
      int limit = matches.get(i).start() + PASSAGE_CHARS;
      for (int j = i; j < matches.size() && matches.get(j).end() <= limit; j++) {
        seen |= 1L << (matches.get(j).term() & 63);
      }
      int count = Long.bitCount(seen);
      if (count > bestCount) {
        best = i;
        bestCount = count;
      }
    }
    return best;
  }

  private static int sentenceStart(String body, int match) {
    for (int i = match - 1; i >= Math.max(0, match - LEAD_CHARS); i--) {
      char c = body.charAt(i);
      if (c == '\n' || ((c == '.' || c == '?' || c == '!' || c == '。') && i + 1 < body.length()
          && Character.isWhitespace(body.charAt(i + 1)))) {
        return i + 1;
      }
    }
    return match <= LEAD_CHARS ? 0 : match;
  }

  private static int wordEnd(String body, int end) {
    int limit = Math.min(body.length(), end + 20);
    int i = end;
    while (i < limit && !Character.isWhitespace(body.charAt(i))) {
      i++;
    }
    return i;
  }

  private static void escape(String s, int from, int to, StringBuilder sb) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#x27;");
        default -> sb.append(c);
      }
    }
  }
}
