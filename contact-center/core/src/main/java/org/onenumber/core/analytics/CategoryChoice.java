package org.onenumber.core.analytics;

import java.util.List;
import java.util.Optional;

/**
 * Chooses a contact's category, in this order:
 *
 * <ol>
 *   <li>the operator's disposition, when it names a type of the tree ({@code OPERATOR});
 *   <li>otherwise the classifier's best guess for the citizen's words ({@code AUTOMATIC});
 *   <li>otherwise none (no words, or nothing the classifier knows).
 * </ol>
 *
 * Thread-safe when the classifier is.
 */
public final class CategoryChoice {

  /** Who chose the category. */
  public enum Source { OPERATOR, AUTOMATIC }

  /** The chosen type and who chose it. */
  public record Chosen(ComplaintType type, Source source, double score) {}

  private final CategoryTree tree;
  private final ComplaintClassifier classifier;

  public CategoryChoice(CategoryTree tree, ComplaintClassifier classifier) {
    this.tree = tree;
    this.classifier = classifier;
  }

  /** The category for a contact with an optional operator disposition and the citizen's words. */
  public Optional<Chosen> choose(String disposition, String words) {
    if (disposition != null) {
      Optional<ComplaintType> named = tree.find(disposition.strip());
      if (named.isPresent()) {
        return Optional.of(new Chosen(named.get(), Source.OPERATOR, 1.0));
      }
    }
    if (words == null || words.isBlank()) {
      return Optional.empty();
    }
    List<CategoryGuess> guesses = classifier.classify(words, 1);
    if (guesses.isEmpty()) {
      return Optional.empty();
    }
    CategoryGuess best = guesses.getFirst();
    return tree.find(best.label()).map(t -> new Chosen(t, Source.AUTOMATIC, best.score()));
  }
}
