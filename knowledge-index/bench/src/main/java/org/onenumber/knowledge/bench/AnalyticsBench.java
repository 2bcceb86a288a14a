package org.onenumber.knowledge.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.onenumber.core.analytics.BatchSurveillance;
import org.onenumber.core.analytics.EmergingIssue;
import org.onenumber.core.analytics.LiveSurveillance;
import org.onenumber.core.analytics.Observation;
import org.onenumber.core.analytics.SurveillanceSettings;
import org.onenumber.knowledge.analysis.LanguageAnalyzers;
import org.onenumber.knowledge.classify.LabelledMessage;
import org.onenumber.knowledge.classify.LabelledMessages;
import org.onenumber.knowledge.classify.LuceneComplaintClassifier;

/**
 * The driver behind {@code bin/bench analytics} (issue 18's goals):
 *
 * <ol>
 *   <li>a seeded stream of 1,000,000 contacts over 180 days (28 categories, 5,000 uneven grid
 *       cells in a Seoul-sized box, a few injected clusters and bursts);
 *   <li>batch recompute of hotspots and bursts over all of them, best of 3 after one warm-up run
 *       (goal ≤ 10 s);
 *   <li>the live fold, one event at a time, each timed (goal p99 ≤ 1 ms), and checked equal to
 *       the batch;
 *   <li>classification of one Korean message by the k-NN classifier over the demo history, 20,000
 *       messages after 5,000 warm-up (goal p99 ≤ 5 ms).
 * </ol>
 *
 * Prints a table, then {@code RESULT analytics ...}. Single-threaded; no arguments.
 */
public final class AnalyticsBench {

  private static final int CONTACTS = 1_000_000;
  private static final int DAYS = 180;

  private AnalyticsBench() {}

  public static void main(String[] args) {
    SurveillanceSettings settings = SurveillanceSettings.daily();
    List<Observation> stream = stream(42);
    BatchSurveillance.recompute(settings, stream);
    long best = Long.MAX_VALUE;
    List<EmergingIssue> batch = List.of();
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      batch = BatchSurveillance.recompute(settings, stream);
      best = Math.min(best, System.nanoTime() - t0);
    }
    LiveSurveillance live = new LiveSurveillance(settings);
    Latencies perEvent = new Latencies();
    for (Observation o : stream) {
      long t0 = System.nanoTime();
      live.accept(o);
      perEvent.add(System.nanoTime() - t0);
    }
    boolean equal = live.alerts().equals(batch);
    Latencies classify = classify();
    double recomputeSeconds = best / 1e9;
    System.out.printf(Locale.ROOT, "%-44s %12s%n", "measure", "value");
    System.out.printf(Locale.ROOT, "%-44s %12.2f%n", "batch recompute, 1,000,000 contacts (s)", recomputeSeconds);
    System.out.printf(Locale.ROOT, "%-44s %12d%n", "alerts (hotspots + bursts)", batch.size());
    System.out.printf(Locale.ROOT, "%-44s %12s%n", "live == batch", equal);
    System.out.printf(Locale.ROOT, "%-44s %12d%n", "live per event p50 (µs)", perEvent.percentileMicros(50));
    System.out.printf(Locale.ROOT, "%-44s %12d%n", "live per event p99 (µs)", perEvent.percentileMicros(99));
    System.out.printf(Locale.ROOT, "%-44s %12d%n", "live per event max (µs)", perEvent.percentileMicros(100));
    System.out.printf(Locale.ROOT, "%-44s %12d%n", "classify one message p50 (µs)", classify.percentileMicros(50));
    System.out.printf(Locale.ROOT, "%-44s %12d%n", "classify one message p99 (µs)", classify.percentileMicros(99));
    System.out.printf(Locale.ROOT, "RESULT analytics contacts=%d recompute_s=%.2f alerts=%d live_equals_batch=%s "
        + "event_p99_us=%d classify_p99_us=%d goals_met=%s%n", CONTACTS, recomputeSeconds, batch.size(), equal,
        perEvent.percentileMicros(99), classify.percentileMicros(99),
        recomputeSeconds <= 10 && perEvent.percentileMicros(99) <= 1000 && classify.percentileMicros(99) <= 5000 && equal);
  }

  private static Latencies classify() {
    List<LabelledMessage> messages = LabelledMessages.demoKorean();
    LuceneComplaintClassifier classifier = new LuceneComplaintClassifier(messages,
        new LanguageAnalyzers().forMessageBody("ko"), 7);
    for (int i = 0; i < 5_000; i++) {
      classifier.classify(messages.get(i % messages.size()).text(), 3);
    }
    Latencies latencies = new Latencies();
    for (int i = 0; i < 20_000; i++) {
      String text = messages.get((i * 7) % messages.size()).text();
      long t0 = System.nanoTime();
      classifier.classify(text, 3);
      latencies.add(System.nanoTime() - t0);
    }
    return latencies;
  }

  /** The seeded stream, in arrival order. */
  static List<Observation> stream(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int rows = 50;
    int cols = 100;
    double[] cumulative = new double[rows * cols];
    double total = 0;
    for (int i = 0; i < cumulative.length; i++) {
      total += 0.1 + random.nextDouble() * random.nextDouble() * 3;
      cumulative[i] = total;
    }
    Instant start = SurveillanceSettings.daily().periodStart(20_454);
    List<Observation> out = new ArrayList<>(CONTACTS);
    double step = DAYS * 86_400_000.0 / CONTACTS;
    for (int i = 0; i < CONTACTS; i++) {
      Instant at = start.plusMillis((long) (i * step));
      int day = (int) (i * step / 86_400_000.0);
      int cell = java.util.Arrays.binarySearch(cumulative, random.nextDouble() * total);
      cell = cell < 0 ? -cell - 1 : cell;
      int category = (int) Math.min(27, -Math.log(1 - random.nextDouble()) * 6);
      if (day % 30 == 17 && random.nextInt(40) == 0) {
        cell = 1234; // an injected cluster
      }
      if (day % 45 == 20 && random.nextInt(20) == 0) {
        category = 25; // an injected burst
      }
      double lat = 37.40 + (cell / cols + 0.5) * 0.01;
      double lon = 126.70 + (cell % cols + 0.5) * 0.01;
      out.add(new Observation(at, "type-" + category, lat, lon));
    }
    return out;
  }
}
