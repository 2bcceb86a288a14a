package org.onenumber.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.Channel;

/**
 * Two thousand callers in the IVR at once cost the simulator no thread each (session 17; before, a
 * virtual thread and a FastAGI reader thread per call: New York's record day peaked at 7,603
 * threads). A FastAGI peer plays the server's IVR on the real wire (each session on a virtual
 * thread of the peer's, invisible to the count): it reads the caller's environment block, sends
 * {@code ANSWER} and the language menu's {@code GET DATA}, checks the key against the caller's
 * language, and then holds every caller before the music until all 2,000 are held. Meanwhile the
 * simulator may have added at most 32 platform threads (its HTTP clients' selectors, the timer, the
 * phone line, the dispatcher). Then the peer plays {@code EXEC StartMusicOnHold}: the day is
 * already over, so each caller gives up at once with the unsolicited {@code HANGUP} (capture 02),
 * and every call is in the ledger as a contact the caller abandoned.
 */
class ThreadlessCallersTest {

  private static final int CALLERS = 2000;
  private static final List<String> LANGUAGES = List.of("ko", "en", "zh", "ja");
  private static final String PEER = SimulationInBackground.PEER;

  @Test
  void twoThousandCallersInTheIvrHoldNoThreadOfTheirOwn() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger held = new AtomicInteger();
    AtomicInteger hungUp = new AtomicInteger();
    Queue<String> wrong = new ConcurrentLinkedQueue<>();
    Map<String, AtomicInteger> keys = new ConcurrentHashMap<>();
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    http.setExecutor(Executors.newFixedThreadPool(2, r -> new Thread(r, PEER + "http")));
    http.createContext("/", exchange -> { // no operators, no queues, no clock: callers only
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    http.start();
    try (ServerSocket agi = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress())) {
      Thread.ofPlatform().name(PEER + "agi").daemon().start(() -> acceptCalls(agi, release, held, hungUp, wrong, keys));
      URI base = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
      SimulationOptions options = new SimulationOptions(base, "poisson", CALLERS, 1000, 1, 1, null, "demo1234", 60, 60,
          0).phoningAgi(agi.getLocalPort());
      List<Arrival> trace = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        trace.add(new Arrival(0, Channel.VOICE, LANGUAGES.get(i % LANGUAGES.size()), "water", "water", "caller-" + i));
      }
      long before = SimulationInBackground.simulatorThreads();
      Simulation simulation = new Simulation(options, trace).closingAfterLastArrival(0)
          .callersWaitingForMusic(Duration.ofSeconds(120));
      SimulationInBackground run = SimulationInBackground.start(simulation);
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (held.get() < CALLERS && System.nanoTime() < until) {
        TimeUnit.MILLISECONDS.sleep(20);
      }
      assertEquals(CALLERS, held.get(), "every caller answered the language menu and waits for the music; "
          + "the peer found: " + wrong);
      long during = SimulationInBackground.simulatorThreads();
      String which = SimulationInBackground.simulatorThreadKinds();
      System.out.println("[threadless callers] " + CALLERS + " held in the IVR: the simulator added " + (during - before)
          + " platform threads; all but the peer's: " + which);
      release.countDown();
      SimulationLedger ledger = run.join(Duration.ofSeconds(90));

      assertTrue(during - before <= 32, "platform threads the simulator added while " + CALLERS
          + " callers waited in the IVR: " + (during - before) + ", all but the peer's: " + which);
      assertTrue(wrong.isEmpty(), "the callers' wire: " + wrong);
      assertEquals(CALLERS, hungUp.get(), "every caller hung up with the unsolicited HANGUP");
      assertEquals(Map.of("1", CALLERS / 4, "2", CALLERS / 4, "3", CALLERS / 4, "4", CALLERS / 4),
          keys.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get())),
          "the language menu answered with each caller's language (1 Korean, 2 English, 3 Chinese, 4 Japanese)");
      SimulationLedger.Summary summary = ledger.summary(15);
      assertEquals(CALLERS, summary.offered(), "every call opened at the music");
      assertEquals(CALLERS, summary.abandoned(), "every caller gave up: the day was over");
      assertEquals(0, ledger.timeouts() + ledger.callErrors(), "no timeout, no error");
      assertEquals(0, ledger.phoning.get(), "no caller still on the line");
    } finally {
      release.countDown();
      http.stop(0);
    }
  }

  /** The peer's IVR: a virtual thread per session (not the simulator's). */
  private static void acceptCalls(ServerSocket agi, CountDownLatch release, AtomicInteger held, AtomicInteger hungUp,
      Queue<String> wrong, Map<String, AtomicInteger> keys) {
    while (!agi.isClosed()) {
      try {
        Socket socket = agi.accept();
        Thread.ofVirtual().start(() -> session(socket, release, held, hungUp, wrong, keys));
      } catch (IOException closed) {
        return;
      }
    }
  }

  /** ANSWER, the language menu, held until released, the music, then the caller's HANGUP. */
  private static void session(Socket socket, CountDownLatch release, AtomicInteger held, AtomicInteger hungUp,
      Queue<String> wrong, Map<String, AtomicInteger> keys) {
    try (socket) {
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      boolean citizensNumber = false;
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        expect(!line.startsWith("agi_network_script: ") || line.equals("agi_network_script: ivr"), line, wrong);
        citizensNumber |= line.startsWith("agi_callerid: +8210");
      }
      expect(citizensNumber, "no caller id from the citizen's number", wrong);
      expect(ask(in, out, "ANSWER").equals("200 result=0"), "ANSWER's reply", wrong);
      String key = ask(in, out, "GET DATA onenumber/language-menu 5000 1");
      keys.computeIfAbsent(key.replace("200 result=", ""), k -> new AtomicInteger()).incrementAndGet();
      held.incrementAndGet();
      release.await(120, TimeUnit.SECONDS);
      expect(ask(in, out, "EXEC StartMusicOnHold default").equals("200 result=0"), "the music's reply", wrong);
      String next = in.readLine();
      if ("HANGUP".equals(next)) {
        hungUp.incrementAndGet();
      } else {
        wrong.add("after the music: " + next);
      }
    } catch (IOException | InterruptedException e) {
      wrong.add("peer: " + e);
    }
  }

  private static String ask(BufferedReader in, OutputStream out, String command) throws IOException {
    out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    String reply = in.readLine();
    return reply == null ? "(closed)" : reply;
  }

  private static void expect(boolean ok, String what, Queue<String> wrong) {
    if (!ok && wrong.size() < 20) {
      wrong.add(what);
    }
  }
}
