package org.onenumber.server.seed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onenumber.core.directory.Language;
import org.onenumber.core.knowledge.Answer;
import org.onenumber.core.knowledge.AnswerContent;
import org.onenumber.core.knowledge.AnswerHit;
import org.onenumber.core.knowledge.AnswerId;
import org.onenumber.core.knowledge.ReviewStatus;
import org.onenumber.core.knowledge.SuggestionQuery;
import org.onenumber.knowledge.LuceneAnswerIndex;
import org.onenumber.knowledge.relevance.RelevanceCase;
import org.onenumber.knowledge.relevance.RelevanceHarness;

/**
 * Suggestion quality over the demo answers: the Lucene index built from {@code seed/answers.yml},
 * asked for suggestions as the console asks for a citizen's message (the conversation's language
 * first, the operator's other language second, three suggestions).
 *
 * <ul>
 *   <li>{@code seed/suggestion-messages.tsv}: citizen messages (ko and en) with the answer an
 *       operator should see first; MRR@3 at least {@value #MIN_MRR3}.
 *   <li>{@code seed/offtopic-messages.txt}: greetings, small talk and other services; at least
 *       {@value #MIN_QUIET} of them get no suggestion at all.
 * </ul>
 *
 * The figures are printed ({@code suggestion quality: ...}).
 */
class DemoAnswerSuggestionQualityTest {

  static final double MIN_MRR3 = 0.6;
  static final double MIN_QUIET = 0.9;
  /** Inside every demo answer's validity (the winter ones included). */
  static final Instant AT = Instant.parse("2027-01-15T03:00:00Z");

  private static LuceneAnswerIndex index;

  @BeforeAll
  static void indexTheDemoAnswers() {
    index = LuceneAnswerIndex.inMemory();
    int n = 0;
    for (AnswerContent content : SeedFiles.answers()) {
      index.index(new Answer(new AnswerId("demo-" + n++), content, ReviewStatus.PUBLISHED, 1, "seed", AT));
    }
    index.refresh();
  }

  @AfterAll
  static void close() {
    index.close();
  }

  private static List<AnswerHit> suggest(String message) {
    boolean korean = message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
    List<Language> languages = korean ? List.of(Language.KOREAN, Language.ENGLISH) : List.of(Language.ENGLISH, Language.KOREAN);
    return index.suggestFor(new SuggestionQuery(message, languages, 3, AT));
  }

  @Test
  void citizenMessagesFindTheirAnswerInTheTopThree() {
    List<RelevanceCase> cases = RelevanceHarness.read(reader("suggestion-messages.tsv"));
    assertTrue(cases.size() >= 60, "labelled messages: " + cases.size());
    double reciprocal = 0;
    int first = 0;
    List<String> misses = new ArrayList<>();
    for (RelevanceCase c : cases) {
      List<String> ids = suggest(c.query()).stream().map(AnswerHit::externalId).toList();
      int rank = ids.indexOf(c.expectedExternalId()) + 1;
      reciprocal += rank == 0 ? 0 : 1.0 / rank;
      first += rank == 1 ? 1 : 0;
      if (rank != 1) {
        misses.add(c.query() + " -> " + ids + " (wanted " + c.expectedExternalId() + ")");
      }
    }
    double mrr3 = reciprocal / cases.size();
    System.out.printf(Locale.ROOT, "suggestion quality: messages=%d mrr3=%.3f first=%d%n", cases.size(), mrr3, first);
    misses.forEach(m -> System.out.println("  not first: " + m));
    assertTrue(mrr3 >= MIN_MRR3, "MRR@3 " + mrr3 + "; not first: " + misses);
  }

  @Test
  void offTopicMessagesGetNoSuggestion() {
    List<String> messages = lines("offtopic-messages.txt");
    assertTrue(messages.size() >= 20, "off-topic messages: " + messages.size());
    List<String> noisy = new ArrayList<>();
    for (String message : messages) {
      List<AnswerHit> hits = suggest(message);
      if (!hits.isEmpty()) {
        noisy.add(message + " -> " + hits.stream().map(AnswerHit::externalId).toList());
      }
    }
    double quiet = 1 - noisy.size() / (double) messages.size();
    System.out.printf(Locale.ROOT, "suggestion quality: off-topic=%d quiet=%.3f%n", messages.size(), quiet);
    noisy.forEach(m -> System.out.println("  suggested: " + m));
    assertTrue(quiet >= MIN_QUIET, "quiet share " + quiet + "; suggested for: " + noisy);
  }

  private static List<String> lines(String name) {
    try (var in = new java.io.BufferedReader(reader(name))) {
      return in.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStreamReader reader(String name) {
    InputStream in = DemoAnswerSuggestionQualityTest.class.getResourceAsStream("/seed/" + name);
    if (in == null) {
      throw new IllegalStateException("test resource /seed/" + name + " is missing");
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
