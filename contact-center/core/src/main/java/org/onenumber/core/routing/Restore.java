package org.onenumber.core.routing;

import java.time.Instant;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;

/**
 * What {@link RoutingEngine#restore} reads back from a journaled contact beyond its place in line:
 * the offer that was ringing, and a queued callback's attempts and retry time. Stateless.
 */
final class Restore {

  /** The steps by which a placed callback failed (one attempt each): not answered, or no result in time. */
  static final String NOT_ANSWERED = "callback-not-answered";
  static final String NO_RESULT = "callback-no-result";

  private Restore() {}

  /** A contact that was offered to {@code agent} when the engine stopped. */
  record Ringing(Entry entry, AgentId agent) {}

  /**
   * Sets a restored callback's attempts (its failed placements, as journaled) and, when the last
   * one failed less than the queue's retry delay ago, the instant before which it is not placed
   * again — what the engine held in memory only before (a restart placed it at once, counting from 1).
   */
  static void callbackSoFar(Entry entry, Contact contact, CallbackPolicy policy) {
    Instant lastFailure = null;
    int attempts = 0;
    for (ContactStep step : contact.steps()) {
      if (step.state() == ContactState.CALLBACK_REQUESTED
          && (NOT_ANSWERED.equals(step.reason()) || NO_RESULT.equals(step.reason()))) {
        attempts++;
        lastFailure = step.at();
      }
    }
    entry.callbackAttempts = attempts;
    entry.callbackNotBefore = lastFailure == null ? null : lastFailure.plus(policy.retryDelay());
  }
}
