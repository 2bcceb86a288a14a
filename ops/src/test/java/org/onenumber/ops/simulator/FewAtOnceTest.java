package org.onenumber.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FewAtOnceTest {

  @Test
  void runsEveryItemButNeverMoreThanTheGivenNumberAtOnceAndReturnsWhenAllAreDone() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    List<Integer> items = IntStream.range(0, 60).boxed().toList();
    FewAtOnce.each(items, 4, i -> {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      running.decrementAndGet();
      done.incrementAndGet();
    });
    assertEquals(60, done.get());
    assertTrue(most.get() <= 4, "at most 4 at once, saw " + most.get());
    assertTrue(most.get() >= 2, "still in parallel, saw " + most.get());
  }
}
