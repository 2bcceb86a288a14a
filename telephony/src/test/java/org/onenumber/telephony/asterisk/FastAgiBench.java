package org.onenumber.telephony.asterisk;

import java.net.InetAddress;
import java.net.ServerSocket;
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
import org.onenumber.testkit.FastAgiCaller;

/**
 * Load driver for the FastAGI IVR ({@code bin/bench telephony}): N concurrent calls (500 by
 * default) replayed from the Asterisk captures over real TCP go through the IVR to the waiting
 * loop at once; the per-command round trip is the time from this client's reply to the server's
 * next command, over every IVR command of every call. Then each waiting call is offered to an
 * operator (one offer every {@code pace} µs, the routing decision simulated by putting the engine's
 * OFFERED event in the call's mailbox, as the server's forwarder does) and the time until {@code
 * EXEC Dial} reaches the wire is measured. Prints a table and, last, {@code RESULT telephony …}
 * with {@code ami_events_per_s=NA} (the AMI part is measured separately).
 */
public final class FastAgiBench {

  private FastAgiBench() {}

  public static void main(String[] args) throws Exception {
    int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    long paceMicros = args.length > 1 ? Long.parseLong(args[1]) : 2_000;
    int warm = args.length > 2 ? Integer.parseInt(args[2]) : sessions;
    System.out.println("warm-up round (" + Math.min(100, sessions) + " calls, not measured)");
    round(Math.min(100, sessions), paceMicros, "warmup-", false, Math.min(warm, 100));
    System.out.println("session threads started with the server: " + warm);
    round(sessions, paceMicros, "", true, warm);
  }

  /** One round: {@code sessions} calls through the IVR at once, each offered, dialled and hung up. */
  private static void round(int sessions, long paceMicros, String prefix, boolean print, int warm) throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    RecordingRouting routing = new RecordingRouting();
    AsteriskCalls calls = new AsteriskCalls();
    FakeAgentDevices devices = new FakeAgentDevices();
    for (int i = 1; i <= sessions; i++) {
      devices.put(agent(i), "PJSIP/" + agent(i).value());
    }
    IvrSettings settings = IvrSettings.defaults().withPort(port);
    try (AgiIvrServer server = new AgiIvrServer(new Ivr(routing, routing, devices, calls, new MapCallerLanguages(),
        new FakeMessageGateway(), new CallerNumbers("KR"), settings), warm).start()) {
      List<FastAgiCaller> callers = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < sessions; i++) {
        callers.add(FastAgiCaller.call(InetAddress.getLoopbackAddress(), port,
            FastAgiCaller.environment("PJSIP/" + prefix + "caller-" + i, prefix + "1796170000." + i, String.format("0105555%04d", i), "ivr"))
            .press("1", "1").onDial(device -> FastAgiCaller.DialOutcome.ANSWER).start());
      }
      int peak = 0;
      while (calls.all().size() < sessions) {
        peak = Math.max(peak, server.activeSessions());
        if (System.nanoTime() - start > Duration.ofMinutes(3).toNanos()) {
          throw new IllegalStateException("only " + calls.all().size() + " of " + sessions + " calls reached the line");
        }
        LockSupport.parkNanos(1_000_000);
      }
      peak = Math.max(peak, server.activeSessions());
      double ivrSeconds = (System.nanoTime() - start) / 1e9;
      long[] roundTrips = ivrRoundTrips(callers, false);
      long[] setups = ivrRoundTrips(callers, true);
      Map<String, long[]> byCommand = ivrRoundTripsByCommand(callers);

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
      long[] toDial = new long[callers.size()];
      for (int i = 0; i < callers.size(); i++) {
        FastAgiCaller caller = callers.get(i);
        FastAgiCaller.Command dial = caller.await("EXEC Dial", Duration.ofSeconds(60));
        toDial[i] = dial.atNanos() - offeredAt.get(caller.environment().get("agi_uniqueid"));
      }
      for (FastAgiCaller caller : callers) {
        caller.hangUp();
      }
      for (FastAgiCaller caller : callers) {
        caller.awaitClosed(Duration.ofSeconds(60));
      }
      if (print) {
        byCommand.forEach((verb, sorted) -> System.out.printf(Locale.ROOT, "  %-38s n=%d p50=%.3f p99=%.3f max=%.3f ms%n",
            verb, sorted.length, ms(sorted, 0.50), ms(sorted, 0.99), ms(sorted, 1.0)));
        System.out.printf(Locale.ROOT, "%-40s n=%d p50=%.3f p99=%.3f max=%.3f ms%n",
            "session setup (environment -> 1st cmd)", setups.length, ms(setups, 0.50), ms(setups, 0.99), ms(setups, 1.0));
        long[] both = java.util.stream.LongStream.concat(Arrays.stream(roundTrips), Arrays.stream(setups)).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-40s n=%d p50=%.3f p99=%.3f max=%.3f ms (the figure before 2026-12-02)%n",
            "commands incl. session setup", both.length, ms(both, 0.50), ms(both, 0.99), ms(both, 1.0));
        report(sessions, peak, ivrSeconds, roundTrips, toDial, paceMicros);
      }
    }
  }

  /**
   * Round trips of every command after the first up to and including the first music on hold (the
   * IVR part), or ({@code first}) of the first commands only: the first command answers no reply of
   * ours but the environment block, so its time is the session's setup (accept, hand-over to a
   * session thread, reading the environment), reported apart.
   */
  private static long[] ivrRoundTrips(List<FastAgiCaller> callers, boolean first) {
    List<Long> all = new ArrayList<>();
    for (FastAgiCaller caller : callers) {
      boolean isFirst = true;
      for (FastAgiCaller.Command command : caller.commands()) {
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

  /**
   * The same round trips by command (the first command of a call separately: its round trip starts
   * when the caller sent the environment, so it includes the connection's accept and hand-over to a
   * session thread).
   */
  private static Map<String, long[]> ivrRoundTripsByCommand(List<FastAgiCaller> callers) {
    Map<String, List<Long>> all = new java.util.TreeMap<>();
    for (FastAgiCaller caller : callers) {
      boolean first = true;
      for (FastAgiCaller.Command command : caller.commands()) {
        String verb = command.text().startsWith("EXEC ") ? command.text().split(" ", 3)[0] + " " + command.text().split(" ", 3)[1]
            : command.text().split(" ", 2)[0];
        all.computeIfAbsent((first ? "first: " : "") + verb, k -> new ArrayList<>()).add(command.sinceReplyNanos());
        first = false;
        if (command.text().startsWith("EXEC StartMusicOnHold")) {
          break;
        }
      }
    }
    Map<String, long[]> sorted = new java.util.TreeMap<>();
    all.forEach((k, v) -> sorted.put(k, v.stream().mapToLong(Long::longValue).sorted().toArray()));
    return sorted;
  }

  private static void report(int sessions, int peak, double ivrSeconds, long[] roundTrips, long[] toDial,
      long paceMicros) {
    Arrays.sort(toDial);
    System.out.printf(Locale.ROOT, "%-40s %d (peak active %d)%n", "concurrent FastAGI sessions", sessions, peak);
    System.out.printf(Locale.ROOT, "%-40s %.2f s for all to reach the line%n", "IVR phase", ivrSeconds);
    System.out.printf(Locale.ROOT, "%-40s n=%d p50=%.3f p99=%.3f max=%.3f ms%n", "command round trip (after the 1st)", roundTrips.length,
        ms(roundTrips, 0.50), ms(roundTrips, 0.99), ms(roundTrips, 1.0));
    System.out.printf(Locale.ROOT, "%-40s n=%d p50=%.3f p99=%.3f max=%.3f ms (one offer every %d us)%n",
        "OFFERED in mailbox -> EXEC Dial on wire", toDial.length, ms(toDial, 0.50), ms(toDial, 0.99), ms(toDial, 1.0),
        paceMicros);
    System.out.printf(Locale.ROOT, "RESULT telephony ami_events_per_s=NA agi_sessions=%d agi_p99_ms=%.3f"
        + " assign_to_dial_p99_ms=%.3f%n", sessions, ms(roundTrips, 0.99), ms(toDial, 0.99));
  }

  private static double ms(long[] sorted, double quantile) {
    int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  private static AgentId agent(int i) {
    return new AgentId(String.format("op-%03d", i));
  }
}
