package org.onenumber.core.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.onenumber.core.knowledge.Answer;
import org.onenumber.core.knowledge.AnswerId;
import org.onenumber.core.knowledge.AnswerVersion;

/**
 * The system of record for answers and their version history. Writes join the caller's {@link
 * Transactions} transaction, if any.
 */
public interface AnswerStore {

  /**
   * Stores the answer's current version and appends it to the history.
   *
   * @param change a short word for what happened ({@code created}, {@code edited}, {@code published})
   * @throws org.onenumber.core.error.IllegalTransitionException when a newer version is already
   *     stored (someone else changed it first)
   */
  void save(Answer answer, String change);

  Optional<Answer> find(AnswerId id);

  Optional<Answer> findByExternalId(String externalId);

  /** Every version of one answer, oldest first. */
  List<AnswerVersion> history(AnswerId id);

  long count();

  /** Calls {@code each} for every answer's current version, in id order. */
  void forEach(Consumer<Answer> each);

  /** Published answers whose validity ended by {@code at}, at most {@code limit}. */
  List<Answer> publishedEndedBy(Instant at, int limit);
}
