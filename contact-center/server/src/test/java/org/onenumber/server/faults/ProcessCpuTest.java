package org.onenumber.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

  @Test
  void userAndSystemTicksAfterANameWithSpacesAndParentheses() {
    String stat = "18439 (C2 Compiler) x) S 18432 18439 18439 0 -1 4194368 1146 0 0 0 26 10 0 0 20 0 1 0 4816196";
    assertEquals(360_000_000L, ProcessCpu.cpuNanos(stat)); // (26 + 10) ticks of 10 ms
  }

  @Test
  void thisJvmsOwnThreadsAreFoundByName() {
    var threads = ProcessCpu.threadsOf(ProcessHandle.current().pid());
    assertTrue(threads.isEmpty() || threads.keySet().stream().anyMatch(name -> name.startsWith("java")), threads::toString);
  }
}
