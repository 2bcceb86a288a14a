package org.onenumber.knowledge.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onenumber.core.analytics.CategoryTree;
import org.onenumber.core.analytics.ComplaintType;
import org.onenumber.knowledge.analysis.LanguageAnalyzers;

/**
 * The demo city's Korean set (224 messages, 28 types): four-fold cross-validation, each message
 * classified by a classifier that never saw it (fold = its position within its label mod 4).
 */
class KoreanDemoClassificationTest {

  private static final LanguageAnalyzers ANALYZERS = new LanguageAnalyzers();

  @Test
  void everyLabelIsATypeOfTheDemoTaxonomyWithAtLeastEightMessages() {
    CategoryTree tree = LabelledMessages.demoTaxonomy();
    List<LabelledMessage> all = LabelledMessages.demoKorean();
    assertTrue(all.size() >= 200, "at least 200 messages, got " + all.size());
    Map<String, Integer> perLabel = new HashMap<>();
    all.forEach(m -> perLabel.merge(m.label(), 1, Integer::sum));
    assertEquals(tree.types().stream().map(ComplaintType::code).sorted().toList(), perLabel.keySet().stream().sorted().toList());
    assertTrue(perLabel.values().stream().allMatch(n -> n >= 8), perLabel.toString());
  }

  @Test
  void crossValidatedAccuracyBeatsTheMajorityClassByFiftyPoints() {
    List<LabelledMessage> all = LabelledMessages.demoKorean();
    int hit1 = 0;
    int hit3 = 0;
    double majority = 0;
    for (int fold = 0; fold < 4; fold++) {
      List<LabelledMessage> train = new ArrayList<>();
      List<LabelledMessage> test = new ArrayList<>();
      Map<String, Integer> seen = new HashMap<>();
      for (LabelledMessage m : all) {
        int position = seen.merge(m.label(), 1, Integer::sum) - 1;
        (position % 4 == fold ? test : train).add(m);
      }
      Accuracy a = Accuracy.measure(new LuceneComplaintClassifier(train, ANALYZERS.forMessageBody("ko"), 7), train, test);
      hit1 += (int) Math.round(a.at1() * a.messages());
      hit3 += (int) Math.round(a.at3() * a.messages());
      majority += a.majority() * a.messages();
    }
    double at1 = hit1 / (double) all.size();
    double at3 = hit3 / (double) all.size();
    double base = majority / all.size();
    System.out.printf("Korean demo set, 4-fold: %d messages, accuracy@1 %.3f, @3 %.3f, majority %.3f%n", all.size(), at1, at3, base);
    assertTrue(at1 >= base + 0.50, "accuracy@1 " + at1 + " vs majority " + base);
    assertTrue(at3 >= at1);
  }
}
