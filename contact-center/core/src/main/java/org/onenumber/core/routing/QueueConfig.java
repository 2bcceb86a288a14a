package org.onenumber.core.routing;

import java.time.Duration;
import java.util.List;
import org.onenumber.core.directory.Queue;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.InvalidInputException;

/**
 * How the engine routes one queue: the directory's {@link Queue} plus the routing settings.
 * Data, loadable from configuration; {@link #defaults} gives sensible values.
 *
 * @param weight multiplies the waiting time of this queue's contacts when an agent serving several
 *     queues picks the next one (policy case 2); 1 means plain longest-waiting-first
 * @param stickyTimeout how long a contact waits only for its preferred agent ({@link AgentSelection#STICKY})
 * @param notRespondingAfterMiss whether an agent who lets an offer time out or declines it goes
 *     NOT_RESPONDING until they make themselves available again
 * @param messagingDuringVoice whether an agent on a voice or video call may be offered chats and SMS
 * @param steps widening steps, ordered by threshold, for contacts arriving while open
 * @param closedSteps the steps for contacts arriving while {@code calendar} says closed
 */
public record QueueConfig(
    Queue queue,
    AgentSelection selection,
    int weight,
    Duration stickyTimeout,
    Duration wrapUp,
    Duration offerTimeout,
    boolean notRespondingAfterMiss,
    boolean messagingDuringVoice,
    CallbackPolicy callback,
    List<QueueStep> steps,
    BusinessCalendar calendar,
    List<QueueStep> closedSteps) {

  public QueueConfig {
    InvalidInputException.require(queue, "queue");
    InvalidInputException.require(selection, "selection");
    positive(stickyTimeout, "stickyTimeout", true);
    positive(wrapUp, "wrapUp", true);
    positive(offerTimeout, "offerTimeout", false);
    InvalidInputException.require(callback, "callback");
    InvalidInputException.require(calendar, "calendar");
    steps = ordered(steps, "steps");
    closedSteps = ordered(closedSteps, "closedSteps");
    if (weight < 1 || weight > 100) {
      throw new InvalidInputException("queue weight must be 1..100, got " + weight);
    }
  }

  /** Longest idle, 30 s wrap-up, 20 s offer timeout, no steps, always open. */
  public static QueueConfig defaults(Queue queue) {
    return new QueueConfig(queue, AgentSelection.LONGEST_IDLE, 1, Duration.ofSeconds(30), Duration.ofSeconds(30),
        Duration.ofSeconds(20), true, false, CallbackPolicy.DEFAULT, List.of(), BusinessCalendar.ALWAYS_OPEN,
        List.of());
  }

  public QueueId id() {
    return queue.id();
  }

  public QueueConfig withSelection(AgentSelection next) {
    return new QueueConfig(queue, next, weight, stickyTimeout, wrapUp, offerTimeout, notRespondingAfterMiss,
        messagingDuringVoice, callback, steps, calendar, closedSteps);
  }

  public QueueConfig withSteps(List<QueueStep> next) {
    return new QueueConfig(queue, selection, weight, stickyTimeout, wrapUp, offerTimeout, notRespondingAfterMiss,
        messagingDuringVoice, callback, next, calendar, closedSteps);
  }

  public QueueConfig withTimes(Duration nextWrapUp, Duration nextOfferTimeout) {
    return new QueueConfig(queue, selection, weight, stickyTimeout, nextWrapUp, nextOfferTimeout,
        notRespondingAfterMiss, messagingDuringVoice, callback, steps, calendar, closedSteps);
  }

  public QueueConfig withCalendar(BusinessCalendar next, List<QueueStep> nextClosedSteps) {
    return new QueueConfig(queue, selection, weight, stickyTimeout, wrapUp, offerTimeout, notRespondingAfterMiss,
        messagingDuringVoice, callback, steps, next, nextClosedSteps);
  }

  public QueueConfig withMessaging(boolean duringVoice, int nextWeight) {
    return new QueueConfig(queue, selection, nextWeight, stickyTimeout, wrapUp, offerTimeout,
        notRespondingAfterMiss, duringVoice, callback, steps, calendar, closedSteps);
  }

  private static void positive(Duration value, String field, boolean zeroAllowed) {
    InvalidInputException.require(value, field);
    if (value.isNegative() || (!zeroAllowed && value.isZero())) {
      throw new InvalidInputException(field + " must be " + (zeroAllowed ? "zero or more" : "positive"));
    }
  }

  private static List<QueueStep> ordered(List<QueueStep> steps, String field) {
    List<QueueStep> copy = List.copyOf(InvalidInputException.require(steps, field));
    for (int i = 1; i < copy.size(); i++) {
      if (copy.get(i).after().compareTo(copy.get(i - 1).after()) < 0) {
        throw new InvalidInputException(field + " must be ordered by threshold");
      }
    }
    return copy;
  }
}
