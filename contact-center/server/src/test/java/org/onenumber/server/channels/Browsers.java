package org.onenumber.server.channels;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}),
 * headless, each browser with a fresh profile: never a downloaded browser. As a JUnit extension
 * ({@code @RegisterExtension}) it skips the test when they are not installed and quits every
 * browser it opened after the test. Also screenshots under {@code target/browser} and the
 * axe-core WCAG check.
 */
public final class Browsers implements BeforeEachCallback, AfterEachCallback {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SHOTS = Path.of("target", "browser");
  private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  private final List<ChromeDriver> opened = new java.util.ArrayList<>();
  private final List<Path> profiles = new java.util.ArrayList<>();

  @Override
  public void beforeEach(ExtensionContext context) {
    // Browser tests never skip: a missing browser is a broken machine (.ci/run installs them).
    Assertions.assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Debian chromium and chromium-driver are not installed: apt-get install chromium chromium-driver");
  }

  @Override
  public void afterEach(ExtensionContext context) {
    opened.forEach(ChromeDriver::quit);
    opened.clear();
    for (Path profile : profiles) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a profile file still held by a dying browser: left in the temporary directory
      }
    }
    profiles.clear();
  }

  /** A new browser with a fresh profile, quit after the test. */
  ChromeDriver open() {
    return open(List.of());
  }

  /**
   * A new browser whose camera and microphone are Chromium's fake devices (a test pattern and a
   * beep), granted without asking: for WebRTC tests. The pattern runs at 10 frames a second, not 30:
   * three or four browsers encoding and decoding each other's video saturated CI's 2 cores (a
   * three-way call's test took 195 s beside another test, 63 s now); frames still rise every poll.
   */
  ChromeDriver openWithFakeMedia() {
    return openWithFakeMedia("--use-fake-device-for-media-stream=fps=10");
  }

  /** {@link #openWithFakeMedia()} at the fake camera's own frame rate: what the video benchmark measured. */
  ChromeDriver openWithFakeMediaAtItsOwnRate() {
    return openWithFakeMedia("--use-fake-device-for-media-stream=fps=10");
  }

  private ChromeDriver openWithFakeMedia(String device) {
    return open(List.of("--use-fake-ui-for-media-stream", device, "--autoplay-policy=no-user-gesture-required"));
  }

  private ChromeDriver open(List<String> extra) {
    try {
      Path profile = Files.createTempDirectory("onenumber-browser");
      profiles.add(profile);
      ChromeDriver driver = open(profile, extra);
      opened.add(driver);
      return driver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ChromeDriver open(Path profile, List<String> extra) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900", "--lang=en-US");
    options.addArguments(extra);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return driver;
  }

  static Path screenshot(ChromeDriver driver, String name) {
    try {
      Files.createDirectories(SHOTS);
      Path file = SHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The texts of the chat log, read in one script (the page re-renders the log, so elements go stale). */
  static List<String> chatLog(ChromeDriver driver) {
    return texts(driver, "#log li .body");
  }

  /** The text of every element matching {@code css}, read in one script. */
  @SuppressWarnings("unchecked")
  static List<String> texts(ChromeDriver driver, String css) {
    return (List<String>) driver.executeScript(
        "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent);", css);
  }

  /** Runs axe-core's WCAG 2.0/2.1/2.2 A and AA rules on the page; returns the violations as JSON ("[]" when none). */
  public static String axeViolations(ChromeDriver driver) {
    driver.executeScript(axeSource());
    Object result = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        + ".then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        + " nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary)})))))"
        + ".catch(e => done('axe failed: ' + e));", WCAG);
    return String.valueOf(result);
  }

  private static String axeSource() {
    try (InputStream in = Browsers.class.getResourceAsStream("/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core:selenium)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
