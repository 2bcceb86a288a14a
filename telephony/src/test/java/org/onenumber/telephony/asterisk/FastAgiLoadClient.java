package org.onenumber.telephony.asterisk;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.onenumber.testkit.FastAgiCaller;

/**
 * The Asterisk side of {@link FastAgiBench}, run in its own JVM as Asterisk is its own process: N
 * calls replayed from the Asterisk 22 captures ({@link FastAgiCaller}: a reader thread per call;
 * {@code AGI_CLIENT=loop}: {@link FastAgiEventLoopCalls}, one thread for all calls) connect to the
 * FastAGI server over loopback at once, press 1 (Korean) and 1 (an operator), wait on hold until the server sends
 * {@code EXEC Dial}, are answered and hang up. The command round trips are measured here, on the
 * client's side of the socket (from this client's reply to the server's next command).
 *
 * <p>Output (stdout): a human table, then machine lines for the bench: {@code ROUNDTRIP n p50 p99
 * max} (nanoseconds, the commands after a call's first up to music on hold), {@code SETUP n p50 p99
 * max} (the first command: accept and hand-over to a session thread), and one {@code DIAL uniqueid
 * nanos} per call with the {@link System#nanoTime()} when {@code EXEC Dial} arrived. On Linux
 * HotSpot's nanoTime is {@code CLOCK_MONOTONIC}, one clock for every process of the machine, so the
 * bench subtracts its own OFFERED time from it. {@code READY} is printed once every call has sent its
 * environment; {@code DONE} last.
 *
 * <p>Usage: {@code FastAgiLoadClient port sessions prefix} runs one round; without arguments it runs
 * one round per line {@code ROUND port sessions prefix} read from stdin, each ending with its {@code
 * DONE}, until stdin ends. The bench uses the second form so that the warm-up round warms this JVM
 * too: started afresh for the measured round, the client's own C2 compilations (JFR: eight of
 * 130–660 ms) ran on the same 2 cores during the measurement, which a real Asterisk (C) never does.
 */
public final class FastAgiLoadClient {

  private FastAgiLoadClient() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (args.length > 0) {
      round(Integer.parseInt(args[0]), Integer.parseInt(args[1]), args.length > 2 ? args[2] : "", out);
      return;
    }
    BufferedReader rounds = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = rounds.readLine()) != null) {
      String[] words = line.trim().split(" ");
      if (words.length >= 3 && "ROUND".equals(words[0])) {
        round(Integer.parseInt(words[1]), Integer.parseInt(words[2]), words.length > 3 ? words[3] : "", out);
      }
    }
  }

  /**
   * One round of {@code sessions} calls against the server on {@code port}; prints its lines and
   * DONE. The calls are played by {@link FastAgiCaller}s (a reader thread per call, the default) or,
   * with {@code AGI_CLIENT=loop}, by {@link FastAgiEventLoopCalls} on {@code AGI_CLIENT_LOOPS}
   * threads (default 1); on the loaded machine of session 9 the one thread lost the run queue to the
   * other processes, so the default stays the reader threads until a quiet run decides (README). {@code AGI_ARRIVAL_US} (default 0: all at once) spaces the calls'
   * arrivals by that many microseconds. {@code AGI_PLAY_MS} (default {@value #PLAY_MS}; 0: every
   * reply at once, the bench before 2026-12-02 evening) is the longest time a prompt plays or a key
   * takes before Asterisk answers {@code STREAM FILE}, {@code GET DATA} or {@code SAY NUMBER}: each
   * such reply waits a seeded random time up to it ({@link #playTimes}).
   */
  private static void round(int port, int sessions, String prefix, PrintStream out) throws Exception {
    kindsAtStart = ThreadSchedule.cpuByThreadKind(ThreadSchedule.self());
    boolean threads = !"loop".equals(System.getenv("AGI_CLIENT"));
    long arrivalNanos = Long.parseLong(System.getenv().getOrDefault("AGI_ARRIVAL_US", "0")) * 1_000;
    long playMillis = Long.parseLong(System.getenv().getOrDefault("AGI_PLAY_MS", String.valueOf(PLAY_MS)));
    int loops = Integer.parseInt(System.getenv().getOrDefault("AGI_CLIENT_LOOPS", "1"));
    Played played = threads ? withThreads(port, sessions, prefix, arrivalNanos, playMillis, out)
        : withEventLoops(loops, port, sessions, prefix, arrivalNanos, playMillis, out);
    print(played, out);
  }

  /** CPU by kind of thread when the round started (AGI_SCHED_KINDS). */
  private static Map<String, Long> kindsAtStart = Map.of();

  /** The default longest prompt or key time (ms). */
  static final long PLAY_MS = 500;

  /**
   * Asterisk's time before it answers: a seeded random share of {@code maxMillis} for commands that
   * play a prompt or wait for a key (call {@code i}'s own sequence, the same in both clients), 0 for
   * the rest (ANSWER, SET/GET VARIABLE, music on hold, Dial: their replies come at once).
   */
  static java.util.function.ToLongFunction<String> playTimes(int i, long maxMillis) {
    java.util.Random random = new java.util.Random(1_000_003L * i + 120);
    return command -> maxMillis > 0 && (command.startsWith("STREAM FILE") || command.startsWith("GET DATA")
        || command.startsWith("SAY NUMBER")) ? (long) (random.nextDouble() * maxMillis * 1_000_000) : 0;
  }

  /** Each call's commands (in order) and one {@code DIAL uniqueid nanos} line per call. */
  record Played(List<List<FastAgiCaller.Command>> commands, List<String> dials) {}

  private static Map<String, String> environment(String prefix, int i) {
    return FastAgiCaller.environment("PJSIP/" + prefix + "caller-" + i, prefix + "1796170000." + i,
        String.format("0105555%04d", i), "ivr");
  }

  private static void arrivalGap(long nanos) {
    if (nanos > 0) {
      java.util.concurrent.locks.LockSupport.parkNanos(nanos);
    }
  }

  /** The calls on one event-loop thread: press 1 (Korean) and 1 (an operator), answer the Dial, hang up. */
  static Played withEventLoop(int port, int sessions, String prefix, long arrivalNanos, long playMillis,
      PrintStream out) throws Exception {
    return withEventLoops(1, port, sessions, prefix, arrivalNanos, playMillis, out);
  }

  /** The calls shared round-robin by {@code loops} event-loop threads (AGI_CLIENT_LOOPS; the bench: 1). */
  static Played withEventLoops(int loops, int port, int sessions, String prefix, long arrivalNanos, long playMillis,
      PrintStream out) throws Exception {
    java.net.InetSocketAddress server = new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    List<FastAgiEventLoopCalls> all = new ArrayList<>();
    ThreadSchedule before = ThreadSchedule.of(ThreadSchedule.self());
    try {
      for (int l = 0; l < loops; l++) {
        all.add(new FastAgiEventLoopCalls(server, sessions / loops + (l < sessions % loops ? 1 : 0)));
      }
      for (int i = 0; i < sessions; i++) {
        all.get(i % loops).call(environment(prefix, i), device -> FastAgiCaller.DialOutcome.ANSWER,
            playTimes(i, playMillis), "1", "1");
        arrivalGap(arrivalNanos);
      }
      out.println("READY");
      for (FastAgiEventLoopCalls calls : all) {
        calls.awaitDials(Duration.ofSeconds(120));
      }
      schedule(before, all.stream().flatMap(calls -> calls.calls().stream()).mapToLong(c -> c.commands().size()).sum(),
          out);
      all.forEach(FastAgiEventLoopCalls::hangUpAll);
      for (FastAgiEventLoopCalls calls : all) {
        calls.awaitClosed(Duration.ofSeconds(60));
      }
      long cpu = all.stream().mapToLong(FastAgiEventLoopCalls::loopCpuNanos).sum();
      List<List<FastAgiCaller.Command>> commands = new ArrayList<>();
      List<String> dials = new ArrayList<>();
      for (FastAgiEventLoopCalls calls : all) {
        for (org.onenumber.testkit.FastAgiCalls.Call call : calls.calls()) {
          commands.add(call.commands());
          dials.add("DIAL " + call.environment().get("agi_uniqueid") + " " + call.dialAtNanos());
        }
      }
      int received = commands.stream().mapToInt(List::size).sum();
      out.printf(Locale.ROOT, "%-40s %.1f ms CPU for %d commands (%.1f us each, connects and hang-ups included)%n",
          "client event loop(s): " + loops, cpu / 1e6, received, cpu / 1e3 / Math.max(1, received));
      return new Played(commands, dials);
    } finally {
      for (FastAgiEventLoopCalls calls : all) {
        calls.close();
      }
    }
  }

  /**
   * Prints {@code SCHED cpu-ns wait-ns slices commands}: what the scheduler did for this JVM's threads
   * from the round's start until every call had its Dial ({@link ThreadSchedule}), and the commands
   * the calls had received by then (the operator legs' few commands not counted). Printed at once, so
   * that the bench takes its own JVM's figures at the same moment.
   */
  private static void schedule(ThreadSchedule before, long commands, PrintStream out) {
    ThreadSchedule used = ThreadSchedule.of(ThreadSchedule.self()).since(before);
    if (System.getenv("AGI_SCHED_KINDS") != null) {
      ThreadSchedule.cpuByThreadKind(ThreadSchedule.self()).forEach((kind, cpu) -> out.printf(Locale.ROOT,
          "  client thread kind %-24s %.1f ms CPU in the round%n", kind, (cpu - kindsAtStart.getOrDefault(kind, 0L)) / 1e6));
    }
    out.println("SCHED " + used.cpuNanos() + " " + used.waitNanos() + " " + used.slices() + " " + commands);
  }

  /** The same calls, a {@link FastAgiCaller} (reader thread) each. */
  private static Played withThreads(int port, int sessions, String prefix, long arrivalNanos, long playMillis,
      PrintStream out) throws Exception {
    ThreadSchedule before = ThreadSchedule.of(ThreadSchedule.self());
    List<FastAgiCaller> callers = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      callers.add(FastAgiCaller.call(InetAddress.getLoopbackAddress(), port, environment(prefix, i))
          .press("1", "1").onDial(device -> FastAgiCaller.DialOutcome.ANSWER).playing(playTimes(i, playMillis))
          .start());
      arrivalGap(arrivalNanos);
    }
    out.println("READY");
    List<String> dials = new ArrayList<>();
    for (FastAgiCaller caller : callers) {
      FastAgiCaller.Command dial = caller.await("EXEC Dial", Duration.ofSeconds(120));
      dials.add("DIAL " + caller.environment().get("agi_uniqueid") + " " + dial.atNanos());
    }
    schedule(before, callers.stream().mapToLong(c -> c.commands().size()).sum(), out);
    for (FastAgiCaller caller : callers) {
      caller.hangUp();
    }
    for (FastAgiCaller caller : callers) {
      caller.awaitClosed(Duration.ofSeconds(60));
    }
    return new Played(callers.stream().map(FastAgiCaller::commands).toList(), dials);
  }

  static void print(Played played, PrintStream out) {
    List<List<FastAgiCaller.Command>> callers = played.commands();
    long[] roundTrips = ivrRoundTrips(callers, false);
    long[] setups = ivrRoundTrips(callers, true);
    ivrRoundTripsByCommand(callers).forEach((verb, sorted) -> out.printf(Locale.ROOT,
        "  %-38s n=%d p50=%.3f p99=%.3f max=%.3f ms%n", verb, sorted.length, ms(sorted, 0.50), ms(sorted, 0.99),
        ms(sorted, 1.0)));
    long[] both = LongStream.concat(LongStream.of(roundTrips), LongStream.of(setups)).sorted().toArray();
    out.printf(Locale.ROOT, "%-40s n=%d p50=%.3f p99=%.3f max=%.3f ms (the figure before 2026-12-02)%n",
        "commands incl. session setup", both.length, ms(both, 0.50), ms(both, 0.99), ms(both, 1.0));
    out.println(summary("ROUNDTRIP", roundTrips));
    out.println(summary("SETUP", setups));
    played.dials().forEach(out::println);
    trace(callers);
    out.println("DONE");
  }

  /**
   * With {@code AGI_TRACE=file}: every IVR command of every call as {@code call index command
   * arrival-nanos round-trip-nanos} (arrival on {@code CLOCK_MONOTONIC}), to see when the slow round
   * trips happened (the tail's evidence, README "The phone line").
   */
  private static void trace(List<List<FastAgiCaller.Command>> callers) {
    String file = System.getenv("AGI_TRACE");
    if (file == null || file.isBlank()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    for (int c = 0; c < callers.size(); c++) {
      List<FastAgiCaller.Command> commands = callers.get(c);
      for (int i = 0; i < commands.size(); i++) {
        FastAgiCaller.Command command = commands.get(i);
        text.append(c).append(' ').append(i).append(' ').append(command.text().split(" ", 3)[0].replace(' ', '_'))
            .append(' ').append(command.atNanos()).append(' ').append(command.sinceReplyNanos()).append('\n');
        if (command.text().startsWith("EXEC StartMusicOnHold")) {
          break;
        }
      }
    }
    try {
      java.nio.file.Files.writeString(java.nio.file.Path.of(file), text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** {@code name n p50 p99 max} in nanoseconds. */
  private static String summary(String name, long[] sorted) {
    return name + " " + sorted.length + " " + at(sorted, 0.50) + " " + at(sorted, 0.99) + " " + at(sorted, 1.0);
  }

  /**
   * Round trips of every command after the first up to and including the first music on hold (the
   * IVR part), or ({@code first}) of the first commands only: the first command answers no reply of
   * ours but the environment block, so its time is the session's setup (accept, hand-over to a
   * session thread, reading the environment), reported apart.
   */
  static long[] ivrRoundTrips(List<List<FastAgiCaller.Command>> callers, boolean first) {
    List<Long> all = new ArrayList<>();
    for (List<FastAgiCaller.Command> caller : callers) {
      boolean isFirst = true;
      for (FastAgiCaller.Command command : caller) {
        if (isFirst == first) {
          all.add(command.sinceReplyNanos());
        }
        if (first) {
          break;
        }
        isFirst = false;
        if (command.text().startsWith("EXEC StartMusicOnHold")) {
          break;
        }
      }
    }
    return all.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  /** The same round trips by command (the first command of a call apart). */
  private static Map<String, long[]> ivrRoundTripsByCommand(List<List<FastAgiCaller.Command>> callers) {
    Map<String, List<Long>> all = new TreeMap<>();
    for (List<FastAgiCaller.Command> caller : callers) {
      boolean first = true;
      for (FastAgiCaller.Command command : caller) {
        String[] words = command.text().split(" ", 3);
        String verb = command.text().startsWith("EXEC ") ? words[0] + " " + words[1] : words[0];
        all.computeIfAbsent((first ? "first: " : "") + verb, k -> new ArrayList<>()).add(command.sinceReplyNanos());
        first = false;
        if (command.text().startsWith("EXEC StartMusicOnHold")) {
          break;
        }
      }
    }
    Map<String, long[]> sorted = new TreeMap<>();
    all.forEach((k, v) -> sorted.put(k, v.stream().mapToLong(Long::longValue).sorted().toArray()));
    return sorted;
  }

  static long at(long[] sorted, double quantile) {
    int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
    return sorted.length == 0 ? 0 : sorted[Math.max(0, index)];
  }

  static double ms(long[] sorted, double quantile) {
    return at(sorted, quantile) / 1e6;
  }
}
