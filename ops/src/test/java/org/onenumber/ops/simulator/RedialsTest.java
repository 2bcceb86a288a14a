package org.onenumber.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedialsTest {

  @Test
  void aCallerCallsAgainOneToFiveTraceMinutesLaterAtMostThreeTimes() {
    Redials redials = new Redials(120, 7);
    double sum = 0;
    for (int i = 0; i < 10_000; i++) {
      double d = redials.nextDelaySeconds();
      assertTrue(d >= 60 && d < 300, "delay " + d);
      sum += d;
    }
    assertEquals(180, sum / 10_000, 5, "uniform over 1–5 minutes: mean 3 minutes");
    assertTrue(Redials.callsAgain(0) && Redials.callsAgain(2));
    assertFalse(Redials.callsAgain(3), "four calls in all, then the caller gives up");
  }

  @Test
  void theDelaysAreSeededPerArrivalWhateverOrderTheCallersRunIn() {
    assertEquals(delays(new Redials(120, 7)), delays(new Redials(120, 7)));
    assertNotEquals(delays(new Redials(120, 7)), delays(new Redials(120, 8)));
    assertNotEquals(delays(new Redials(120, 7)), delays(new Redials(121, 7)));
  }

  private static List<Double> delays(Redials redials) {
    List<Double> delays = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      delays.add(redials.nextDelaySeconds());
    }
    return delays;
  }
}
