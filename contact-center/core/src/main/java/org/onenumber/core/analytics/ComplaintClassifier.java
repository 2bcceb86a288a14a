package org.onenumber.core.analytics;

import java.util.List;

/**
 * Guesses a message's complaint type from the citizen's words, best first. An empty list means no
 * guess (no words the classifier knows). Implementations are thread-safe.
 */
public interface ComplaintClassifier {

  /** At most {@code limit} guesses, best first, scores summing to at most 1. */
  List<CategoryGuess> classify(String text, int limit);
}
