package org.onenumber.ops.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wallboard fan-out benchmark: V supervisors' wallboards connected to
 * {@code /api/v1/wallboard/stream} while a steady stream of contacts arrives through the public
 * intake (each makes three domain events: citizen registered, contact created, contact queued).
 * Two latencies, same host, same clock:
 *
 * <ul>
 *   <li>event to delivery (the RESULT figure): for every frame at every viewer, receive time minus
 *       the frame's {@code firstEventAt}, the instant the oldest event it shows reached the
 *       wallboard hub from the event bus, so coalescing and fan-out count;
 *   <li>end to end: contact k (in posting order) reaches a viewer with the first frame whose
 *       center {@code offered} reaches k; from the instant the driver started posting it, so the
 *       HTTP intake and its database commit count too.
 * </ul>
 *
 * In order:
 *
 * <ol>
 *   <li>log in as supervisor and connect all viewers; wait for every snapshot frame;
 *   <li>post contacts at the given rate for the warm-up, then for the measured period;
 *   <li>print percentiles, frames and the achieved event rate, last line {@code RESULT wallboard ...}.
 * </ol>
 */
public final class WallboardBench {

  private static final int EVENTS_PER_CONTACT = 3;
  private final long[] samples = new long[20_000_000];
  private final long[] frameSamples = new long[20_000_000];
  private final AtomicLong frameCount = new AtomicLong();
  private final AtomicLong count = new AtomicLong();
  private final AtomicLong frames = new AtomicLong();
  private final long[] sentMicros = new long[2_000_000];
  private final long[] intakeMicros = new long[2_000_000];
  private volatile long measuredFrom = Long.MAX_VALUE;

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    new WallboardBench().run(URI.create(o.getOrDefault("url", "http://localhost:8080")),
        Integer.parseInt(o.getOrDefault("viewers", "1000")), Double.parseDouble(o.getOrDefault("rate", "10")),
        Integer.parseInt(o.getOrDefault("seconds", "30")), Integer.parseInt(o.getOrDefault("warmup", "5")));
  }

  void run(URI base, int viewers, double contactsPerSecond, int seconds, int warmup) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    String token = login(http, base);
    CountDownLatch connected = new CountDownLatch(viewers);
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    for (int i = 0; i < viewers; i++) {
      threads.submit(() -> view(http, base, token, connected));
    }
    if (!connected.await(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException("only " + (viewers - connected.getCount()) + " of " + viewers + " viewers connected");
    }
    System.out.printf("[bench] %d wallboards connected; posting %.1f contacts/s (%d events/s)%n", viewers,
        contactsPerSecond, Math.round(contactsPerSecond * EVENTS_PER_CONTACT));
    long warm = post(http, base, contactsPerSecond, warmup, threads, 0);
    measuredFrom = warm;
    long start = System.nanoTime();
    long posted = post(http, base, contactsPerSecond, seconds, threads, warm);
    double elapsed = (System.nanoTime() - start) / 1e9;
    Thread.sleep(2000);
    threads.shutdownNow();
    report(viewers, posted * EVENTS_PER_CONTACT / elapsed, elapsed);
  }

  private static String login(HttpClient http, URI base) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/login")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"sv-01\",\"password\":\"demo1234\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    int at = r.body().indexOf("\"access_token\":\"");
    if (r.statusCode() != 200 || at < 0) {
      throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
    }
    int from = at + "\"access_token\":\"".length();
    return r.body().substring(from, r.body().indexOf('"', from));
  }

  private void view(HttpClient http, URI base, String token, CountDownLatch connected) {
    try {
      HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/wallboard/stream"))
          .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
          HttpResponse.BodyHandlers.ofInputStream());
      long baseline = -1;
      long seen = 0;
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (!line.startsWith("data:")) {
            continue;
          }
          long nowMicros = epochMicros(Instant.now());
          long offered = centerOffered(line);
          if (baseline < 0) {
            baseline = offered;
            seen = offered;
            connected.countDown();
            continue;
          }
          frames.incrementAndGet();
          sample(line, nowMicros, seen - baseline, offered - baseline);
          seen = Math.max(seen, offered);
        }
      }
    } catch (Exception e) {
      connected.countDown();
    }
  }

  /** Records the frame's event-to-delivery latency and that of contacts [from, to) it is the first to show. */
  private void sample(String line, long nowMicros, long from, long to) {
    int at = line.indexOf("\"firstEventAt\":\"");
    if (at >= 0 && from >= measuredFrom) {
      int start = at + 16;
      long i = frameCount.getAndIncrement();
      if (i < frameSamples.length) {
        frameSamples[(int) i] = nowMicros - epochMicros(Instant.parse(line.substring(start, line.indexOf('"', start))));
      }
    }
    for (long k = from; k < to; k++) {
      if (k >= measuredFrom && k < sentMicros.length && sentMicros[(int) k] > 0) {
        long i = count.getAndIncrement();
        if (i < samples.length) {
          samples[(int) i] = nowMicros - sentMicros[(int) k];
        }
      }
    }
  }

  /** The center's offered count today: the first "offered" of the frame. */
  private static long centerOffered(String line) {
    int at = line.indexOf("\"today\":{\"offered\":");
    if (at < 0) {
      return 0;
    }
    int from = at + "\"today\":{\"offered\":".length();
    int to = from;
    while (Character.isDigit(line.charAt(to))) {
      to++;
    }
    return Long.parseLong(line.substring(from, to));
  }

  private long post(HttpClient http, URI base, double rate, int seconds, ExecutorService threads, long firstIndex)
      throws InterruptedException {
    long total = Math.round(rate * seconds);
    long start = System.nanoTime();
    AtomicLong sent = new AtomicLong();
    for (long i = 0; i < total; i++) {
      long due = start + (long) (i * 1e9 / rate);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      String phone = String.format("+82107%07d", Math.floorMod(System.nanoTime(), 10_000_000L));
      int index = (int) (firstIndex + i);
      if (index < sentMicros.length) {
        sentMicros[index] = epochMicros(Instant.now());
      }
      threads.submit(() -> {
        try {
          http.send(HttpRequest.newBuilder(base.resolve("/api/v1/contacts")).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"VOICE\",\"phone\":\"" + phone
                  + "\",\"language\":\"ko\",\"topic\":\"bench\"}")).build(), HttpResponse.BodyHandlers.discarding());
          if (index < intakeMicros.length) {
            intakeMicros[index] = epochMicros(Instant.now()) - sentMicros[index];
          }
          sent.incrementAndGet();
        } catch (Exception e) {
          // counted as not sent
        }
      });
    }
    return total;
  }

  /** p50, p99 and max in milliseconds of the first {@code n} samples. */
  private static double[] percentiles(long[] samples, long n) {
    long[] sorted = Arrays.copyOf(samples, (int) Math.min(n, samples.length));
    Arrays.sort(sorted);
    int m = sorted.length;
    return m == 0 ? new double[] {Double.NaN, Double.NaN, Double.NaN}
        : new double[] {sorted[m / 2] / 1000.0, sorted[Math.min(m - 1, (int) (m * 0.99))] / 1000.0, sorted[m - 1] / 1000.0};
  }

  private void report(int viewers, double eventsPerSecond, double seconds) {
    double[] bus = percentiles(frameSamples, frameCount.get());
    double[] e2e = percentiles(samples, count.get());
    System.out.println();
    System.out.printf(Locale.ROOT, "%d viewers, %.1f s measured, %d frames delivered, %.1f events/s%n", viewers, seconds,
        frames.get(), eventsPerSecond);
    System.out.println("latency                               samples   p50 ms   p99 ms   max ms");
    System.out.printf(Locale.ROOT, "event (bus) -> viewer, every frame   %9d  %7.1f  %7.1f  %7.1f%n", frameCount.get(), bus[0], bus[1], bus[2]);
    System.out.printf(Locale.ROOT, "POST start -> viewer, every contact  %9d  %7.1f  %7.1f  %7.1f%n", count.get(), e2e[0], e2e[1], e2e[2]);
    double p50 = bus[0];
    double p99 = bus[1];
    long[] intake = Arrays.stream(intakeMicros).filter(v -> v > 0).sorted().toArray();
    if (intake.length > 0) {
      System.out.printf(Locale.ROOT, "intake (POST /api/v1/contacts until 201, part of the latency above): p50 %.1f ms, p99 %.1f ms%n",
          intake[intake.length / 2] / 1000.0, intake[Math.min(intake.length - 1, (int) (intake.length * 0.99))] / 1000.0);
    }
    System.out.printf(Locale.ROOT, "RESULT wallboard viewers=%d p50_ms=%.1f p99_ms=%.1f events_per_s=%.1f%n",
        viewers, p50, p99, eventsPerSecond);
  }

  private static long epochMicros(Instant at) {
    return at.getEpochSecond() * 1_000_000L + at.getNano() / 1000;
  }
}
