package org.onenumber.telephony.asterisk;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The ring path's stages and skipped offers as recorded, for tests. Thread-safe. */
final class RecordingRingTimings implements RingTimings {

  private final Map<Stage, Integer> counts = new EnumMap<>(Stage.class);
  private final List<Skipped> skipped = new ArrayList<>();

  @Override
  public synchronized void record(Stage stage, long nanos) {
    counts.merge(stage, 1, Integer::sum);
  }

  @Override
  public synchronized void skipped(Skipped reason) {
    skipped.add(reason);
  }

  synchronized int count(Stage stage) {
    return counts.getOrDefault(stage, 0);
  }

  synchronized List<Skipped> skipped() {
    return List.copyOf(skipped);
  }

  @Override
  public synchronized String toString() {
    return counts + " skipped " + skipped;
  }
}
