package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onenumber.server.channels.BrowserStoryIT.click;
import static org.onenumber.server.channels.BrowserStoryIT.waitFor;
import static org.onenumber.server.channels.VideoCallBrowserIT.framesDecodedAndRising;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A sign-language video call whose media goes only through coturn: the test starts Debian's
 * {@code turnserver} on loopback with a TURN REST shared secret, the server is given that secret,
 * the TURN URL and {@code onenumber.call.ice-transport-policy=relay}, and both Chromiums (citizen
 * page and operator console) then gather relay candidates only with time-limited credentials from
 * the session and joined frames. Asserted with {@code getStats()}: video frames decoded and rising
 * on both sides, the selected candidate pair's local candidate is {@code relay} on both sides, and
 * the console's quality line says so.
 * Without {@code turnserver} the test is skipped, except in CI ({@code CI} set: {@code .ci/run}
 * installs coturn through {@code bin/prereqs}), where that fails.
 */
class CoturnRelayBrowserIT {

  private static final String SECRET = "coturn-test-secret-0123456789abcdef";
  private static Coturn coturn;

  @BeforeAll
  static void startCoturn() throws IOException {
    boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
    if (ci) {
      assertTrue(Coturn.installed(), "coturn is not installed in CI: bin/prereqs installs it (apt-get install coturn)");
    }
    Assumptions.assumeTrue(Coturn.installed(),
        "coturn is not installed (" + Coturn.TURNSERVER + "): apt-get install coturn to run the TURN relay test");
    coturn = Coturn.start(SECRET);
  }

  @AfterAll
  static void stopCoturn() {
    if (coturn != null) {
      coturn.close();
    }
  }

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("spec.name", "CoturnRelayBrowserIT",
      "onenumber.call.turn-urls", coturn.url(), "onenumber.call.turn-secret", coturn.secret(),
      "onenumber.call.ice-transport-policy", "relay"));
  @RegisterExtension
  final Browsers browsers = new Browsers();

  private static String route(ChromeDriver driver, String peer) {
    return (String) driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "(" + peer + ").route().then(done).catch(e => done('error: ' + e));");
  }

  @Test
  void aVideoCallWithRelayOnlyIcePolicyIsCarriedByCoturnAndBothSidesDecodeFrames() {
    ConsolePage console = VideoCallBrowserIT.signingOperator(browsers, server);
    ChromeDriver citizen = VideoCallBrowserIT.citizenCalls(browsers, server, "sign");
    click(console.driver, By.cssSelector("#offers button.accept"));
    waitFor(citizen).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "connected with"));
    String contactId = (String) citizen.executeScript("return window.onenumberCall.contactId");
    String citizenPeer = "window.onenumberCall";
    String operatorPeer = "window.onenumberCalls['" + contactId + "']";

    assertEquals("relay", citizen.executeScript("return " + citizenPeer + ".pc.getConfiguration().iceTransportPolicy"));
    List<?> servers = (List<?>) citizen.executeScript("return " + citizenPeer + ".pc.getConfiguration().iceServers");
    Map<?, ?> turn = (Map<?, ?>) servers.get(0);
    assertTrue(String.valueOf(turn.get("username")).matches("\\d+:" + contactId), "a TURN REST user name: " + turn);
    framesDecodedAndRising(citizen, citizenPeer);
    framesDecodedAndRising(console.driver, operatorPeer);
    assertEquals("relay", route(citizen, citizenPeer), "the citizen's media goes through coturn");
    assertEquals("relay", route(console.driver, operatorPeer), "the operator's media goes through coturn");
    waitFor(console.driver).until(ExpectedConditions.textMatches(
        By.cssSelector("[role=tabpanel]:not([hidden]) .video-panel .video-quality"), Pattern.compile("relayed by TURN")));
    Browsers.screenshot(console.driver, "video-call-relay-operator");
    Browsers.screenshot(citizen, "video-call-relay-citizen");

    click(citizen, By.id("hangup"));
    waitFor(citizen).until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
  }
}
