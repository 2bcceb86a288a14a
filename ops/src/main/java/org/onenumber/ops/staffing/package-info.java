/**
 * Workforce planning: how many agents an interval needs. {@link org.onenumber.ops.staffing.ErlangC}
 * assumes callers wait for ever (M/M/N); {@link org.onenumber.ops.staffing.ErlangA} lets them
 * give up after an exponentially distributed patience (M/M/N+M), which is closer to a city line
 * at peak. {@link org.onenumber.ops.staffing.StaffingPlanner} turns a forecast per interval into
 * agents needed, expected service level, ASA, occupancy and abandonment.
 *
 * <p>Everything is computed in a numerically stable way for thousands of agents: Erlang B by its
 * recurrence (never factorials or powers), the Erlang A stationary distribution in log space.
 */
package org.onenumber.ops.staffing;
