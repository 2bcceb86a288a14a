package org.onenumber.telephony.asterisk;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.port.in.RouteContact;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.testkit.FakeAgentDevices;
import org.onenumber.testkit.asterisk.AmiReplayPeer;
import org.onenumber.testkit.asterisk.AsteriskCapture;

/**
 * AMI ingest benchmark ({@code bin/bench telephony}): the replay peer writes the recorded events of
 * scenario 01 (an answered call: 100+ events of every kind) over loopback as fast as the socket
 * takes them; the full adapter (Asterisk-Java's reader, our translation, a routing port that only
 * counts) consumes them. Prints {@code ami_events_per_s=N} (events translated per second, best of
 * the measured rounds after a warm-up round). Usage: {@code AmiIngestBench [events-per-round [rounds]]}.
 */
public final class AmiIngestBench {

  private AmiIngestBench() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    AtomicLong commands = new AtomicLong();
    RouteContact counting = new RouteContact() {
      @Override
      public Decisions route(RoutingCommand command) {
        commands.incrementAndGet();
        return new Decisions(java.util.List.of(), java.util.List.of(), null);
      }

      @Override
      public void routeLater(RoutingCommand command) {
        commands.incrementAndGet();
      }
    };
    AsteriskCapture capture = AsteriskCapture.load("01-inbound-answered");
    try (AmiReplayPeer peer = AmiReplayPeer.start("01-inbound-answered").holdScript()) {
      AsteriskCalls calls = new AsteriskCalls();
      calls.open(new AsteriskCalls.Call(new ContactId("bench"), "PJSIP/caller-00000000", "u", "u"));
      AmiSettings settings = AmiSettings.loopback(peer.port(), AmiReplayPeer.USERNAME, AmiReplayPeer.SECRET)
          .withAcceptOnDialEnd(true);
      FakeAgentDevices devices = new FakeAgentDevices();
      try (AsteriskAmi ami = new AsteriskAmi(settings, calls, devices, counting, CallRecordings.NONE,
          Clock.systemUTC()).start()) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!ami.status().up() && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
        double best = 0;
        for (int r = 0; r <= rounds; r++) {
          long before = ami.events().received();
          long start = System.nanoTime();
          peer.blast(capture, events);
          long seen = 0;
          long lastProgress = System.nanoTime();
          long end = lastProgress;
          while (seen < events && System.nanoTime() - lastProgress < Duration.ofSeconds(2).toNanos()) {
            long now = ami.events().received() - before;
            if (now != seen) {
              seen = now;
              lastProgress = System.nanoTime();
              end = lastProgress;
            }
            Thread.onSpinWait();
          }
          double seconds = (end - start) / 1e9;
          double rate = (ami.events().received() - before) / seconds;
          System.out.printf("round %d%s: %d events in %.3f s = %.0f events/s%n", r, r == 0 ? " (warm-up)" : "",
              ami.events().received() - before, seconds, rate);
          if (r > 0) {
            best = Math.max(best, rate);
          }
        }
        System.out.printf("ami_events_per_s=%.0f%n", best);
      }
    }
  }
}
