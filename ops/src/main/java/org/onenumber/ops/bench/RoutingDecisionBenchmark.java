package org.onenumber.ops.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The routing scenario under JMH: one operation is one command of steady traffic through
 * {@code RoutingEngine.handle}, sampled for latency percentiles. Cross-checks the load driver;
 * run with {@code bin/bench routing --jmh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
public class RoutingDecisionBenchmark {

  @Param({"LARGE", "SMALL"})
  public String size;

  private RoutingScenario scenario;

  @Setup(Level.Trial)
  public void build() {
    scenario = new RoutingScenario("LARGE".equals(size) ? RoutingScenario.Size.LARGE : RoutingScenario.Size.SMALL, 42);
  }

  @Benchmark
  public void decide(Blackhole sink) {
    sink.consume(scenario.apply(scenario.next()));
  }
}
