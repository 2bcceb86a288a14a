package org.onenumber.knowledge.faq;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.onenumber.core.knowledge.Answer;
import org.onenumber.core.knowledge.AnswerContent;
import org.onenumber.core.knowledge.AnswerId;
import org.onenumber.core.knowledge.ReviewStatus;
import org.onenumber.core.port.out.AnswerIndex;

/**
 * Loads a faq-tsv file straight into an index as published answers, without a database: for
 * tools, the relevance harness and benchmarks. (The server imports through the core's {@code
 * ImportAnswers}, which also stores and versions.) Answer ids are {@code faq-<n>} in file order.
 */
public final class FaqTsvLoader {

  private FaqTsvLoader() {}

  /** Reads every answer of the file; rejected records are skipped. */
  public static List<AnswerContent> read(Path tsv) throws IOException {
    List<AnswerContent> out = new ArrayList<>();
    try (FaqTsvReader reader = new FaqTsvReader(Files.newBufferedReader(tsv, StandardCharsets.UTF_8))) {
      reader.forEachRemaining(out::add);
    }
    return out;
  }

  /** Rebuilds {@code index} from the file; returns how many answers it holds. */
  public static long load(Path tsv, AnswerIndex index) throws IOException {
    List<AnswerContent> contents = read(tsv);
    Instant at = Instant.parse("2020-01-01T00:00:00Z");
    Iterator<Answer> answers = new Iterator<>() {
      int i;

      @Override
      public boolean hasNext() {
        return i < contents.size();
      }

      @Override
      public Answer next() {
        AnswerContent c = contents.get(i);
        return new Answer(new AnswerId("faq-" + i++), c, ReviewStatus.PUBLISHED, 1, "import", at);
      }
    };
    index.rebuild(answers, contents.size());
    return index.size();
  }
}
