package org.onenumber.knowledge.relevance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.onenumber.core.knowledge.AnswerHit;
import org.onenumber.core.knowledge.AnswerQuery;
import org.onenumber.knowledge.LuceneAnswerIndex;
import org.onenumber.knowledge.faq.FaqTsvLoader;

/**
 * Command line: {@code RelevanceCommand <corpus.tsv> [devset.tsv]} loads a faq-tsv corpus into an
 * in-memory index, runs the judged queries through {@code AnswerIndex.search} (as the HTTP API
 * does: no language, live answers, first page) and prints per-query ranks and the figures.
 */
public final class RelevanceCommand {

  private RelevanceCommand() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: RelevanceCommand <corpus.tsv> [devset.tsv]");
      System.exit(2);
    }
    List<RelevanceCase> cases = args.length > 1
        ? RelevanceHarness.read(Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8))
        : RelevanceHarness.developmentSet();
    try (LuceneAnswerIndex index = LuceneAnswerIndex.inMemory()) {
      long loaded = FaqTsvLoader.load(Path.of(args[0]), index);
      Instant at = Instant.now();
      RelevanceFigures f = RelevanceHarness.evaluate(cases, q -> externalIds(index, q, at));
      for (int i = 0; i < cases.size(); i++) {
        System.out.printf("%3s  %s%n", f.ranks().get(i) == 0 ? "-" : f.ranks().get(i), cases.get(i).query());
      }
      System.out.println("corpus=" + loaded + " " + f);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The search path of the API: any language, live answers, first page of ten. */
  public static List<String> externalIds(LuceneAnswerIndex index, String query, Instant at) {
    return index.search(AnswerQuery.of(query, at)).hits().stream().map(AnswerHit::externalId).toList();
  }
}
