package org.onenumber.ops.sla;

import java.time.Duration;
import java.time.Instant;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactState;

/**
 * The small rules the live fold and the batch recomputation share: which states end a wait, which
 * are handling time, what counts as a repeat, and how one answer, abandon or survey adds to a
 * tally. Stateless.
 */
final class Steps {

  /** The closing reason an operator's escalation to a department leaves on the contact. */
  static final String ESCALATED = "escalated";
  /** The closing reason of a call the IVR answered by topic, without an operator ({@code SelfService.SELF_SERVED}). */
  static final String SELF_SERVED = "self-served";
  /** The closing reason of a contact handed on (to a department line, another service). */
  static final String TRANSFERRED = "transferred";

  private Steps() {}

  /** A contact closed as escalated or transferred was not resolved at first contact. */
  static boolean closedUnresolved(String reason) {
    return ESCALATED.equals(reason) || TRANSFERRED.equals(reason);
  }

  /** Closed straight from CREATED as self-served: never queued, counted only as self-served. */
  static boolean selfServed(ContactState from, ContactState to, String reason) {
    return from == ContactState.CREATED && to == ContactState.CLOSED && SELF_SERVED.equals(reason);
  }

  /** Answered, abandoned, callback requested or closed by the system end a wait. */
  static boolean endsWait(ContactState state) {
    return state == ContactState.CONNECTED || state == ContactState.ABANDONED
        || state == ContactState.CALLBACK_REQUESTED || state == ContactState.CLOSED;
  }

  /** Talk, hold and wrap-up are handling time. */
  static boolean isHandling(ContactState state) {
    return state == ContactState.CONNECTED || state == ContactState.HELD || state == ContactState.WRAP_UP;
  }

  /** Mirrors {@code Contact.moveTo}: these states keep the agent when the step names none. */
  static boolean keepsAgent(ContactState state) {
    return state == ContactState.CONNECTED || state == ContactState.HELD
        || state == ContactState.WRAP_UP || state == ContactState.CLOSED;
  }

  /** A contact created after {@code first} and no later than {@code first + window} repeats it. */
  static boolean isRepeat(Instant first, Instant later, Duration window) {
    return later.isAfter(first) && !later.isAfter(first.plus(window));
  }

  static void addHandling(Tally t, ContactState state, long millis) {
    switch (state) {
      case CONNECTED -> t.talkMillis += millis;
      case HELD -> t.holdMillis += millis;
      case WRAP_UP -> t.wrapUpMillis += millis;
      default -> throw new IllegalArgumentException("not handling time: " + state);
    }
  }

  static void addAnswer(Tally t, long waitMillis, boolean withinThreshold, AgentId agent) {
    t.answered++;
    t.answerWaitMillis += waitMillis;
    t.answeredWithinThreshold += withinThreshold ? 1 : 0;
    if (agent != null) {
      t.answeringAgents.add(agent.value());
    }
  }

  static void addAbandon(Tally t, long waitMillis, boolean withinThreshold, long shortAbandonMillis) {
    t.abandoned++;
    t.abandonedWithinThreshold += withinThreshold ? 1 : 0;
    t.shortAbandons += waitMillis < shortAbandonMillis ? 1 : 0;
  }

  static void addSurvey(Tally t, boolean resolved, int score) {
    t.surveys++;
    t.surveysResolved += resolved ? 1 : 0;
    t.surveyScoreSum += score;
  }
}
