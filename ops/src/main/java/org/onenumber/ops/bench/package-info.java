/**
 * Benchmarks and load drivers. {@link org.onenumber.ops.bench.RoutingLoadDriver} builds a city's
 * worth of agents, queues and waiting contacts around the core routing engine and measures the
 * latency of every routing decision under steady arrivals, completions and agent state changes;
 * {@link org.onenumber.ops.bench.RoutingDecisionBenchmark} is the same scenario under JMH.
 * Run them with {@code bin/bench routing}.
 */
package org.onenumber.ops.bench;
