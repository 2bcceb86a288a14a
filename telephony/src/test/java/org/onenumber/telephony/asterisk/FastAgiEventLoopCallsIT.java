package org.onenumber.telephony.asterisk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
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
 * The bench's event-loop Asterisk ({@link FastAgiEventLoopCalls}, through {@link
 * FastAgiLoadClient#withEventLoop}) against the real FastAGI server: a short round of 20 calls, all
 * open at once, each through the IVR (Korean, an operator), offered, dialled with the operator's
 * {@code U()} leg, hung up and closed by the server; one client thread for all of them, and the
 * machine lines the bench parses.
 */
class FastAgiEventLoopCallsIT {

  private static final int CALLS = 20;

  @Test
  void twentyCallsOnOneThreadReachDialAndPrintTheBenchLines() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    RecordingRouting routing = new RecordingRouting();
    AsteriskCalls calls = new AsteriskCalls();
    FakeAgentDevices devices = new FakeAgentDevices();
    for (int i = 1; i <= CALLS; i++) {
      devices.put(agent(i), "PJSIP/" + agent(i).value());
    }
    IvrSettings settings = IvrSettings.defaults().withPort(port);
    java.util.Set<Thread> before = Thread.getAllStackTraces().keySet(); // other tests' threads in this JVM
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (AgiIvrServer server = new AgiIvrServer(new Ivr(routing, routing, devices, calls, new MapCallerLanguages(),
        new FakeMessageGateway(), new CallerNumbers("KR"), settings), CALLS).start()) {
      CompletableFuture<FastAgiLoadClient.Played> played = CompletableFuture.supplyAsync(() -> {
        try {
          return FastAgiLoadClient.withEventLoop(port, CALLS, "it-", 0, 50, out);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (calls.all().size() < CALLS && System.nanoTime() < deadline) {
        LockSupport.parkNanos(10_000_000);
      }
      assertEquals(CALLS, calls.all().size(), "every call reached the waiting line, all open at once");
      List<Thread> started = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t)).toList();
      assertEquals(1, started.stream().filter(t -> t.getName().equals("fastagi-event-loop")).count(),
          "one client thread for all calls");
      assertEquals(0, started.stream().filter(t -> t.getName().startsWith("fastagi-caller-")).count(),
          "no reader thread per call");
      List<AsteriskCalls.Call> waiting = List.copyOf(calls.all());
      for (int i = 0; i < waiting.size(); i++) {
        ContactId contact = waiting.get(i).contact();
        calls.signal(contact, new CallSignal.Routed(new ContactStateChanged(contact, Channel.VOICE, Language.KOREAN,
            ContactState.QUEUED, ContactState.OFFERED, new QueueId("general-ko"), agent(i + 1), null, Instant.now())));
      }
      FastAgiLoadClient.Played result = played.get(60, TimeUnit.SECONDS);
      FastAgiLoadClient.print(result, out);

      assertEquals(CALLS, result.commands().size());
      for (List<org.onenumber.testkit.FastAgiCaller.Command> commands : result.commands()) {
        assertEquals("ANSWER", commands.get(0).text());
        assertTrue(commands.stream().anyMatch(c -> c.text().startsWith("EXEC Dial PJSIP/op-")), commands::toString);
        assertTrue(commands.stream().allMatch(c -> c.sinceReplyNanos() > 0), "every round trip was timed");
      }
      List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
      assertTrue(lines.contains("READY"));
      assertEquals("DONE", lines.get(lines.size() - 1));
      long[] roundTrip = numbers(lines, "ROUNDTRIP ");
      assertEquals(4, roundTrip.length);
      assertTrue(roundTrip[0] >= CALLS * 5L, "IVR commands after each call's first: " + roundTrip[0]);
      assertTrue(roundTrip[1] > 0 && roundTrip[1] <= roundTrip[2] && roundTrip[2] <= roundTrip[3]);
      assertEquals(CALLS, numbers(lines, "SETUP ")[0]);
      List<String> dials = lines.stream().filter(l -> l.startsWith("DIAL ")).toList();
      assertEquals(CALLS, dials.size());
      for (String dial : dials) {
        String[] words = dial.split(" ");
        assertTrue(words[1].startsWith("it-1796170000."), dial);
        assertTrue(Long.parseLong(words[2]) > 0, dial);
      }
      assertEquals(CALLS, routing.routed().stream().filter(c -> c instanceof org.onenumber.core.routing.RoutingCommand.Accept).count(),
          "every operator's answer reached the engine through the U() leg");
    }
  }

  private static long[] numbers(List<String> lines, String prefix) {
    String line = lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    return Arrays.stream(line.substring(prefix.length()).split(" ")).mapToLong(Long::parseLong).toArray();
  }

  private static AgentId agent(int i) {
    return new AgentId(String.format("op-%03d", i));
  }
}
