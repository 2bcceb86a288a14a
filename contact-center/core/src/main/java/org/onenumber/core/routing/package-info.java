/**
 * The omnichannel routing engine. {@link org.onenumber.core.routing.RoutingEngine} takes
 * {@link org.onenumber.core.routing.RoutingCommand}s (a contact arrived, an agent logged in, an
 * offer was accepted, time passed) and answers with {@link org.onenumber.core.routing.Decisions}:
 * domain events to journal and publish. Its policy is the numbered list in the engine's javadoc.
 *
 * <p>How a queue routes is data: {@link org.onenumber.core.routing.QueueConfig} (agent selection,
 * wrap-up, offer timeout, widening {@link org.onenumber.core.routing.QueueStep}s, a
 * {@link org.onenumber.core.routing.BusinessCalendar}, callback policy).
 *
 * <p>Inside, waiting contacts are indexed by eligibility class (queue, language, capacity kind,
 * required skills) in line order, and available agents by (queue, language, capacity kind) in the
 * queue's selection order, so a decision touches only what can match. Everything runs on one
 * thread; timers are data ({@code nextDeadline()} plus a {@code Tick} command).
 */
package org.onenumber.core.routing;
