package org.onenumber.telephony.asterisk;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.port.in.RecordCheckIn;
import org.onenumber.core.port.out.OutboundCall;
import org.onenumber.core.welfare.CallOutcome;
import org.onenumber.testkit.FakeAgentDevices;
import org.onenumber.testkit.FakeMessageGateway;
import org.onenumber.testkit.FastAgiCaller;
import org.onenumber.testkit.asterisk.AmiReplayPeer;

/**
 * The dialer half of {@code bin/bench outbound} (#16): welfare check-ins fall due at a steady
 * {@code rate} per second and each is placed the moment it is due through the real Asterisk
 * adapter ({@link AsteriskCallControl#originate}: an AMI {@code Originate} written by Asterisk-Java)
 * to the local AMI replay peer, which takes every action's arrival time. A seeded share of the
 * calls is answered: the answered senior's channel connects to the FastAGI check-in script (a
 * {@link FastAgiCaller} with the Originate's variables) and presses 1.
 *
 * <p>Figures: calls placed per second (Originates that reached the peer over the time they were
 * due), due time → Originate on the wire p50/p99, answer → the check-in question on the line
 * ({@code GET DATA …/check-in}) p50/p99, and the abandonment rate under the pacing rule. The pacing
 * rule: at most {@code lines} check-ins in flight (answered and in the script); a due call waits for
 * a free line, so an overloaded dialer shows as lateness, not as drops. An answered senior who
 * hears no question within {@value #ABANDON_AFTER_MS} ms (silence) counts as abandoned.
 * Last line: {@code RESULT outbound-dialer calls=… placed_per_s=… originate_p50_ms=…
 * originate_p99_ms=… answer_to_ivr_p99_ms=… abandoned_pct=…}.
 * Usage: {@code OutboundDialerBench [rate [seconds [answered-share [lines]]]]}.
 */
public final class OutboundDialerBench {

  static final long ABANDON_AFTER_MS = 2_000;

  private OutboundDialerBench() {}

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    double answeredShare = args.length > 2 ? Double.parseDouble(args[2]) : 0.5;
    int lines = args.length > 3 ? Integer.parseInt(args[3]) : 400;
    System.out.printf(Locale.ROOT, "warm-up: %d calls at %d/s (not measured)%n", rate, rate);
    run(rate, 1, answeredShare, lines, "warmup-", false);
    run(rate, seconds, answeredShare, lines, "", true);
  }

  private static void run(int rate, int seconds, double answeredShare, int lines, String prefix, boolean print)
      throws Exception {
    int calls = rate * seconds;
    long[] due = new long[calls];
    long[] wire = new long[calls];
    long[] toIvr = new long[calls];
    Arrays.fill(toIvr, -1);
    boolean[] answered = new boolean[calls];
    SplittableRandom random = new SplittableRandom(16);
    for (int i = 0; i < calls; i++) {
      answered[i] = random.nextDouble() < answeredShare;
    }
    Map<String, Integer> byActionId = new ConcurrentHashMap<>();
    AtomicInteger abandoned = new AtomicInteger();
    Semaphore free = new Semaphore(lines);
    ExecutorService answering = Executors.newFixedThreadPool(16, Thread.ofPlatform().daemon().name("bench-answer-", 0)
        .factory());
    int agiPort = freePort();
    RecordingRouting routing = new RecordingRouting();
    RecordCheckIn outcomes = new RecordCheckIn() {
      @Override
      public boolean record(ContactId contact, CallOutcome outcome) {
        return true;
      }

      @Override
      public boolean reply(CitizenIdentity.Phone from, String body) {
        return false;
      }
    };
    try (AmiReplayPeer peer = AmiReplayPeer.start("04a-originate-answered");
        AgiIvrServer agi = new AgiIvrServer(new Ivr(routing, routing, new FakeAgentDevices(), new AsteriskCalls(),
            new MapCallerLanguages(), new FakeMessageGateway(), new CallerNumbers("KR"),
            IvrSettings.defaults().withPort(agiPort)), 50, new CheckIns(outcomes, new QueueId("welfare-outbound"), 80))
            .start();
        AsteriskAmi ami = new AsteriskAmi(AmiSettings.loopback(peer.port(), AmiReplayPeer.USERNAME,
            AmiReplayPeer.SECRET), new AsteriskCalls(), new FakeAgentDevices(), routing, CallRecordings.NONE,
            Clock.systemUTC()).start()) {
      peer.onAction(action -> {
        String id = String.valueOf(action.get("ActionID"));
        Integer i = byActionId.get(id.substring(id.indexOf('#') + 1)); // Asterisk-Java prefixes "<connection>#"
        if (i != null && "Originate".equalsIgnoreCase(action.get("Action"))) {
          wire[i] = System.nanoTime();
          if (answered[i]) {
            answering.execute(() -> answer(agiPort, prefix, i, toIvr, abandoned, free));
          } else {
            free.release();
          }
        }
      });
      long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!ami.status().up() && System.nanoTime() < until) {
        LockSupport.parkNanos(1_000_000);
      }
      AsteriskCallControl control = ami.callControl();
      long period = 1_000_000_000L / rate;
      long start = System.nanoTime() + 100_000_000L;
      for (int i = 0; i < calls; i++) {
        due[i] = start + i * period;
        byActionId.put("onenumber-checkin-" + prefix + "bench-" + i, i);
        if (!free.tryAcquire(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("no free line for 10 s at call " + i);
        }
        for (long left = due[i] - System.nanoTime(); left > 0; left = due[i] - System.nanoTime()) {
          if (left > 200_000) {
            LockSupport.parkNanos(left - 100_000);
          } else {
            Thread.onSpinWait();
          }
        }
        control.originate(new OutboundCall(new ContactId(prefix + "bench-" + i),
            new CitizenIdentity.Phone(String.format("+8210%08d", i)), Language.KOREAN, "welfare-check-in", false));
      }
      long waitUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (Arrays.stream(wire).anyMatch(w -> w == 0) && System.nanoTime() < waitUntil) {
        LockSupport.parkNanos(10_000_000);
      }
      answering.shutdown();
      answering.awaitTermination(2, TimeUnit.MINUTES);
    }
    if (print) {
      report(due, wire, toIvr, answered, abandoned.get());
    }
  }

  /** The senior answers: their channel runs the check-in script, hears the question, presses 1. */
  private static void answer(int port, String prefix, int i, long[] toIvr, AtomicInteger abandoned, Semaphore free) {
    long answeredAt = System.nanoTime();
    try (FastAgiCaller senior = FastAgiCaller.call(InetAddress.getLoopbackAddress(), port,
        FastAgiCaller.environment("PJSIP/trunk-" + prefix + i, prefix + "1796180000." + i, "0215880120", "checkin"))
        .variable("ONENUMBER_CONTACT", prefix + "bench-" + i).variable("ONENUMBER_LANGUAGE", "ko")
        .variable("ONENUMBER_SLOW", "0").variable("ONENUMBER_PHONE", String.format("+8210%08d", i)).press("1")
        .start()) {
      FastAgiCaller.Command question = senior.await("GET DATA", Duration.ofMillis(ABANDON_AFTER_MS));
      toIvr[i] = question.atNanos() - answeredAt;
      senior.awaitClosed(Duration.ofSeconds(10));
    } catch (AssertionError | IOException e) {
      abandoned.incrementAndGet();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      free.release();
    }
  }

  private static void report(long[] due, long[] wire, long[] toIvr, boolean[] answered, int abandoned) {
    int calls = due.length;
    double[] late = new double[calls];
    long last = 0;
    for (int i = 0; i < calls; i++) {
      late[i] = wire[i] == 0 ? Double.POSITIVE_INFINITY : (wire[i] - due[i]) / 1e6;
      last = Math.max(last, wire[i]);
    }
    Arrays.sort(late);
    double[] ivr = Arrays.stream(toIvr).filter(t -> t >= 0).mapToDouble(t -> t / 1e6).sorted().toArray();
    int answeredCalls = (int) java.util.stream.IntStream.range(0, calls).filter(i -> answered[i]).count();
    double placedPerS = calls / ((last - due[0]) / 1e9);
    System.out.printf(Locale.ROOT, "due -> Originate on the wire: n=%d p50=%.3f p99=%.3f max=%.3f ms%n", calls,
        pct(late, 0.5), pct(late, 0.99), late[calls - 1]);
    System.out.printf(Locale.ROOT, "answer -> check-in question:  n=%d p50=%.3f p99=%.3f max=%.3f ms%n", ivr.length,
        pct(ivr, 0.5), pct(ivr, 0.99), ivr.length == 0 ? Double.NaN : ivr[ivr.length - 1]);
    System.out.printf(Locale.ROOT, "RESULT outbound-dialer calls=%d placed_per_s=%.1f originate_p50_ms=%.3f"
        + " originate_p99_ms=%.3f answer_to_ivr_p99_ms=%.3f abandoned_pct=%.2f%n", calls, placedPerS, pct(late, 0.5),
        pct(late, 0.99), pct(ivr, 0.99), answeredCalls == 0 ? 0 : 100.0 * abandoned / answeredCalls);
  }

  private static double pct(double[] sorted, double p) {
    return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }
}
