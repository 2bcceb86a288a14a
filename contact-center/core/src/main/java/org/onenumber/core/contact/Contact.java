package org.onenumber.core.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.directory.SkillLevel;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.InvalidInputException;

/**
 * One conversation on one channel, with every step of its life. Immutable: {@link #moveTo}
 * returns a new contact and rejects moves that {@link ContactState} does not allow.
 *
 * @param queue the queue it waits in or was last routed through; null before routing
 * @param agent the agent it is offered or connected to; null otherwise
 * @param topic what the citizen said it is about (first message, IVR choice, form subject)
 * @param steps every step so far, oldest first; the first is always {@link ContactState#CREATED}
 */
public record Contact(
    ContactId id,
    Channel channel,
    CitizenId citizen,
    Language language,
    Set<SkillLevel> requiredSkills,
    int priority,
    QueueId queue,
    AgentId agent,
    String topic,
    List<ContactStep> steps) {

  public Contact {
    InvalidInputException.require(id, "id");
    InvalidInputException.require(channel, "channel");
    InvalidInputException.require(citizen, "citizen");
    InvalidInputException.require(language, "language");
    requiredSkills = Set.copyOf(InvalidInputException.require(requiredSkills, "requiredSkills"));
    steps = List.copyOf(InvalidInputException.require(steps, "steps"));
    if (steps.isEmpty() || steps.get(0).state() != ContactState.CREATED) {
      throw new InvalidInputException("a contact's first step is CREATED");
    }
  }

  /** A new contact in state {@link ContactState#CREATED} at {@code at}. */
  public static Contact create(
      ContactId id, Channel channel, CitizenId citizen, Language language,
      Set<SkillLevel> requiredSkills, int priority, String topic, Instant at) {
    return new Contact(id, channel, citizen, language, requiredSkills, priority, null, null, topic,
        List.of(new ContactStep(ContactState.CREATED, at, null, null, null)));
  }

  public ContactState state() {
    return steps.get(steps.size() - 1).state();
  }

  public Instant createdAt() {
    return steps.get(0).at();
  }

  /** The last instant anything happened to this contact. */
  public Instant updatedAt() {
    return steps.get(steps.size() - 1).at();
  }

  /** When the contact first entered {@code state}, if it ever did. */
  public Optional<Instant> firstAt(ContactState state) {
    return steps.stream().filter(s -> s.state() == state).map(ContactStep::at).findFirst();
  }

  /** When the contact last entered {@code state}, if it ever did. */
  public Optional<Instant> lastAt(ContactState state) {
    for (int i = steps.size() - 1; i >= 0; i--) {
      if (steps.get(i).state() == state) {
        return Optional.of(steps.get(i).at());
      }
    }
    return Optional.empty();
  }

  /** Time from first entering a queue to {@code now}: the age routing orders by. */
  public Duration waitingSince(Instant now) {
    return Duration.between(firstAt(ContactState.QUEUED).orElse(createdAt()), now);
  }

  /**
   * Moves the contact to {@code next}. The step's queue and agent become the contact's current
   * queue and agent when given. Connected, held, wrap-up and closed keep the agent who handled
   * the contact; every other move (back to queued, transferred, callback...) clears it unless the
   * step names one.
   *
   * @throws IllegalTransitionException when the lifecycle has no such edge
   * @throws InvalidInputException when {@code at} is before the last step
   */
  public Contact moveTo(ContactStep step) {
    if (!state().canMoveTo(step.state())) {
      throw new IllegalTransitionException("contact " + id, state(), step.state());
    }
    if (step.at().isBefore(updatedAt())) {
      throw new InvalidInputException("contact " + id + " step at " + step.at() + " is before " + updatedAt());
    }
    List<ContactStep> next = new ArrayList<>(steps);
    next.add(step);
    QueueId nextQueue = step.queue() != null ? step.queue() : queue;
    AgentId nextAgent = step.agent() != null ? step.agent() : keepsAgent(step.state()) ? agent : null;
    return new Contact(id, channel, citizen, language, requiredSkills, priority, nextQueue, nextAgent, topic, next);
  }

  /** Shorthand for a step with no agent, queue or reason. */
  public Contact moveTo(ContactState state, Instant at) {
    return moveTo(new ContactStep(state, at, null, null, null));
  }

  private static boolean keepsAgent(ContactState state) {
    return state == ContactState.CONNECTED || state == ContactState.HELD
        || state == ContactState.WRAP_UP || state == ContactState.CLOSED;
  }
}
