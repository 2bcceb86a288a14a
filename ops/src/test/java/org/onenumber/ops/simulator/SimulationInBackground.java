package org.onenumber.ops.simulator;

import java.time.Duration;
import java.util.stream.Collectors;

/**
 * A {@link Simulation} run on a platform thread of its own ({@code simulation}) while a test holds
 * the peer it plays against, and the simulator's live threads: every platform thread but the
 * peer's, whose names start with {@link #PEER}. For the tests that count what waiting citizens cost.
 */
final class SimulationInBackground {

  /** How a test's peer names its threads, so that they are not counted as the simulator's. */
  static final String PEER = "peer-";

  private final Thread thread;
  private volatile SimulationLedger ledger;

  private SimulationInBackground(Simulation simulation) {
    this.thread = Thread.ofPlatform().name("simulation").start(() -> {
      try {
        ledger = simulation.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  static SimulationInBackground start(Simulation simulation) {
    return new SimulationInBackground(simulation);
  }

  /** The run's ledger once it returned within {@code within}, else null. */
  SimulationLedger join(Duration within) throws InterruptedException {
    thread.join(within.toMillis());
    return ledger;
  }

  /** Live platform threads but the peer's. */
  static long simulatorThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> !t.getName().startsWith(PEER)).count();
  }

  /** The same threads by kind (digits dropped from their names), for a failure to say which. */
  static String simulatorThreadKinds() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> !t.getName().startsWith(PEER))
        .collect(Collectors.groupingBy(t -> t.getName().replaceAll("[0-9]+", "#"), Collectors.counting())).toString();
  }
}
