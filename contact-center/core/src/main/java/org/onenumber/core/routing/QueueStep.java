package org.onenumber.core.routing;

import java.time.Duration;
import java.util.List;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.InvalidInputException;

/**
 * One widening step of a queue (bullseye): after waiting {@code after} in the queue, apply
 * {@code action}. Data, not code: loaded from configuration.
 *
 * @param skillLevelDelta for {@link StepAction#LOWER_SKILL}: how many levels to drop (1..4)
 * @param queues for {@link StepAction#ADD_QUEUES}: the overflow queues
 * @param target for {@link StepAction#FALLBACK}: where the contact goes, e.g. {@code sms-self-service}
 */
public record QueueStep(Duration after, StepAction action, int skillLevelDelta, List<QueueId> queues, String target) {

  public QueueStep {
    InvalidInputException.require(after, "after");
    InvalidInputException.require(action, "action");
    queues = List.copyOf(queues == null ? List.of() : queues);
    if (after.isNegative()) {
      throw new InvalidInputException("a step's threshold must not be negative");
    }
    switch (action) {
      case LOWER_SKILL -> {
        if (skillLevelDelta < 1 || skillLevelDelta > 4) {
          throw new InvalidInputException("LOWER_SKILL needs skillLevelDelta 1..4, got " + skillLevelDelta);
        }
      }
      case ADD_QUEUES -> {
        if (queues.isEmpty()) {
          throw new InvalidInputException("ADD_QUEUES needs at least one queue");
        }
      }
      case FALLBACK -> InvalidInputException.requireText(target, "target");
      case OFFER_CALLBACK -> { }
    }
  }

  public static QueueStep lowerSkill(Duration after, int delta) {
    return new QueueStep(after, StepAction.LOWER_SKILL, delta, List.of(), null);
  }

  public static QueueStep addQueues(Duration after, QueueId... queues) {
    return new QueueStep(after, StepAction.ADD_QUEUES, 0, List.of(queues), null);
  }

  public static QueueStep offerCallback(Duration after) {
    return new QueueStep(after, StepAction.OFFER_CALLBACK, 0, List.of(), null);
  }

  public static QueueStep fallback(Duration after, String target) {
    return new QueueStep(after, StepAction.FALLBACK, 0, List.of(), target);
  }

  /** Short text for events: the queues or the target. */
  String detail() {
    return switch (action) {
      case LOWER_SKILL -> "-" + skillLevelDelta;
      case ADD_QUEUES -> String.join(",", queues.stream().map(QueueId::value).toList());
      case FALLBACK -> target;
      case OFFER_CALLBACK -> "";
    };
  }
}
