package org.onenumber.ops.sla;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The raw counts and durations of one scope in one minute (or, summed, in a window). Figures are
 * computed from a tally by {@link Figures#of}; a tally holds nothing derived, so tallies add.
 * Mutable and not thread-safe: owned by one fold or one batch run. Durations are milliseconds.
 */
public final class Tally {

  long offered;
  long answered;
  long answeredWithinThreshold;
  long answerWaitMillis;
  long abandoned;
  long abandonedWithinThreshold;
  long shortAbandons;
  long callbacks;
  long timeouts;
  long overflowed;
  long transferred;
  long handled;
  long talkMillis;
  long holdMillis;
  long wrapUpMillis;
  long fcrEligible;
  long fcrResolved;
  long surveys;
  long surveysResolved;
  long surveyScoreSum;
  long staffedMillis;
  long occupiedMillis;
  long selfServed;
  final Set<String> answeringAgents = new HashSet<>(); // a hash set: a city's slot has thousands

  /** Adds {@code other} into this tally. */
  public Tally add(Tally other) {
    offered += other.offered;
    answered += other.answered;
    answeredWithinThreshold += other.answeredWithinThreshold;
    answerWaitMillis += other.answerWaitMillis;
    abandoned += other.abandoned;
    abandonedWithinThreshold += other.abandonedWithinThreshold;
    shortAbandons += other.shortAbandons;
    callbacks += other.callbacks;
    timeouts += other.timeouts;
    overflowed += other.overflowed;
    transferred += other.transferred;
    handled += other.handled;
    talkMillis += other.talkMillis;
    holdMillis += other.holdMillis;
    wrapUpMillis += other.wrapUpMillis;
    fcrEligible += other.fcrEligible;
    fcrResolved += other.fcrResolved;
    surveys += other.surveys;
    surveysResolved += other.surveysResolved;
    surveyScoreSum += other.surveyScoreSum;
    staffedMillis += other.staffedMillis;
    occupiedMillis += other.occupiedMillis;
    selfServed += other.selfServed;
    answeringAgents.addAll(other.answeringAgents);
    return this;
  }

  /** Every field in a fixed order, for comparisons and diagnostics. */
  @Override
  public String toString() {
    return "Tally[offered=" + offered + " answered=" + answered + " answeredWithinT=" + answeredWithinThreshold
        + " waitMs=" + answerWaitMillis + " abandoned=" + abandoned + " abandonedWithinT=" + abandonedWithinThreshold
        + " short=" + shortAbandons + " callbacks=" + callbacks + " timeouts=" + timeouts
        + " overflowed=" + overflowed + " transferred=" + transferred + " handled=" + handled
        + " talkMs=" + talkMillis + " holdMs=" + holdMillis + " wrapMs=" + wrapUpMillis
        + " fcr=" + fcrResolved + "/" + fcrEligible + " surveys=" + surveysResolved + "/" + surveys
        + " scoreSum=" + surveyScoreSum + " staffedMs=" + staffedMillis + " occupiedMs=" + occupiedMillis
        + " selfServed=" + selfServed + " agents=" + new TreeSet<>(answeringAgents) + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tally t && toString().equals(t.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
