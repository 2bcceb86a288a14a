package org.onenumber.knowledge.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.onenumber.core.analytics.CategoryGuess;
import org.onenumber.knowledge.analysis.LanguageAnalyzers;

/** The classifier's query and vote steps on a small English history. */
class LuceneComplaintClassifierTest {

  private static final List<LabelledMessage> HISTORY = List.of(
      new LabelledMessage("noise", "loud music from the party next door", null),
      new LabelledMessage("noise", "loud banging music all night", null),
      new LabelledMessage("parking", "car blocking my driveway", null),
      new LabelledMessage("parking", "truck parked across the driveway", null),
      new LabelledMessage("heat", "no heat in the apartment", null));

  private static final LuceneComplaintClassifier CLASSIFIER =
      new LuceneComplaintClassifier(HISTORY, new LanguageAnalyzers().forMessageBody("en"), 3);

  @Test
  void theNeighboursLabelComesFirstAndTheSharesSumToOne() {
    List<CategoryGuess> guesses = CLASSIFIER.classify("very loud music", 3);
    assertEquals("noise", guesses.getFirst().label());
    assertEquals(1.0, guesses.stream().mapToDouble(CategoryGuess::score).sum(), 1e-9);
    assertEquals(1, CLASSIFIER.classify("very loud music next to my driveway", 1).size());
  }

  @Test
  void threadsSharingTheClassifierGetTheGuessesOneThreadGets() throws Exception {
    List<LabelledMessage> korean = LabelledMessages.demoKorean();
    LuceneComplaintClassifier classifier = new LuceneComplaintClassifier(korean,
        new LanguageAnalyzers().forMessageBody("ko"), 7);
    List<List<CategoryGuess>> alone = korean.stream().map(m -> classifier.classify(m.text(), 3)).toList();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<List<List<CategoryGuess>>>> runs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        runs.add(pool.submit(() -> korean.stream().map(m -> classifier.classify(m.text(), 3)).toList()));
      }
      for (Future<List<List<CategoryGuess>>> run : runs) {
        assertEquals(alone, run.get());
      }
    }
  }

  @Test
  void aMessageWithoutAKnownWordGetsNoGuess() {
    assertEquals(List.of(), CLASSIFIER.classify("zebra xylophone", 3));
    assertEquals(List.of(), CLASSIFIER.classify(" ", 3));
    assertEquals(List.of(), CLASSIFIER.classify("loud music", 0));
  }

  @Test
  void aMessageOfMoreThanTwentyFiveKnownWordsIsStillClassified() {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      words.add("filler" + i);
    }
    List<LabelledMessage> history = new ArrayList<>(HISTORY);
    history.add(new LabelledMessage("other", String.join(" ", words), null));
    history.add(new LabelledMessage("other", String.join(" ", words), null));
    LuceneComplaintClassifier classifier = new LuceneComplaintClassifier(history, new LanguageAnalyzers().forMessageBody("en"), 1);
    // 41 known words, 25 become clauses: still far more of "other"'s than of "heat"'s
    assertEquals("other", classifier.classify(String.join(" ", words) + " heat", 3).getFirst().label());
    assertTrue(classifier.classify("heat", 3).stream().anyMatch(g -> g.label().equals("heat")));
  }
}
