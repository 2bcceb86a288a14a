package org.onenumber.core.intake;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.Queue;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;

/**
 * Chooses the queue a new contact enters. The cases, in order:
 *
 * <ol>
 *   <li>The command names a queue: that queue, which must exist.
 *   <li>Queues serving both the channel and the language: a general queue (no required skills)
 *       before a specialist one (elderly care, tax: only a named queue or the IVR sends a citizen
 *       there), then the highest priority, then the lowest id.
 *   <li>Queues serving the language on any channel (a sign-language citizen on chat still needs a
 *       signing agent): the same order.
 *   <li>Queues serving the channel in any language, so that nobody is turned away: the same order.
 *   <li>None: the contact is refused with a clear error (a configuration problem, not the citizen's).
 * </ol>
 */
final class QueueSelection {

  private static final Comparator<Queue> ORDER = Comparator.comparing((Queue q) -> !q.requiredSkills().isEmpty())
      .thenComparing(Comparator.comparingInt(Queue::priority).reversed()).thenComparing(q -> q.id().value());

  private QueueSelection() {}

  static Queue choose(List<Queue> queues, QueueId named, Channel channel, Language language) {
    if (named != null) {
      return queues.stream().filter(q -> q.id().equals(named)).findFirst()
          .orElseThrow(() -> new NotFoundException("queue", named));
    }
    return best(queues.stream().filter(q -> q.serves(channel, language)).toList())
        .or(() -> best(queues.stream().filter(q -> q.languages().contains(language)).toList()))
        .or(() -> best(queues.stream().filter(q -> q.channels().contains(channel)).toList()))
        .orElseThrow(() -> new InvalidInputException(
            "no queue serves channel " + channel + " or language " + language));
  }

  private static Optional<Queue> best(List<Queue> candidates) {
    return candidates.stream().min(ORDER);
  }
}
