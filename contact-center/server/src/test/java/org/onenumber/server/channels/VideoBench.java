package org.onenumber.server.channels;

import static org.onenumber.server.channels.BrowserStoryIT.click;
import static org.onenumber.server.channels.BrowserStoryIT.waitFor;
import static org.onenumber.server.channels.VideoCallBrowserIT.framesDecoded;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * {@code bin/bench video}: the two figures on loopback.
 *
 * <ol>
 *   <li>Accept to first decoded remote frame: a citizen Chromium calls from {@code /call/}, the
 *       signing operator op-034 accepts in the console; from the click on Accept until
 *       {@code getStats()} shows a decoded video frame on <em>both</em> sides (polled over
 *       WebDriver, so a figure includes up to one poll round trip), for {@code --calls} calls, one
 *       after another (the citizen hangs up between them). p50, p95, max.
 *   <li>Signalling relay: {@link SignalRelayBench} with {@code --idle} waiting call sockets open.
 * </ol>
 *
 * Last line: {@code RESULT video calls=… first_frame_p95_ms=… idle_sockets=… relay_p99_ms=… load=…}.
 * Usage: {@code bin/bench video [--calls 20] [--idle 500] [--messages 1000]}. Never run it for
 * figures while other builds run; the load average is printed with the result.
 */
public final class VideoBench {

  private static final Duration FIRST_FRAME_DEADLINE = Duration.ofSeconds(60);

  private VideoBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, Integer> options = options(args, Map.of("calls", 20, "idle", 500, "messages", 1000));
    List<Long> firstFrames = acceptToFirstFrames(options.get("calls"));
    SignalRelayBench.Result relay = SignalRelayBench.run(options.get("idle"), options.get("messages"));
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    System.out.printf(Locale.ROOT, "%-40s %8s%n", "figure", "ms");
    System.out.printf(Locale.ROOT, "%-40s %8d%n", "accept to first frame, both sides, p50", percentile(firstFrames, 50));
    System.out.printf(Locale.ROOT, "%-40s %8d%n", "accept to first frame, both sides, p95", percentile(firstFrames, 95));
    System.out.printf(Locale.ROOT, "%-40s %8d%n", "accept to first frame, both sides, max", percentile(firstFrames, 100));
    System.out.printf(Locale.ROOT, "%-40s %8.2f%n", "signal relay p50 (" + relay.idleSockets() + " idle sockets)",
        relay.p50Ms());
    System.out.printf(Locale.ROOT, "%-40s %8.2f%n", "signal relay p99", relay.p99Ms());
    System.out.printf(Locale.ROOT, "RESULT video calls=%d first_frame_p50_ms=%d first_frame_p95_ms=%d first_frame_max_ms=%d"
            + " idle_sockets=%d relay_messages=%d relay_p50_ms=%.2f relay_p99_ms=%.2f load=%.2f%n",
        firstFrames.size(), percentile(firstFrames, 50), percentile(firstFrames, 95), percentile(firstFrames, 100),
        relay.idleSockets(), relay.messages(), relay.p50Ms(), relay.p99Ms(), load);
    System.exit(0);
  }

  /** Milliseconds from Accept until both sides decoded a frame, one entry per call. */
  static List<Long> acceptToFirstFrames(int calls) throws IOException {
    ServerHarness server = new ServerHarness(Files.createTempDirectory("onenumber-bench"), Map.of()).start();
    Browsers browsers = new Browsers();
    List<Long> millis = new ArrayList<>();
    try {
      ConsolePage console = new ConsolePage(browsers.openWithFakeMediaAtItsOwnRate(), server.uri()).signIn("op-034").ready();
      console.choose("AVAILABLE");
      ChromeDriver citizen = browsers.openWithFakeMediaAtItsOwnRate();
      for (int i = 0; i < calls; i++) {
        citizen.get(server.uri() + "/call/?lang=en");
        click(citizen, By.id("call-sign"));
        waitFor(citizen).until(ExpectedConditions.textMatches(By.id("status"), Pattern.compile("Waiting|in line")));
        WebElement accept = console.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#offers button.accept")));
        long accepted = System.nanoTime();
        accept.click();
        millis.add(untilBothDecode(citizen, console.driver, accepted));
        click(citizen, By.id("hangup"));
        waitFor(citizen).until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        console.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".video-panel")));
        System.out.printf(Locale.ROOT, "call %d: %d ms%n", i + 1, millis.get(i));
      }
    } finally {
      browsers.afterEach(null);
      server.close();
    }
    return millis;
  }

  private static long untilBothDecode(ChromeDriver citizen, ChromeDriver operator, long accepted) {
    long deadline = accepted + FIRST_FRAME_DEADLINE.toNanos();
    long citizenAt = -1;
    long operatorAt = -1;
    while (citizenAt < 0 || operatorAt < 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no decoded frame within " + FIRST_FRAME_DEADLINE);
      }
      if (citizenAt < 0 && framesDecoded(citizen, "window.onenumberCall") > 0) {
        citizenAt = System.nanoTime();
      }
      String contact = (String) citizen.executeScript("return window.onenumberCall && window.onenumberCall.contactId");
      if (operatorAt < 0 && contact != null
          && framesDecoded(operator, "window.onenumberCalls && window.onenumberCalls['" + contact + "']") > 0) {
        operatorAt = System.nanoTime();
      }
    }
    return (Math.max(citizenAt, operatorAt) - accepted) / 1_000_000;
  }

  static long percentile(List<Long> values, int p) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.isEmpty() ? -1 : sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  static Map<String, Integer> options(String[] args, Map<String, Integer> defaults) {
    Map<String, Integer> options = new HashMap<>(defaults);
    for (int i = 0; i + 1 < args.length; i += 2) {
      String name = args[i].replaceFirst("^--", "");
      if (!defaults.containsKey(name)) {
        throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + defaults.keySet());
      }
      options.put(name, Integer.parseInt(args[i + 1]));
    }
    return options;
  }
}
