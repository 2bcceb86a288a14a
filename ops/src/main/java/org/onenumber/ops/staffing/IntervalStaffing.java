package org.onenumber.ops.staffing;

/**
 * The plan for one interval.
 *
 * @param loadErlangs offered load A = volume × AHT ÷ interval length
 * @param agents the fewest agents meeting the target
 * @param serviceLevel expected answered within T ÷ offered
 * @param asaSeconds expected mean wait of all arrivals
 * @param occupancy expected busy time ÷ staffed time
 * @param abandonProbability expected share that gives up (0 under Erlang C)
 */
public record IntervalStaffing(double volume, double loadErlangs, int agents, double serviceLevel,
    double asaSeconds, double occupancy, double abandonProbability) {}
