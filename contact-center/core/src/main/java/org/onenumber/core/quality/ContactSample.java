package org.onenumber.core.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Draws contacts to evaluate: {@code size} of the candidates without repetition, uniformly at random
 * from the injected generator (a seeded one replays the same sample). Targeted sampling is the same
 * draw over candidates the caller narrowed (one operator's, one category's). Pure given the
 * generator.
 */
public final class ContactSample {

  private ContactSample() {}

  public static List<String> draw(List<String> candidates, int size, RandomGenerator random) {
    List<String> pool = new ArrayList<>(candidates);
    int n = Math.min(size, pool.size());
    for (int i = 0; i < n; i++) {
      int j = i + random.nextInt(pool.size() - i);
      String chosen = pool.get(j);
      pool.set(j, pool.get(i));
      pool.set(i, chosen);
    }
    return List.copyOf(pool.subList(0, n));
  }
}
