package org.onenumber.ops.sla;

/**
 * The service-level figures of one scope over one window, computed from a {@link Tally}. Ratios
 * are fractions 0..1 and NaN when their denominator is zero (no figure, never a fake 0%). With O
 * offered, A answered, Ab abandoned, H handled (closed after being answered):
 *
 * @param offered O: contacts that arrived (first entered a queue or were offered) in the window
 * @param answered A: offered contacts whose wait ended with an agent connecting
 * @param abandoned Ab: offered contacts whose wait ended with the citizen hanging up; distinct from
 *     {@code callbacks}, {@code timeouts}, {@code overflowed} and {@code transferred}
 * @param shortAbandons abandons after a wait shorter than the policy's short-abandon threshold
 * @param callbacks offered contacts whose wait ended with a callback request
 * @param timeouts offered contacts closed by the system before anyone answered
 * @param overflowed offered contacts that overflowed to another queue before being answered
 * @param transferred offered contacts transferred at least once (before or after the answer)
 * @param serviceLevel per {@link ServiceLevelVariant}, e.g. A(T) ÷ O
 * @param asaSeconds average speed of answer: Σ wait of answered contacts ÷ A
 * @param responseRate A ÷ O
 * @param abandonRate Ab ÷ O
 * @param handled H: answered contacts that have closed
 * @param handleSeconds average handle time: (Σ talk + Σ hold + Σ wrap-up) ÷ H
 * @param talkSeconds Σ talk ÷ H
 * @param holdSeconds Σ hold ÷ H
 * @param wrapUpSeconds Σ wrap-up ÷ H
 * @param occupancy Σ agent time busy or in wrap-up ÷ Σ agent time staffed (available, reserved,
 *     busy, wrap-up), over finished agent-state spells
 * @param contactsPerAgent A ÷ distinct agents who answered at least one contact
 * @param fcr contact-level first-contact resolution: resolved ÷ H, where resolved means closed
 *     without escalation (a case, or closing reason {@code escalated}) or transfer (a TRANSFERRED
 *     step, or closing reason {@code transferred}) and no new contact from the same citizen in the
 *     same category within the repeat window
 * @param fcrSurvey survey-confirmed first-contact resolution: surveys answering "resolved" ÷ surveys
 * @param satisfaction mean survey score, 1..5
 * @param surveys number of survey answers
 * @param selfServed calls that ended after the IVR's self-service answer without an operator
 *     (closed with reason {@code self-served}, never queued; counted in the minute they ended and
 *     not part of O, A or Ab)
 */
public record Figures(
    long offered, long answered, long abandoned, long shortAbandons, long callbacks, long timeouts,
    long overflowed, long transferred, double serviceLevel, double asaSeconds, double responseRate,
    double abandonRate, long handled, double handleSeconds, double talkSeconds, double holdSeconds,
    double wrapUpSeconds, double occupancy, double contactsPerAgent, double fcr, double fcrSurvey,
    double satisfaction, long surveys, long selfServed) {

  /** The figures of {@code t} under {@code policy}'s service-level variant. */
  public static Figures of(Tally t, ServiceLevelPolicy policy) {
    return new Figures(t.offered, t.answered, t.abandoned, t.shortAbandons, t.callbacks, t.timeouts,
        t.overflowed, t.transferred, policy.variant().of(t), ratio(t.answerWaitMillis, t.answered * 1000),
        ratio(t.answered, t.offered), ratio(t.abandoned, t.offered), t.handled,
        ratio(t.talkMillis + t.holdMillis + t.wrapUpMillis, t.handled * 1000),
        ratio(t.talkMillis, t.handled * 1000), ratio(t.holdMillis, t.handled * 1000),
        ratio(t.wrapUpMillis, t.handled * 1000), ratio(t.occupiedMillis, t.staffedMillis),
        ratio(t.answered, t.answeringAgents.size()), ratio(t.fcrResolved, t.fcrEligible),
        ratio(t.surveysResolved, t.surveys), ratio(t.surveyScoreSum, t.surveys), t.surveys, t.selfServed);
  }

  static double ratio(long numerator, long denominator) {
    return denominator <= 0 ? Double.NaN : (double) numerator / denominator;
  }
}
