/**
 * Service levels as code: the definitions, the live incremental fold and the batch recomputation.
 *
 * <p>Every figure is defined once, in {@link org.onenumber.ops.sla.Figures} (formula in the
 * javadoc and in {@link org.onenumber.ops.sla.Metric}, which the wallboard shows next to the
 * number). Both {@link org.onenumber.ops.sla.LiveServiceLevels} (folds domain events as they
 * happen) and {@link org.onenumber.ops.sla.BatchServiceLevels} (recomputes from stored contact
 * snapshots) produce the same {@link org.onenumber.ops.sla.TallyBook}: per
 * {@link org.onenumber.ops.sla.Scope} (center, queue, channel, language, agent) and per minute of
 * arrival, a {@link org.onenumber.ops.sla.Tally} of raw counts and durations. Windows (today,
 * fixed and rolling 15/30/60 minutes) are sums of minutes; figures are computed from a summed
 * tally and the {@link org.onenumber.ops.sla.ServiceLevelPolicy}. A seeded simulation test
 * checks that live and batch agree figure by figure.
 *
 * <p>A day's report over a city's journal (277,000 contacts) feeds the batch one contact at a time
 * ({@link org.onenumber.ops.sla.BatchServiceLevels#builder}: the contacts streamed, never held;
 * {@link org.onenumber.ops.sla.Repeats} noted in a light first pass) into a book of fifteen-minute
 * slots, whose windows are whole slots; the same simulation test checks it against the one-minute
 * batch.
 *
 * <p>Vocabulary. A contact <em>arrives</em> when it first enters {@code QUEUED} or
 * {@code OFFERED}; that is when it is <em>offered</em>, and the minute it is counted in. Its
 * <em>wait</em> ends at the first of: {@code CONNECTED} (answered), {@code ABANDONED}
 * (abandoned), {@code CALLBACK_REQUESTED} (callback), {@code CLOSED} (timeout: closed by the
 * system before anyone answered). Overflow and transfer before the answer are counted as such but
 * do not end the wait. The contact's queue scope is the queue it first entered.
 */
package org.onenumber.ops.sla;
