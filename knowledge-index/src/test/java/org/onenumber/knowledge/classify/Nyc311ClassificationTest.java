package org.onenumber.knowledge.classify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.onenumber.knowledge.SharedCorpus;
import org.onenumber.knowledge.analysis.LanguageAnalyzers;

/**
 * The real NYC 311 night (shared/data/nyc311, 1,000 requests): trained on the first three
 * quarters in arrival order, measured on the last quarter (a held-out time slice, after midnight).
 * The margins asserted here are the README's figures minus some slack.
 */
class Nyc311ClassificationTest {

  private static final LanguageAnalyzers ANALYZERS = new LanguageAnalyzers();

  @Test
  void descriptorWordsBeatTheMajorityClassByThirtyPoints() {
    Accuracy a = measure(false);
    assertTrue(a.at1() >= Math.max(a.majority(), sliceMajority(false)) + 0.30, a.toString());
    assertTrue(a.at3() >= a.at1(), a.toString());
  }

  @Test
  void descriptorAndPlaceBeatTheMajorityClassByFiftyPoints() {
    Accuracy a = measure(true);
    assertTrue(a.at1() >= Math.max(a.majority(), sliceMajority(true)) + 0.50, a.toString());
    assertTrue(a.at3() >= 0.90, a.toString());
  }

  private static Accuracy measure(boolean withPlace) {
    List<LabelledMessage> all = LabelledMessages.nyc311(SharedCorpus.nyc311Csv(), withPlace);
    int cut = all.size() * 3 / 4;
    List<LabelledMessage> train = all.subList(0, cut);
    List<LabelledMessage> test = all.subList(cut, all.size());
    LuceneComplaintClassifier classifier = new LuceneComplaintClassifier(train, ANALYZERS.forMessageBody("en"), 10);
    Accuracy a = Accuracy.measure(classifier, train, test);
    System.out.printf("NYC 311 held-out slice (withPlace=%s, train %d, test %d from %s): %s, slice majority %.3f%n",
        withPlace, train.size(), test.size(), test.getFirst().at(), a, sliceMajority(withPlace));
    return a;
  }

  /** The share of the held-out slice's own most frequent label: a baseline that peeks at the answers. */
  private static double sliceMajority(boolean withPlace) {
    List<LabelledMessage> all = LabelledMessages.nyc311(SharedCorpus.nyc311Csv(), withPlace);
    List<LabelledMessage> test = all.subList(all.size() * 3 / 4, all.size());
    return Accuracy.share(test, Accuracy.majorityLabel(test));
  }
}
