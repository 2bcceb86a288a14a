/**
 * Benchmarks and load drivers; never timed unit tests. Each prints a table and a last line
 * {@code RESULT name key=value ...}; {@code bin/bench NAME} runs them.
 *
 * <p>{@link org.onenumber.ops.bench.RoutingLoadDriver} builds a city's worth of agents, queues
 * and waiting contacts around the core routing engine and measures the latency of every routing
 * decision under steady arrivals, completions and agent state changes;
 * {@link org.onenumber.ops.bench.RoutingDecisionBenchmark} is the same scenario under JMH
 * ({@code bin/bench routing}). {@link org.onenumber.ops.bench.WallboardBench} measures a running
 * server from the outside ({@code bin/bench wallboard}).
 */
package org.onenumber.ops.bench;
