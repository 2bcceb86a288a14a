package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onenumber.server.channels.BrowserStoryIT.click;
import static org.onenumber.server.channels.BrowserStoryIT.waitFor;
import static org.onenumber.server.channels.ThreeWayCallBrowserIT.peer;
import static org.onenumber.server.channels.VideoCallBrowserIT.framesDecodedAndRising;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.core.contact.ContactId;
import org.onenumber.server.call.OneNodeCallClaims;
import org.onenumber.server.persistence.Jdbc;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A guest's console keeps its panel when the server of its socket gives the call up (issue 11, session 23), in
 * three real Chromium browsers (fake cameras and microphones): op-034 hosts a deaf citizen's sign-language call
 * and invites op-035, who joins from the invitation card. The test then claims the call in {@code call_home} as
 * another node that took it over would ({@link OneNodeCallClaims}); at the citizen's next frame the server gives
 * the call up, and every socket of it hears {@code rehomed} with {@code reconnect: true}. One server plays both
 * homes: the citizen's page resumes and the server rebuilds the call from the journal (as the live home of a
 * cluster does); the host's console joins again, and op-035's panel, instead of ending, opens a new socket and
 * joins: it is seated as the guest again (its second {@code joined}), the host and the citizen see it, and the
 * journal has its one joining and no leaving. A water department staff member's call page does the same. On the
 * old code the guest's panel ended ("You have left the call.") and the staff member's page showed the call ended.
 */
class GuestRehomedBrowserIT {

  private static final String HOST_PANEL = "[role=tabpanel]:not([hidden]) .video-panel";
  private static final String GUEST_PANEL = "#guest-calls .video-panel";

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("spec.name", "GuestRehomedBrowserIT"));
  @RegisterExtension
  final Browsers browsers = new Browsers();

  private List<String> journal(String contactId) {
    return ThreeWayCallBrowserIT.journal(server, contactId);
  }

  /** The node and claim of the call's {@code call_home} row. */
  private List<String> home(String contactId) {
    return server.bean(Jdbc.class).query("select node, claim from call_home where contact_id = ?",
        row -> row.getString("node") + " " + row.getString("claim"), contactId);
  }

  /**
   * Another node takes the call over; the citizen's next frame finds this server's claim void: it gives the call
   * up, the citizen's page resumes (the call is rebuilt here and claimed anew) and the guests join again.
   */
  private void givenUpAndRebuilt(ChromeDriver citizen, String contactId, String before) {
    String takenOver = OneNodeCallClaims.takeOver(server.bean(Jdbc.class), new ContactId(contactId));
    waitFor(citizen).until(d -> {
      citizen.executeScript("document.getElementById('message').value = 'are you there?';"
          + "document.getElementById('send').click();");
      String now = home(contactId).isEmpty() ? "" : home(contactId).get(0);
      return now.startsWith(OneNodeCallClaims.HERE + " ") && !now.equals(before) && !now.endsWith(" " + takenOver);
    });
  }

  @Test
  void anInvitedInterpreterWhoseServerGaveTheCallUpJoinsAgainAndStaysInTheCall() {
    ConsolePage host = VideoCallBrowserIT.signingOperator(browsers, server);
    ConsolePage interpreter = new ConsolePage(browsers.openWithFakeMedia(), server.uri()).signIn("op-035").ready();
    ChromeDriver citizen = VideoCallBrowserIT.citizenCalls(browsers, server, "sign");
    String contactId = ThreeWayCallBrowserIT.accepted(host, citizen);
    host.find(HOST_PANEL + " .video-invite input[name=agent]").sendKeys("op-035", Keys.ENTER);
    waitFor(host.driver).until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector(HOST_PANEL + " .video-status"), "Invited op-035"));
    interpreter.click("#invitations button.join-call");
    framesDecodedAndRising(interpreter.driver, peer(contactId, "guest", "citizen"));
    assertEquals("1", interpreter.find(GUEST_PANEL).getDomAttribute("data-joins"));
    String before = home(contactId).get(0);
    assertTrue(before.startsWith(OneNodeCallClaims.HERE + " "), before);

    givenUpAndRebuilt(citizen, contactId, before);

    new WebDriverWait(interpreter.driver, Duration.ofSeconds(60)).withMessage(() -> "the guest's panel says "
        + interpreter.find(GUEST_PANEL + " .video-status").getText() + ", joins " + interpreter.find(GUEST_PANEL)
        .getDomAttribute("data-joins")).until(d -> "2".equals(d.findElement(By.cssSelector(GUEST_PANEL)).getDomAttribute("data-joins")));
    waitFor(interpreter.driver).until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector(GUEST_PANEL + " .video-status"), "Connected"));
    assertTrue(interpreter.find(GUEST_PANEL + " .video-hangup").isEnabled(), "the guest's panel did not end");
    framesDecodedAndRising(interpreter.driver, peer(contactId, "guest", "citizen"));
    framesDecodedAndRising(interpreter.driver, peer(contactId, "guest", "operator"));
    framesDecodedAndRising(host.driver, peer(contactId, "host", "guest"));
    waitFor(citizen).until(d -> d.findElement(By.id("other-figure")).isDisplayed());
    assertEquals(3, host.driver.findElements(By.cssSelector(HOST_PANEL + " video")).size(), "citizen, guest, self");

    List<String> parties = journal(contactId);
    assertEquals(1, parties.size(), parties.toString());
    assertTrue(parties.get(0).startsWith("call.party-joined") && parties.get(0).contains("op-035"), parties.toString());
    for (ChromeDriver d : List.of(citizen, host.driver, interpreter.driver)) {
      d.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
    }
    Browsers.screenshot(interpreter.driver, "guest-rehomed-interpreter");
    Browsers.screenshot(host.driver, "guest-rehomed-host");
    Browsers.screenshot(citizen, "guest-rehomed-citizen");
    assertEquals("[]", Browsers.axeViolations(interpreter.driver), "the guest's console after joining again");
    assertEquals("[]", Browsers.axeViolations(host.driver), "the host's console after the call moved");

    // The guest leaves as usual: now the journal has the leaving, and the citizen and the host stay connected.
    click(interpreter.driver, By.cssSelector(GUEST_PANEL + " .video-hangup"));
    waitFor(citizen).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "left"));
    waitFor(citizen).until(d -> journal(contactId).size() == 2);
    assertTrue(journal(contactId).get(1).startsWith("call.party-left"), journal(contactId).toString());
  }

  @Test
  void aWaterDepartmentStaffMemberWhoseServerGaveTheCallUpJoinsAgainFromTheCallPage() {
    ConsolePage host = VideoCallBrowserIT.signingOperator(browsers, server);
    ChromeDriver citizen = VideoCallBrowserIT.citizenCalls(browsers, server, "sign");
    String contactId = ThreeWayCallBrowserIT.accepted(host, citizen);
    ChromeDriver staff = ThreeWayCallBrowserIT.waterStaffOnThePortal(browsers, server);
    ThreeWayCallBrowserIT.hostInvitesTheWaterDepartment(host);
    waitFor(staff).until(d -> d.findElement(By.cssSelector("#call-invites button.join-call")).isDisplayed());
    staff.findElement(By.cssSelector("#call-invites button.join-call")).sendKeys(Keys.ENTER);
    waitFor(staff).until(ExpectedConditions.textToBe(By.id("choose-title"), "You are invited to a call"));
    click(staff, By.id("call-sign"));
    framesDecodedAndRising(staff, "window.onenumberCallPeers && window.onenumberCallPeers.citizen");
    staff.executeScript("window.firstCallSocket = window.onenumberCallSocket");
    String before = home(contactId).get(0);

    givenUpAndRebuilt(citizen, contactId, before);

    waitFor(staff).until(d -> Boolean.TRUE.equals(staff.executeScript("return window.onenumberCallSocket !== window.firstCallSocket"
        + " && window.onenumberCallSocket.readyState === 1")));
    waitFor(staff).until(ExpectedConditions.textToBe(By.id("status"), "You are in the call."));
    assertTrue(staff.findElement(By.id("call")).isDisplayed() && !staff.findElement(By.id("done")).isDisplayed(),
        "the staff member's call page did not end");
    framesDecodedAndRising(staff, "window.onenumberCallPeers && window.onenumberCallPeers.operator");
    framesDecodedAndRising(host.driver, peer(contactId, "host", "guest"));
    Browsers.screenshot(staff, "guest-rehomed-staff");
    staff.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
    assertEquals("[]", Browsers.axeViolations(staff), "the staff member's call page after joining again");
    List<String> parties = journal(contactId);
    assertEquals(1, parties.size(), parties.toString());
    assertTrue(parties.get(0).contains("staff-water"), parties.toString());
  }
}
