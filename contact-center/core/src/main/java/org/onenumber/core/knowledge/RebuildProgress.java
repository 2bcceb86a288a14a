package org.onenumber.core.knowledge;

/**
 * How far a full index rebuild (or a bulk import) has got.
 *
 * @param total answers expected; 0 when unknown
 * @param running false once finished (or before the first one)
 */
public record RebuildProgress(long done, long total, double docsPerSecond, boolean running) {

  public static final RebuildProgress IDLE = new RebuildProgress(0, 0, 0, false);

  /** 0..100; 100 when finished, 0 when the total is unknown and work is running. */
  public double percent() {
    if (!running && done > 0) {
      return 100.0;
    }
    return total <= 0 ? 0.0 : Math.min(100.0, 100.0 * done / total);
  }
}
