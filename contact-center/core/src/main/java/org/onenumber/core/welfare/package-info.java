/**
 * The welfare-call program (Seoul's "Senior Assurance Call"): the city calls elderly people who
 * live alone two or three times a week and sends someone when they do not answer or need help.
 *
 * <p>Read in this order:
 *
 * <ol>
 *   <li>{@link org.onenumber.core.welfare.Senior}: one enrolled senior, with consent by scope
 *       ({@link org.onenumber.core.welfare.WelfareConsent}) and preferred
 *       {@link org.onenumber.core.welfare.CallWindow}s.
 *   <li>{@link org.onenumber.core.welfare.WeekPlanner}: a week's calls inside each senior's windows
 *       and the {@link org.onenumber.core.welfare.ProgramCalendar}, level across the day.
 *   <li>{@link org.onenumber.core.welfare.Attempt}: one try to reach a senior; a failed one is
 *       followed by the next one of the {@link org.onenumber.core.welfare.RetryPolicy}.
 *   <li>{@link org.onenumber.core.welfare.EscalationLadder}: when an outcome becomes a welfare case.
 *   <li>{@link org.onenumber.core.welfare.WelfareProgram}: the use case that plans, dials, records
 *       outcomes and escalates, over the durable {@link org.onenumber.core.port.out.WelfareSchedule}.
 * </ol>
 *
 * Everything takes its time from an injected {@link java.time.InstantSource}, so two months of the
 * program run in a test in seconds ({@code WelfareCallSimulationTest}).
 */
package org.onenumber.core.welfare;
