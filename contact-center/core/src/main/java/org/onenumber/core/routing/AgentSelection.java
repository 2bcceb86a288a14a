package org.onenumber.core.routing;

/**
 * How a queue chooses among eligible available agents (policy case 3 of {@link RoutingEngine}).
 *
 * <ul>
 *   <li>{@link #LONGEST_IDLE}: the agent idle longest; idle time counts from the end of the
 *       agent's last contact <em>including its wrap-up</em>, or from login if they had none since.
 *       Breaks and not-responding spells do not reset it.
 *   <li>{@link #ROUND_ROBIN}: the agent whose last offer from any queue is oldest (the engine
 *       remembers the order across contacts), then longest idle.
 *   <li>{@link #FEWEST_CONTACTS}: the agent who accepted the fewest contacts today (counts start
 *       again at the first command of each UTC day), then longest idle.
 *   <li>{@link #BEST_SKILL}: the agent with the highest sum of levels in the contact's required
 *       skills, then longest idle.
 *   <li>{@link #STICKY}: the contact's preferred agent (the citizen's last agent, if logged in when
 *       the contact arrives, or a named transfer target) for the queue's sticky timeout, then
 *       longest idle.
 * </ul>
 */
public enum AgentSelection {
  LONGEST_IDLE,
  ROUND_ROBIN,
  FEWEST_CONTACTS,
  BEST_SKILL,
  STICKY
}
