package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onenumber.server.channels.BrowserStoryIT.click;
import static org.onenumber.server.channels.BrowserStoryIT.waitFor;
import static org.onenumber.server.channels.VideoCallBrowserIT.framesDecodedAndRising;

import io.micronaut.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.core.port.out.AuditLog;
import org.onenumber.server.persistence.Jdbc;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The three-way relay between three real Chromium browsers (fake cameras and microphones) over
 * loopback: a deaf citizen's sign-language call is answered through routing by op-034, who invites
 * op-035 (an interpreter signed in to another console) by id; op-035 joins from the invitation card.
 * Each pair has its own peer connection, and {@code getStats()} shows video frames decoded and
 * rising in all six directions. An outsider cannot signal into the call; the third party leaves and
 * the citizen and op-034 stay connected; the contact's journal has the joining and the leaving.
 * Then a hearing party joins by voice with the one-time link op-034 makes, receives media from both
 * and sees the signing citizen. The host also invites by interpreter queue (the free operator of it
 * idle longest joins) and by department (a water-department staff member joins from the portal;
 * another department's staff member cannot, nor a second one).
 */
class ThreeWayCallBrowserIT {

  private static final String HOST_PANEL = "[role=tabpanel]:not([hidden]) .video-panel";

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("spec.name", "ThreeWayCallBrowserIT"));
  @RegisterExtension
  final Browsers browsers = new Browsers();

  /** The script expression of the {@code role} ('host' or 'guest') console's peer connection with {@code party}. */
  static String peer(String contactId, String role, String party) {
    return "window.onenumberCallPeers && window.onenumberCallPeers['" + contactId + ":" + role + "'] && window.onenumberCallPeers['"
        + contactId + ":" + role + "']." + party;
  }

  private List<String> journal(String contactId) {
    return journal(server, contactId);
  }

  /** The call's third-party events in the contact's journal, in order: type and payload. */
  static List<String> journal(ServerHarness server, String contactId) {
    return server.bean(Jdbc.class).query("select type, payload from domain_event where contact_id = ? and type like 'call.%'"
        + " order by id", row -> row.getString("type") + " " + row.getString("payload"), contactId);
  }

  private static String outsiderSays(ChromeDriver driver, String token, String json) {
    return (String) driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "const ws = new WebSocket(`ws://${location.host}/ws/call` + (arguments[0] ? `?token=${arguments[0]}` : ''));"
        + "ws.onopen = () => ws.send(arguments[1]);"
        + "ws.onmessage = (e) => { const f = JSON.parse(e.data); if (f.type === 'error') { done(f.error); ws.close(); } };"
        + "setTimeout(() => done('no answer'), 20000);", token, json);
  }

  /** {@code host} accepts the citizen's call; the contact's id once the citizen is connected. */
  static String accepted(ConsolePage host, ChromeDriver citizen) {
    click(host.driver, By.cssSelector("#offers button.accept"));
    waitFor(citizen).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "connected with"));
    return (String) citizen.executeScript("return window.onenumberCall.contactId");
  }

  @Test
  void theDeafCallerTheSigningOperatorAndAnInvitedInterpreterAllSeeEachOtherAndTheInterpreterLeaves() {
    ConsolePage host = VideoCallBrowserIT.signingOperator(browsers, server);
    ConsolePage interpreter = new ConsolePage(browsers.openWithFakeMedia(), server.uri()).signIn("op-035").ready();
    ChromeDriver citizen = VideoCallBrowserIT.citizenCalls(browsers, server, "sign");
    String contactId = accepted(host, citizen);
    framesDecodedAndRising(citizen, "window.onenumberCall");

    // The host invites op-035 by id from the keyboard; op-035's console shows the invitation.
    host.find(HOST_PANEL + " .video-invite input[name=agent]").sendKeys("op-035", Keys.ENTER);
    waitFor(host.driver).until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector(HOST_PANEL + " .video-status"), "Invited op-035"));
    interpreter.click("#invitations button.join-call");

    framesDecodedAndRising(citizen, "window.onenumberCallPeers && window.onenumberCallPeers.guest");
    framesDecodedAndRising(host.driver, peer(contactId, "host", "guest"));
    framesDecodedAndRising(host.driver, peer(contactId, "host", "citizen"));
    framesDecodedAndRising(interpreter.driver, peer(contactId, "guest", "citizen"));
    framesDecodedAndRising(interpreter.driver, peer(contactId, "guest", "operator"));
    waitFor(citizen).until(d -> d.findElement(By.id("other-figure")).isDisplayed());
    assertEquals(3, host.driver.findElements(By.cssSelector(HOST_PANEL + " video")).size(), "citizen, guest, self");
    assertEquals(3, interpreter.driver.findElements(By.cssSelector("#guest-calls video")).size(), "citizen, host, self");
    // Three browsers decoding video keep a small machine busy: give axe-core more than the usual 30 s.
    for (ChromeDriver d : List.of(citizen, host.driver, interpreter.driver)) {
      d.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(120));
    }
    Browsers.screenshot(citizen, "three-way-citizen");
    Browsers.screenshot(host.driver, "three-way-host");
    Browsers.screenshot(interpreter.driver, "three-way-interpreter");
    assertEquals("[]", Browsers.axeViolations(citizen), "the call page with three parties");
    assertEquals("[]", Browsers.axeViolations(interpreter.driver), "the console joined as the third party");
    assertEquals("[]", Browsers.axeViolations(host.driver), "the host's console with a third party");

    // Outsiders: an anonymous socket and another operator's signed-in socket cannot signal into the call.
    ChromeDriver outsider = browsers.open();
    outsider.get(server.uri() + "/call/?lang=en");
    assertEquals("forbidden", outsiderSays(outsider, null, "{\"type\":\"offer\",\"contactId\":\""
        + contactId + "\",\"to\":\"citizen\",\"sdp\":\"v=0\\r\\n\"}"));
    assertEquals("forbidden", outsiderSays(outsider, server.login("op-036"),
        "{\"type\":\"join\",\"contactId\":\"" + contactId + "\"}"));

    assertEquals(1, journal(contactId).size(), journal(contactId).toString());
    assertTrue(journal(contactId).get(0).startsWith("call.party-joined") && journal(contactId).get(0).contains("op-035"),
        journal(contactId).toString());
    assertTrue(server.bean(AuditLog.class).find(null, "op-035", null, null, 20).stream()
        .anyMatch(e -> e.recordType().equals("call") && e.recordId().equals(contactId) && e.action().equals("join")
            && e.citizen() != null), "the interpreter's view of the citizen's call is audited");

    click(interpreter.driver, By.cssSelector("#guest-calls .video-hangup"));
    waitFor(citizen).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "left"));
    waitFor(citizen).until(d -> !d.findElement(By.id("other-figure")).isDisplayed());
    framesDecodedAndRising(citizen, "window.onenumberCall");
    framesDecodedAndRising(host.driver, peer(contactId, "host", "citizen"));
    assertEquals("connected", host.driver.executeScript("return " + peer(contactId, "host", "citizen") + ".pc.connectionState"));
    assertEquals("CONNECTED", server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/contacts/" + contactId)
        .bearerAuth(server.login("sv-01")), Map.class).get("state"), "the call went on");
    waitFor(citizen).until(d -> journal(contactId).size() == 2);
    assertTrue(journal(contactId).get(1).startsWith("call.party-left"), journal(contactId).toString());

    // A hearing party joins by voice with the one-time link the host makes, and hears both others.
    click(host.driver, By.cssSelector(HOST_PANEL + " .video-invite-link"));
    String link = waitFor(host.driver).until(d -> {
      String value = d.findElement(By.cssSelector(HOST_PANEL + " .video-link")).getAttribute("value");
      return value == null || value.isBlank() ? null : value;
    });
    assertTrue(link.startsWith(server.uri() + "/call/?join="), link);
    ChromeDriver hearing = browsers.openWithFakeMedia();
    hearing.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(120));
    hearing.get(link + "&lang=en");
    waitFor(hearing).until(ExpectedConditions.textToBe(By.id("choose-title"), "You are invited to a call"));
    assertTrue(!hearing.findElement(By.id("call-sign")).isDisplayed());
    click(hearing, By.id("call-voice"));
    for (String party : List.of("citizen", "operator")) {
      String pair = "window.onenumberCallPeers && window.onenumberCallPeers." + party;
      waitFor(hearing).until(d -> "connected".equals(hearing.executeScript("return (" + pair + ") ? "
          + pair + ".pc.connectionState : null")));
      long first = waitFor(hearing).until(d -> bytesReceived(hearing, pair) > 0 ? bytesReceived(hearing, pair) : null);
      waitFor(hearing).until(d -> bytesReceived(hearing, pair) > first);
    }
    framesDecodedAndRising(hearing, "window.onenumberCallPeers.citizen"); // the hearing party sees the signer
    assertEquals("You are in the call.", hearing.findElement(By.id("status")).getText());
    assertEquals("[]", Browsers.axeViolations(hearing), "the call page of a hearing party");
    Browsers.screenshot(hearing, "three-way-hearing-party");
    waitFor(citizen).until(d -> journal(contactId).size() == 3);
    assertTrue(journal(contactId).get(2).startsWith("call.party-joined") && journal(contactId).get(2).contains("\"link\""),
        journal(contactId).toString());
  }

  @Test
  void anInterpreterQueueReachesAFreeOperatorOfItAndTheWaterDepartmentsStaffJoinFromTheirPortal() {
    ConsolePage host = VideoCallBrowserIT.signingOperator(browsers, server);
    ConsolePage interpreter = new ConsolePage(browsers.openWithFakeMedia(), server.uri()).signIn("op-035").ready();
    ChromeDriver citizen = VideoCallBrowserIT.citizenCalls(browsers, server, "sign");
    String contactId = accepted(host, citizen);

    // Nobody of the interpreter queue is free yet (op-035 is not available): a clear refusal.
    WebElement kind = host.find(HOST_PANEL + " .video-invite select[name=kind]");
    new Select(kind).selectByValue("queue");
    host.find(HOST_PANEL + " .video-invite input[name=queue]").sendKeys(Keys.ENTER);
    waitFor(host.driver).until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector(HOST_PANEL + " .video-status"), "no operator of that queue is signed in and free"));
    // op-035 becomes available in sign-language-video: routing's free operator of the queue is invited.
    interpreter.choose("AVAILABLE");
    host.find(HOST_PANEL + " .video-invite input[name=queue]").sendKeys(Keys.ENTER);
    waitFor(host.driver).until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector(HOST_PANEL + " .video-status"), "Invited op-035 of sign-language-video"));
    interpreter.click("#invitations button.join-call");
    framesDecodedAndRising(interpreter.driver, peer(contactId, "guest", "citizen"));
    framesDecodedAndRising(interpreter.driver, peer(contactId, "guest", "operator"));
    framesDecodedAndRising(host.driver, peer(contactId, "host", "guest"));
    interpreter.shows("BREAK:third party in a call"); // routing offers op-035 nothing while in the call
    host.driver.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(120));
    assertEquals("[]", Browsers.axeViolations(host.driver), "the invite form with its three kinds");
    click(interpreter.driver, By.cssSelector("#guest-calls .video-hangup"));
    waitFor(citizen).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "left"));
    interpreter.shows("AVAILABLE");

    // The water department's staff member has the portal open; the host invites the department.
    ChromeDriver staff = waterStaffOnThePortal(browsers, server);
    staff.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(120));
    hostInvitesTheWaterDepartment(host);
    assertEquals("forbidden", outsiderSays(staff, server.login("staff-roads"),
        "{\"type\":\"join\",\"contactId\":\"" + contactId + "\"}"), "another department's staff");
    waitFor(staff).until(d -> d.findElement(By.cssSelector("#call-invites button.join-call")).isDisplayed());
    assertEquals("[]", Browsers.axeViolations(staff), "the portal with a call invitation");
    Browsers.screenshot(staff, "three-way-department-invitation");
    staff.findElement(By.cssSelector("#call-invites button.join-call")).sendKeys(Keys.ENTER);
    waitFor(staff).until(ExpectedConditions.textToBe(By.id("choose-title"), "You are invited to a call"));
    click(staff, By.id("call-sign"));
    framesDecodedAndRising(staff, "window.onenumberCallPeers && window.onenumberCallPeers.citizen");
    framesDecodedAndRising(staff, "window.onenumberCallPeers && window.onenumberCallPeers.operator");
    framesDecodedAndRising(citizen, "window.onenumberCallPeers && window.onenumberCallPeers.guest");
    framesDecodedAndRising(host.driver, peer(contactId, "host", "guest"));
    assertEquals(3, staff.findElements(By.cssSelector("video")).size(), "operator, citizen, self");
    assertEquals("[]", Browsers.axeViolations(staff), "the call page of department staff");
    Browsers.screenshot(staff, "three-way-department-staff");
    assertEquals("forbidden", outsiderSays(staff, server.login("staff-water"),
        "{\"type\":\"join\",\"contactId\":\"" + contactId + "\"}"), "one staff member, once");
    waitFor(citizen).until(d -> journal(contactId).size() == 3);
    assertTrue(journal(contactId).get(0).contains("op-035") && journal(contactId).get(2).startsWith("call.party-joined")
        && journal(contactId).get(2).contains("staff-water"), journal(contactId).toString());
    assertTrue(server.bean(AuditLog.class).find(null, "staff-water", null, null, 20).stream()
        .anyMatch(e -> e.recordType().equals("call") && e.recordId().equals(contactId) && e.action().equals("join")),
        "the staff member's view of the citizen's call is audited");
  }

  /** The media bytes {@code pair} received (audio and video), from getStats(). */
  private static long bytesReceived(ChromeDriver driver, String pair) {
    Object bytes = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "const peer = " + pair + "; if (!peer) { done(-1); return; }"
        + "peer.quality().then(q => done(q.bytesReceived)).catch(() => done(-2));");
    return ((Number) bytes).longValue();
  }

  /** staff-water signed in to the department portal, in a browser with fake media. */
  static ChromeDriver waterStaffOnThePortal(Browsers browsers, ServerHarness server) {
    ChromeDriver staff = browsers.openWithFakeMedia();
    staff.get(server.uri() + "/department/?lang=en");
    waitFor(staff).until(d -> d.findElement(By.id("username")).isDisplayed());
    staff.findElement(By.id("username")).sendKeys("staff-water");
    staff.findElement(By.id("password")).sendKeys("demo1234");
    staff.findElement(By.id("login-button")).click();
    waitFor(staff).until(d -> !d.findElement(By.id("login")).isDisplayed());
    return staff;
  }

  /** The host invites the water department from the call's panel. */
  static void hostInvitesTheWaterDepartment(ConsolePage host) {
    new Select(host.find(HOST_PANEL + " .video-invite select[name=kind]")).selectByValue("department");
    WebElement department = host.find(HOST_PANEL + " .video-invite input[name=department]");
    department.sendKeys("water", Keys.ENTER);
    // The portal's live stream may still be connecting: until it is, the server says nobody would hear it.
    waitFor(host.driver).until(d -> {
      String status = d.findElement(By.cssSelector(HOST_PANEL + " .video-status")).getText();
      if (status.contains("Invited the staff of water")) {
        return true;
      }
      if (status.contains("Not done")) {
        department.sendKeys(Keys.ENTER);
      }
      return false;
    });
  }
}
