package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onenumber.server.channels.BrowserStoryIT.click;
import static org.onenumber.server.channels.BrowserStoryIT.waitFor;

import io.micronaut.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A sign-language video call between two real Chromium browsers (fake camera and microphone) over
 * loopback: the citizen calls from {@code /call/}, routing offers the VIDEO contact to the signing
 * operator op-034, who accepts in the console; offer, answer and candidates go through
 * {@code /ws/call}; {@code getStats()} on both sides shows video frames decoded and rising. Then a
 * hang-up, and the contact's steps are checked over the API. Also axe-core on the call page in
 * all six languages. Screenshots go to {@code target/browser}.
 */
class VideoCallBrowserIT {

  private static final String PANEL = "[role=tabpanel]:not([hidden]) .video-panel";

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("spec.name", "VideoCallBrowserIT"));
  @RegisterExtension
  final Browsers browsers = new Browsers();

  private ConsolePage signingOperator() {
    return signingOperator(browsers, server);
  }

  private ChromeDriver citizenCalls(String mode) {
    return citizenCalls(browsers, server, mode);
  }

  /** The signing operator op-034, signed in and available, in a browser with fake media. */
  static ConsolePage signingOperator(Browsers browsers, ServerHarness server) {
    ConsolePage console = new ConsolePage(browsers.openWithFakeMedia(), server.uri()).signIn("op-034").ready();
    console.choose("AVAILABLE");
    return console;
  }

  /** A citizen who calls from /call/ in English ({@code sign} or {@code voice}), waiting in line. */
  static ChromeDriver citizenCalls(Browsers browsers, ServerHarness server, String mode) {
    ChromeDriver citizen = browsers.openWithFakeMedia();
    citizen.get(server.uri() + "/call/?lang=en");
    click(citizen, By.id("sign".equals(mode) ? "call-sign" : "call-voice"));
    waitFor(citizen).until(ExpectedConditions.textMatches(By.id("status"),
        java.util.regex.Pattern.compile("Waiting|in line")));
    return citizen;
  }

  static long framesDecoded(ChromeDriver driver, String peer) {
    Object frames = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "const peer = " + peer + ";"
        + "if (!peer) { done(-1); return; }"
        + "peer.quality().then(q => done(q.framesDecoded)).catch(e => done(-2));");
    return ((Number) frames).longValue();
  }

  /** Waits until {@code peer} has decoded video frames, then until it has decoded more: the picture moves. */
  static void framesDecodedAndRising(ChromeDriver driver, String peer) {
    long first = waitFor(driver).until(d -> {
      long n = framesDecoded(driver, peer);
      return n > 0 ? n : null;
    });
    waitFor(driver).until(d -> framesDecoded(driver, peer) > first);
  }

  private Map<?, ?> contact(String id) {
    return server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/contacts/" + id)
        .bearerAuth(server.login("sv-01")), Map.class);
  }

  private static List<String> states(Map<?, ?> contact) {
    return ((List<?>) contact.get("steps")).stream().map(s -> (String) ((Map<?, ?>) s).get("state")).toList();
  }

  @Test
  void aDeafCitizensVideoCallIsRoutedToASigningOperatorAndBothSeeEachOther() {
    ConsolePage console = signingOperator();
    ChromeDriver citizen = citizenCalls("sign");
    Browsers.screenshot(citizen, "video-call-waiting");

    click(console.driver, By.cssSelector("#offers button.accept"));
    waitFor(citizen).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "connected with"));
    String contactId = (String) citizen.executeScript("return window.onenumberCall && window.onenumberCall.contactId");
    String operatorPeer = "window.onenumberCalls && window.onenumberCalls['" + contactId + "']";

    framesDecodedAndRising(citizen, "window.onenumberCall");
    framesDecodedAndRising(console.driver, operatorPeer);
    waitFor(console.driver).until(ExpectedConditions.textMatches(By.cssSelector(PANEL + " .video-quality"),
        java.util.regex.Pattern.compile("Round trip \\d+ ms")));
    Browsers.screenshot(citizen, "video-call-citizen");
    Browsers.screenshot(console.driver, "video-call-operator");
    assertEquals("[]", Browsers.axeViolations(citizen), "the call page during a call");
    Map<?, ?> quality = waitFor(citizen).until(d -> {
      try {
        return server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/contacts/" + contactId + "/call-quality")
            .bearerAuth(server.login("sv-01")), Map.class);
      } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
        return null;
      }
    });
    assertTrue(((Number) quality.get("firstFrameMs")).longValue() > 0 && ((Number) quality.get("framesDecoded")).longValue() > 0,
        quality.toString());
    System.out.println("video call: accept to first decoded frame at the operator " + quality.get("firstFrameMs")
        + " ms (one call; " + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
        + " load average)");

    Instant hungUp = Instant.now();
    click(citizen, By.id("hangup"));
    waitFor(citizen).until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
    // The contact closed: the console closes its tab, and the panel got "ended" and closed its connection.
    waitFor(console.driver).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".video-panel")));
    waitFor(console.driver).until(d -> "closed".equals(console.driver.executeScript(
        "return " + operatorPeer + ".pc.signalingState")));

    Map<?, ?> contact = waitFor(citizen).until(d -> {
      Map<?, ?> c = contact(contactId);
      return "CLOSED".equals(c.get("state")) ? c : null;
    });
    assertEquals("VIDEO", contact.get("channel"));
    assertEquals("kvk", contact.get("language"));
    assertEquals("sign-language-video", contact.get("queue"));
    assertEquals("op-034", contact.get("agent"));
    assertEquals(List.of("CREATED", "QUEUED", "OFFERED", "CONNECTED", "CLOSED"), states(contact));
    List<?> steps = (List<?>) contact.get("steps");
    Instant closedAt = Instant.parse((String) ((Map<?, ?>) steps.get(4)).get("at"));
    Instant connectedAt = Instant.parse((String) ((Map<?, ?>) steps.get(3)).get("at"));
    assertTrue(!closedAt.isBefore(hungUp) && connectedAt.isBefore(closedAt), steps.toString());
  }

  @Test
  void theOperatorHangsUpAndTheCallGoesToWrapUp() {
    ConsolePage console = signingOperator();
    ChromeDriver citizen = citizenCalls("sign");
    click(console.driver, By.cssSelector("#offers button.accept"));
    waitFor(citizen).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "connected with"));
    String contactId = (String) citizen.executeScript("return window.onenumberCall.contactId");
    framesDecodedAndRising(citizen, "window.onenumberCall");
    assertEquals("[]", Browsers.axeViolations(console.driver), "the console with a video call");

    click(console.driver, By.cssSelector(PANEL + " .video-hangup"));
    waitFor(citizen).until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
    assertEquals("WRAP_UP", waitFor(citizen).until(d -> {
      Object state = contact(contactId).get("state");
      return "CONNECTED".equals(state) ? null : state;
    }));
  }

  @Test
  void aCitizenWhoseConnectionDropsResumesAndTheOperatorRestartsIce() {
    ConsolePage console = signingOperator();
    ChromeDriver citizen = citizenCalls("sign");
    click(console.driver, By.cssSelector("#offers button.accept"));
    waitFor(citizen).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "connected with"));
    framesDecodedAndRising(citizen, "window.onenumberCall");
    String ufrag = "return window.onenumberCall.pc.remoteDescription.sdp.match(/a=ice-ufrag:(\\S+)/)[1]";
    String before = (String) citizen.executeScript(ufrag);

    citizen.executeScript("window.onenumberCallSocket.close()");
    // The page resumes with its token; the console is told and offers again with an ICE restart.
    waitFor(citizen).until(d -> !before.equals(citizen.executeScript(ufrag)));
    waitFor(citizen).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "connected with"));
    framesDecodedAndRising(citizen, "window.onenumberCall");
    String contactId = (String) citizen.executeScript("return window.onenumberCall.contactId");
    // Under a loaded build machine one API read may time out: ask again rather than fail on it.
    assertEquals("CONNECTED", waitFor(citizen).ignoring(io.micronaut.http.client.exceptions.ReadTimeoutException.class)
        .until(d -> contact(contactId).get("state")), "the call went on");
  }

  @Test
  void theCallPageHasNoWcagViolationsInAnyOfTheSixLanguages() {
    ChromeDriver citizen = browsers.openWithFakeMedia();
    for (String lang : List.of("ko", "en", "zh", "ja", "vi", "mn")) {
      citizen.get(server.uri() + "/call/?lang=" + lang);
      waitFor(citizen).until(d -> lang.equals(d.findElement(By.tagName("html")).getAttribute("lang"))
          && !d.findElement(By.id("call-sign")).getText().isBlank());
      assertEquals("[]", Browsers.axeViolations(citizen), "the call page in " + lang);
    }
    click(citizen, By.id("call-voice"));
    waitFor(citizen).until(ExpectedConditions.textMatches(By.id("status"),
        java.util.regex.Pattern.compile("\\S")));
    assertEquals("[]", Browsers.axeViolations(citizen), "waiting for a voice call (mn)");
    Browsers.screenshot(citizen, "voice-call-waiting");
  }

  @Test
  void theChatsSignLanguageButtonOpensTheCallPageInTheChatsLanguage() {
    ChromeDriver citizen = browsers.openWithFakeMedia();
    citizen.get(server.uri() + "/chat/?lang=vi");
    By link = By.id("video-call");
    waitFor(citizen).until(ExpectedConditions.textToBe(link, "Gọi video bằng ngôn ngữ ký hiệu"));
    assertTrue(citizen.findElement(link).getAttribute("href").endsWith("/call/?lang=vi"),
        citizen.findElement(link).getAttribute("href"));
    assertEquals("[]", Browsers.axeViolations(citizen), "the chat with its video-call button");
    Browsers.screenshot(citizen, "chat-video-call-link");
    String chat = citizen.getWindowHandle();
    citizen.findElement(link).sendKeys(org.openqa.selenium.Keys.ENTER);
    waitFor(citizen).until(d -> d.getWindowHandles().size() == 2);
    citizen.switchTo().window(citizen.getWindowHandles().stream().filter(h -> !h.equals(chat)).findFirst().orElseThrow());
    waitFor(citizen).until(d -> "vi".equals(d.findElement(By.tagName("html")).getAttribute("lang"))
        && "Gọi video bằng ngôn ngữ ký hiệu".equals(d.findElement(By.id("call-sign")).getText()));
  }

  @Test
  void aCallOfferRingsAudiblyUntilAcceptedAndTheCitizenCanBePutInPictureInPicture() {
    ConsolePage console = signingOperator();
    ChromeDriver citizen = citizenCalls("sign");
    console.find("#offers li.ringing button.accept");
    // While the offer is open: oscillators started in a running AudioContext, and the card rings visibly.
    waitFor(console.driver).until(d -> Boolean.TRUE.equals(console.driver.executeScript(
        "const r = window.onenumberRing; return r.ringing && r.started > 0 && r.context.state === 'running'")));
    assertEquals("[]", Browsers.axeViolations(console.driver), "the console with a ringing call offer");
    WebElement mute = console.driver.findElement(By.id("ring-mute"));
    mute.sendKeys(Keys.ENTER);
    assertEquals("true", mute.getAttribute("aria-pressed"));
    long started = ((Number) console.driver.executeScript("window.onenumberRing.beep(); return window.onenumberRing.started"))
        .longValue();
    assertEquals(started, ((Number) console.driver.executeScript("window.onenumberRing.beep(); return window.onenumberRing.started"))
        .longValue(), "muted: no tone");
    mute.sendKeys(Keys.ENTER);
    assertEquals("false", mute.getAttribute("aria-pressed"));

    click(console.driver, By.cssSelector("#offers button.accept"));
    waitFor(console.driver).until(d -> Boolean.FALSE.equals(console.driver.executeScript("return window.onenumberRing.ringing")));
    waitFor(citizen).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "connected with"));
    String contactId = (String) citizen.executeScript("return window.onenumberCall.contactId");
    framesDecodedAndRising(console.driver, "window.onenumberCalls && window.onenumberCalls['" + contactId + "']");

    // Picture in picture from the keyboard (Alt+P); headless Chromium may refuse, which the panel says.
    console.driver.findElement(By.cssSelector(PANEL + " .video-mute")).sendKeys(Keys.chord(Keys.ALT, "p"));
    String pip = waitFor(console.driver).until(d -> {
      Object inPip = console.driver.executeScript("return document.pictureInPictureElement ? 'floating' : null");
      String status = console.driver.findElement(By.cssSelector(PANEL + " .video-status")).getText();
      return inPip != null ? (String) inPip : status.contains("not available") ? "refused" : null;
    });
    System.out.println("picture in picture in this Chromium: " + pip);
    if (pip.equals("floating")) {
      assertEquals("true", console.driver.findElement(By.cssSelector(PANEL + " .video-pip")).getAttribute("aria-pressed"));
      assertTrue((Boolean) console.driver.executeScript("return document.pictureInPictureElement.classList.contains('video-remote')"));
    }
  }
}
