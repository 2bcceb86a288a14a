package org.onenumber.knowledge.classify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onenumber.core.analytics.CategoryGuess;
import org.onenumber.core.analytics.ComplaintClassifier;

/**
 * Accuracy of a classifier on held-out messages: @1 (the best guess is the label), @3 (the label
 * is among the three best), and the majority-class baseline (always guess the training set's most
 * frequent label). Pure functions.
 */
public record Accuracy(int messages, double at1, double at3, double majority) {

  /** Measures {@code classifier} on {@code test}; the baseline guesses {@code train}'s majority label. */
  public static Accuracy measure(ComplaintClassifier classifier, List<LabelledMessage> train, List<LabelledMessage> test) {
    String majority = majorityLabel(train);
    int hit1 = 0;
    int hit3 = 0;
    int base = 0;
    for (LabelledMessage m : test) {
      List<String> labels = classifier.classify(m.text(), 3).stream().map(CategoryGuess::label).toList();
      hit1 += !labels.isEmpty() && labels.getFirst().equals(m.label()) ? 1 : 0;
      hit3 += labels.contains(m.label()) ? 1 : 0;
      base += m.label().equals(majority) ? 1 : 0;
    }
    double n = Math.max(1, test.size());
    return new Accuracy(test.size(), hit1 / n, hit3 / n, base / n);
  }

  /** The most frequent label (ties: the first in sorted order). */
  public static String majorityLabel(List<LabelledMessage> messages) {
    Map<String, Integer> counts = new HashMap<>();
    messages.forEach(m -> counts.merge(m.label(), 1, Integer::sum));
    String best = "";
    int most = 0;
    for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(counts).entrySet()) {
      if (e.getValue() > most) {
        best = e.getKey();
        most = e.getValue();
      }
    }
    return best;
  }

  /** The share of {@code messages} whose label is {@code label}. */
  public static double share(List<LabelledMessage> messages, String label) {
    return messages.stream().filter(m -> m.label().equals(label)).count() / (double) Math.max(1, messages.size());
  }
}
