package org.onenumber.knowledge.relevance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.onenumber.core.error.InvalidInputException;

/**
 * Computes ranking figures for judged queries, one relevant answer per query.
 *
 * <ol>
 *   <li>Run each query through the search function; keep the first {@value #CUTOFF} external ids.
 *   <li>Rank r = position (1-based) of the expected id, or none.
 *   <li>MRR@10 = mean of 1/r (0 when none); recall@10 = share of queries with a rank; nDCG@10 =
 *       mean of 1/log2(r+1) (the ideal DCG of a single relevant answer is 1).
 * </ol>
 *
 * Stateless and thread-safe; the search function decides what "the same search path" is.
 */
public final class RelevanceHarness {

  public static final int CUTOFF = 10;

  private RelevanceHarness() {}

  /** Parses {@code query<TAB>expected id} lines; blank lines and lines starting with # are skipped. */
  public static List<RelevanceCase> read(Reader source) {
    List<RelevanceCase> cases = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(source)) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t", 2);
        if (parts.length != 2) {
          throw new InvalidInputException("line " + n + ": expected query<TAB>external id");
        }
        cases.add(new RelevanceCase(parts[0].strip(), parts[1].strip()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  /** The development set shipped with this module (against the shared COVID FAQ corpus). */
  public static List<RelevanceCase> developmentSet() {
    InputStream in = RelevanceHarness.class.getResourceAsStream("/org/onenumber/knowledge/relevance/dev-covid-faq.tsv");
    if (in == null) {
      throw new UncheckedIOException(new IOException("dev-covid-faq.tsv is missing from the classpath"));
    }
    return read(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /**
   * @param search query text to external ids, best first (at least the first {@value #CUTOFF})
   */
  public static RelevanceFigures evaluate(List<RelevanceCase> cases, Function<String, List<String>> search) {
    List<Integer> ranks = new ArrayList<>(cases.size());
    double reciprocal = 0;
    double dcg = 0;
    int found = 0;
    for (RelevanceCase c : cases) {
      List<String> ids = search.apply(c.query());
      int rank = 0;
      for (int i = 0; i < Math.min(CUTOFF, ids.size()); i++) {
        if (c.expectedExternalId().equals(ids.get(i))) {
          rank = i + 1;
          break;
        }
      }
      ranks.add(rank);
      if (rank > 0) {
        found++;
        reciprocal += 1.0 / rank;
        dcg += 1.0 / (Math.log(rank + 1) / Math.log(2));
      }
    }
    int n = Math.max(1, cases.size());
    return new RelevanceFigures(cases.size(), reciprocal / n, (double) found / n, dcg / n, ranks);
  }
}
