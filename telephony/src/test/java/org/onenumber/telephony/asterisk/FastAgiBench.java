package org.onenumber.telephony.asterisk;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.testkit.FakeAgentDevices;
import org.onenumber.testkit.FakeMessageGateway;

/**
 * Load driver for the FastAGI IVR ({@code bin/bench telephony}): N concurrent calls (500 by
 * default) go through the IVR to the waiting loop at once. The calls come from {@link
 * FastAgiLoadClient} (a reader thread per call; {@code AGI_CLIENT=loop}: one event-loop thread for
 * all; {@code AGI_PLAY_MS}, {@code AGI_ARRIVAL_US}: see there) in its own JVM (as Asterisk is its own process: its reader threads are not
 * stacks this JVM's collector scans), replayed from the Asterisk captures over loopback TCP; the
 * per-command round trip is measured by that client, from its reply to the server's next command,
 * over every IVR command of every call, and the server's own share of it (its turnaround, from
 * reading the reply to writing the next command) by {@link AgiConnection} in this JVM. One client
 * JVM serves the warm-up round and the measured one. Then each waiting call is offered to an operator (one offer
 * every {@code pace} µs, the routing decision simulated by putting the engine's OFFERED event in the
 * call's mailbox, as the server's forwarder does) and the time until {@code EXEC Dial} reaches the
 * client is measured (both ends read {@code CLOCK_MONOTONIC}). Prints a table and, last, {@code
 * RESULT telephony …} with {@code ami_events_per_s=NA} (the AMI part is measured separately) and
 * {@code agi_server_p99_ms}, {@code agi_client_cpu_us} and {@code agi_server_cpu_us} (CPU per command of
 * each JVM, all its threads, {@link ThreadSchedule}) last.
 *
 * <p>Usage: {@code FastAgiBench [sessions [pace-us [warm-threads [warm-up-calls]]]]} (500, 2000,
 * sessions, sessions); {@code AGI_WARMUP_ROUNDS} unmeasured rounds first (default 2). Two full-size
 * warm-up rounds, not one of 100 calls: with one small round the JIT compiler threads of this JVM
 * used more CPU during the measured round (615–658 ms) than all session threads together (438–460
 * ms), on the same 2 cores, and the client's round trip p99 was 12–19 ms against 2.1–2.6 ms (README
 * "The phone line"; {@code AGI_SCHED_KINDS=1} prints the CPU by kind of thread of both JVMs). A
 * server answering the city's calls all day is compiled; Asterisk, a C program, has no JIT.
 */
public final class FastAgiBench {

  private FastAgiBench() {}

  public static void main(String[] args) throws Exception {
    int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    long paceMicros = args.length > 1 ? Long.parseLong(args[1]) : 2_000;
    int warm = args.length > 2 ? Integer.parseInt(args[2]) : sessions;
    int warmUpCalls = args.length > 3 ? Integer.parseInt(args[3]) : sessions;
    System.out.printf(Locale.ROOT, "client: %s, prompts/keys up to %s ms, arrivals %s%n",
        "loop".equals(System.getenv("AGI_CLIENT"))
            ? System.getenv().getOrDefault("AGI_CLIENT_LOOPS", "1") + " event-loop thread(s) for all calls (AGI_CLIENT=loop)"
            : "a reader thread per call",
        System.getenv().getOrDefault("AGI_PLAY_MS", String.valueOf(FastAgiLoadClient.PLAY_MS)),
        System.getenv().getOrDefault("AGI_ARRIVAL_US", "0").equals("0") ? "all at once"
            : "every " + System.getenv("AGI_ARRIVAL_US") + " us");
    int warmUpRounds = Integer.parseInt(System.getenv().getOrDefault("AGI_WARMUP_ROUNDS", "2"));
    try (Client client = new Client()) {
      for (int r = 1; r <= warmUpRounds; r++) {
        System.out.println("warm-up round " + r + " of " + warmUpRounds + " (" + warmUpCalls + " calls, not measured)");
        round(client, warmUpCalls, paceMicros, "warmup" + r + "-", false, Math.min(warm, warmUpCalls));
      }
      System.out.println("session threads started with the server: " + warm);
      round(client, sessions, paceMicros, "", true, warm);
    }
  }

  /** One round: {@code sessions} calls through the IVR at once, each offered, dialled and hung up. */
  private static void round(Client client, int sessions, long paceMicros, String prefix, boolean print, int warm)
      throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    RecordingRouting routing = new RecordingRouting();
    AsteriskCalls calls = new AsteriskCalls();
    // As in the server with AMI logged in (its Hangup events reach the sessions), unless AGI_AMI_UP=0:
    // waiting calls then probe their channel every 2 s rather than every 500 ms.
    boolean amiUp = !"0".equals(System.getenv().getOrDefault("AGI_AMI_UP", "1"));
    calls.watchHangupsWith(() -> amiUp);
    FakeAgentDevices devices = new FakeAgentDevices();
    for (int i = 1; i <= sessions; i++) {
      devices.put(agent(i), "PJSIP/" + agent(i).value());
    }
    IvrSettings settings = IvrSettings.defaults().withPort(port);
    ServerTurnarounds turnarounds = new ServerTurnarounds(sessions);
    try (AgiIvrServer server = new AgiIvrServer(new Ivr(routing, routing, devices, calls, new MapCallerLanguages(),
        new FakeMessageGateway(), new CallerNumbers("KR"), settings), warm).measuring(turnarounds).start()) {
      ThreadSchedule serverBefore = ThreadSchedule.of(ThreadSchedule.self());
      java.util.Map<String, Long> kindsBefore = ThreadSchedule.cpuByThreadKind(ThreadSchedule.self());
      ClientOutput output = client.round(port, sessions, prefix, print);
      long start = System.nanoTime();
      int peak = 0;
      while (calls.all().size() < sessions) {
        peak = Math.max(peak, server.activeSessions());
        if (System.nanoTime() - start > Duration.ofMinutes(3).toNanos() || !client.isAlive()) {
          throw new IllegalStateException("only " + calls.all().size() + " of " + sessions + " calls reached the line");
        }
        LockSupport.parkNanos(10_000_000); // every 10 ms: the copy of the registry is work in the server's JVM
      }
      peak = Math.max(peak, server.activeSessions());
      double ivrSeconds = (System.nanoTime() - start) / 1e9;

      Map<String, Long> offeredAt = new ConcurrentHashMap<>();
      List<AsteriskCalls.Call> waiting = new ArrayList<>(calls.all());
      for (int i = 0; i < waiting.size(); i++) {
        ContactId contact = waiting.get(i).contact();
        AgentId agent = agent(i + 1);
        offeredAt.put(waiting.get(i).uniqueId(), System.nanoTime());
        calls.signal(contact, new CallSignal.Routed(new ContactStateChanged(contact, Channel.VOICE, Language.KOREAN,
            ContactState.QUEUED, ContactState.OFFERED, new QueueId("general-ko"), agent, null, Instant.now())));
        LockSupport.parkNanos(paceMicros * 1_000);
      }
      output.awaitDone(Duration.ofMinutes(3));
      long[] toDial = output.dials().entrySet().stream()
          .mapToLong(dial -> dial.getValue() - offeredAt.get(dial.getKey())).sorted().toArray();
      if (toDial.length != sessions) {
        throw new IllegalStateException("the client saw " + toDial.length + " of " + sessions + " Dials");
      }
      if (print) {
        System.out.printf(Locale.ROOT, "%-40s n=%d p50=%.3f p99=%.3f max=%.3f ms%n",
            "session setup (environment -> 1st cmd)", output.setup()[0], output.setup()[1] / 1e6,
            output.setup()[2] / 1e6, output.setup()[3] / 1e6);
        // the client's round trips are commands 2..k of each call: k = its count per call + 1
        long[] inServer = turnarounds.sorted((int) (output.roundTrip()[0] / sessions) + 1);
        String perCommand = output.printSchedule(serverBefore);
        if (System.getenv("AGI_SCHED_KINDS") != null) {
          ThreadSchedule.cpuByThreadKind(ThreadSchedule.self()).forEach((kind, cpu) -> System.out.printf(Locale.ROOT,
              "  server thread kind %-24s %.1f ms CPU in the round%n", kind, (cpu - kindsBefore.getOrDefault(kind, 0L)) / 1e6));
        }
        report(sessions, peak, ivrSeconds, output.roundTrip(), inServer, toDial, paceMicros, perCommand);
      }
    }
  }

  /**
   * {@link FastAgiLoadClient} in its own JVM (this one's java and class path; options from {@code
   * AGI_CLIENT_JAVA_OPTS}, default {@code -Xms256m -Xmx512m}), so that the replaying client's 500
   * reader threads are not stacks the server's collector scans. One JVM for every round, so the
   * warm-up round warms the client as well as the server; each round is asked for on its stdin.
   */
  private static final class Client implements AutoCloseable {
    private final Process process;
    private final java.io.PrintWriter rounds;
    private final java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();

    Client() throws java.io.IOException {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      String options = System.getenv().getOrDefault("AGI_CLIENT_JAVA_OPTS", "-Xms256m -Xmx512m");
      command.addAll(Arrays.stream(options.trim().split("\\s+")).filter(o -> !o.isEmpty()).toList());
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), FastAgiLoadClient.class.getName()));
      this.process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      this.rounds = new java.io.PrintWriter(process.outputWriter(java.nio.charset.StandardCharsets.UTF_8), true);
      Thread reader = new Thread(this::read, "agi-bench-client-output");
      reader.setDaemon(true);
      reader.start();
    }

    private void read() {
      try (java.io.BufferedReader in = process.inputReader(java.nio.charset.StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          lines.add(line);
        }
      } catch (java.io.IOException e) {
        System.err.println("client output: " + e);
      }
    }

    /** Asks the client for one round of {@code sessions} calls to {@code port}; its output is read on its own thread. */
    ClientOutput round(int port, int sessions, String prefix, boolean echo) {
      rounds.println("ROUND " + port + " " + sessions + " " + prefix);
      return new ClientOutput(this, echo);
    }

    boolean isAlive() {
      return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
      rounds.close();
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroy();
      }
    }
  }

  /** One round's output from the client: table lines echoed, machine lines kept, up to its DONE. */
  private static final class ClientOutput {
    private final Client client;
    private final Map<String, Long> dials = new ConcurrentHashMap<>();
    private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    private volatile long[] roundTrip = new long[4];
    private volatile long[] setup = new long[4];
    private volatile ThreadSchedule clientSchedule;
    private volatile ThreadSchedule serverSchedule;
    private volatile long commands;

    ClientOutput(Client client, boolean echo) {
      this.client = client;
      Thread reader = new Thread(() -> read(echo), "agi-bench-client-round");
      reader.setDaemon(true);
      reader.start();
    }

    private void read(boolean echo) {
      try {
        while (true) {
          String line = client.lines.take();
          String[] words = line.split(" ");
          switch (words[0]) {
            case "DIAL" -> dials.put(words[1], Long.parseLong(words[2]));
            case "ROUNDTRIP" -> roundTrip = numbers(words);
            case "SETUP" -> setup = numbers(words);
            case "SCHED" -> {
              serverSchedule = ThreadSchedule.of(ThreadSchedule.self());
              long[] n = numbers(words);
              clientSchedule = new ThreadSchedule(n[0], n[1], n[2], n[0] > 0);
              commands = n[3];
            }
            case "READY", "DONE" -> { }
            default -> {
              if (echo) {
                System.out.println(line);
              }
            }
          }
          if ("DONE".equals(words[0])) {
            done.countDown();
            return;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private static long[] numbers(String[] words) {
      return Arrays.stream(words, 1, words.length).mapToLong(Long::parseLong).toArray();
    }

    void awaitDone(Duration within) throws InterruptedException {
      if (!done.await(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        client.process.destroy();
        throw new IllegalStateException("the FastAGI client did not finish within " + within);
      }
    }

    Map<String, Long> dials() {
      return dials;
    }

    /** n, p50, p99, max (ns) of the command round trips after each call's first. */
    long[] roundTrip() {
      return roundTrip;
    }

    long[] setup() {
      return setup;
    }

    /**
     * Prints the client's and this JVM's scheduling from the round's start to every call's Dial, per
     * command; returns {@code agi_client_cpu_us=… agi_server_cpu_us=…} for the RESULT line ("" without).
     */
    String printSchedule(ThreadSchedule serverBefore) {
      if (clientSchedule == null || serverSchedule == null || !clientSchedule.available()) {
        return "";
      }
      System.out.printf(Locale.ROOT, "%-40s %s%n", "per command, client JVM (to all Dials)", clientSchedule.perCommand(commands));
      System.out.printf(Locale.ROOT, "%-40s %s%n", "per command, server JVM (to all Dials)",
          serverSchedule.since(serverBefore).perCommand(commands));
      System.out.printf(Locale.ROOT, "SCHEDULE commands=%d client_cpu_us=%.1f client_wait_us=%.1f server_cpu_us=%.1f"
          + " server_wait_us=%.1f%n", commands, clientSchedule.cpuNanos() / 1e3 / commands,
          clientSchedule.waitNanos() / 1e3 / commands, serverSchedule.since(serverBefore).cpuNanos() / 1e3 / commands,
          serverSchedule.since(serverBefore).waitNanos() / 1e3 / commands);
      return String.format(Locale.ROOT, " agi_client_cpu_us=%.1f agi_server_cpu_us=%.1f",
          clientSchedule.cpuNanos() / 1e3 / commands, serverSchedule.since(serverBefore).cpuNanos() / 1e3 / commands);
    }
  }

  private static void report(int sessions, int peak, double ivrSeconds, long[] roundTrip, long[] server,
      long[] toDial, long paceMicros, String cpu) {
    System.out.printf(Locale.ROOT, "%-40s %d (peak active %d)%n", "concurrent FastAGI sessions", sessions, peak);
    System.out.printf(Locale.ROOT, "%-40s %.2f s for all to reach the line%n", "IVR phase", ivrSeconds);
    System.out.printf(Locale.ROOT, "%-40s n=%d p50=%.3f p99=%.3f max=%.3f ms%n", "command round trip (after the 1st)", roundTrip[0],
        roundTrip[1] / 1e6, roundTrip[2] / 1e6, roundTrip[3] / 1e6);
    System.out.printf(Locale.ROOT, "%-40s n=%d p50=%.3f p99=%.3f max=%.3f ms%n", "  of which in the server (turnaround)",
        server.length, ms(server, 0.50), ms(server, 0.99), ms(server, 1.0));
    System.out.printf(Locale.ROOT, "%-40s n=%d p50=%.3f p99=%.3f max=%.3f ms (one offer every %d us)%n",
        "OFFERED in mailbox -> EXEC Dial on wire", toDial.length, ms(toDial, 0.50), ms(toDial, 0.99), ms(toDial, 1.0),
        paceMicros);
    System.out.printf(Locale.ROOT, "RESULT telephony ami_events_per_s=NA agi_sessions=%d agi_p99_ms=%.3f"
        + " assign_to_dial_p99_ms=%.3f agi_server_p99_ms=%.3f%s%n", sessions, roundTrip[2] / 1e6, ms(toDial, 0.99),
        ms(server, 0.99), cpu);
  }

  /**
   * The server's share of each command round trip, told by every call's {@link AgiConnection}: from
   * reading the client's reply to writing the next command (no wake-up of either side in it), kept
   * for the first {@value #COMMANDS} commands of each call.
   */
  private static final class ServerTurnarounds implements AgiConnection.Turnarounds {
    private static final int COMMANDS = 16;
    private final long[][] byCommand;
    private final java.util.concurrent.atomic.AtomicIntegerArray counts = new java.util.concurrent.atomic.AtomicIntegerArray(COMMANDS + 1);

    ServerTurnarounds(int sessions) {
      this.byCommand = new long[COMMANDS + 1][sessions * 2];
    }

    @Override
    public void took(int command, long nanos) {
      if (command <= COMMANDS) {
        int i = counts.getAndIncrement(command);
        if (i < byCommand[command].length) {
          byCommand[command][i] = nanos;
        }
      }
    }

    /** The turnarounds of commands 2..{@code last} of every call, sorted. */
    long[] sorted(int last) {
      java.util.stream.LongStream all = java.util.stream.LongStream.empty();
      for (int command = 2; command <= Math.min(last, COMMANDS); command++) {
        int n = Math.min(counts.get(command), byCommand[command].length);
        all = java.util.stream.LongStream.concat(all, Arrays.stream(byCommand[command], 0, n));
      }
      return all.sorted().toArray();
    }
  }

  private static double ms(long[] sorted, double quantile) {
    return FastAgiLoadClient.ms(sorted, quantile);
  }

  private static AgentId agent(int i) {
    return new AgentId(String.format("op-%03d", i));
  }
}
