package org.onenumber.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PoissonTailTest {

  @Test
  void upperTailsMatchClosedForms() {
    assertEquals(1.0, PoissonTail.atLeast(0, 3.0), 1e-15);
    assertEquals(1 - Math.exp(-2.0), PoissonTail.atLeast(1, 2.0), 1e-12);
    // P(X >= 3 | 1) = 1 - e^-1 (1 + 1 + 1/2)
    assertEquals(1 - Math.exp(-1) * 2.5, PoissonTail.atLeast(3, 1.0), 1e-12);
  }

  @Test
  void largeRatesDoNotUnderflow() {
    double p = PoissonTail.atLeast(1000, 1000.0);
    assertEquals(0.5, p, 0.02);
  }

  @Test
  void thresholdIsTheLeastCountBelowTheLevelAndAtLeastTheMinimum() {
    PoissonTail.Threshold t = PoissonTail.threshold(1.0, 0.01, 1);
    assertEquals(5, t.count()); // P(X>=4|1)=0.019, P(X>=5|1)=0.0037
    assertEquals(PoissonTail.atLeast(5, 1.0), t.pValue(), 1e-12);
    assertEquals(3, PoissonTail.threshold(0.001, 0.01, 3).count());
  }
}
