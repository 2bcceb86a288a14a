package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onenumber.server.channels.BrowserStoryIT.click;
import static org.onenumber.server.channels.BrowserStoryIT.waitFor;

import io.micronaut.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.core.contact.ContactId;
import org.onenumber.testkit.FakeCallControl;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The call card in the operator console, in Chromium against the real server with testkit's
 * {@link FakeCallControl} as the carrier: a VOICE contact is offered and accepted, the card shows
 * the masked caller number, IVR choice and a running timer; the operator holds, resumes (mouse) and
 * transfers to a queue (keyboard only); the carrier got {@code hold}, {@code resume}, {@code
 * requeue} and routing's states are checked over the API; a second call goes through a consult
 * transfer to a department desk, completed from the card. Screenshots go to {@code target/browser}.
 */
class CallCardBrowserIT {

  private static final String CARD = "[role=tabpanel]:not([hidden]) .call-card";

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("spec.name", "CallCardBrowserIT"));
  @RegisterExtension
  final Browsers browsers = new Browsers();

  /** The contact's state as a supervisor sees it (after a transfer the operator no longer holds it). */
  private String state(String contact, String token) {
    Map<?, ?> body = server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/contacts/" + contact)
        .bearerAuth(server.login("sv-01")), Map.class);
    return (String) body.get("state");
  }

  private void cardSays(ChromeDriver operator, String css, String text) {
    waitFor(operator).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(CARD + " " + css), text));
  }

  /** Logs op-001 in, makes them available and accepts the offered call; the card shows it connected. */
  private ChromeDriver operatorWithTheCall() {
    ChromeDriver operator = browsers.open();
    operator.get(server.uri() + "/console/");
    waitFor(operator).until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("op-001");
    operator.findElement(By.id("password")).sendKeys("demo1234", Keys.ENTER);
    waitFor(operator).until(ExpectedConditions.visibilityOfElementLocated(By.id("workspace")));
    new Select(operator.findElement(By.id("state"))).selectByValue("AVAILABLE");
    click(operator, By.cssSelector("#offers button.accept"));
    cardSays(operator, ".call-state", "Connected");
    return operator;
  }

  @Test
  void theOperatorConsultsADepartmentDeskThenCompletesTheTransferWithTheKeyboard() {
    FakeCallControl carrier = server.bean(FakeCallControl.class);
    Map<?, ?> created = server.client().toBlocking().retrieve(HttpRequest.POST("/api/v1/contacts", Map.of(
        "channel", "VOICE", "phone", "010-5555-0302", "language", "ko", "queue", "general-ko",
        "topic", "ivr: language 1 (한국어), menu 1")).bearerAuth(server.login("sv-01")), Map.class);
    String contact = (String) created.get("id");
    carrier.carry(new ContactId(contact));
    String token = server.login("op-001");
    ChromeDriver operator = operatorWithTheCall();

    operator.findElement(By.cssSelector(CARD + " button.call-show-consult")).sendKeys(Keys.ENTER);
    WebElement kind = waitFor(operator).until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(CARD + " form.call-consult select[name=kind]")));
    assertEquals(kind, operator.switchTo().activeElement(), "opening the consult form moves focus into it");
    new Select(kind).selectByValue("department");
    WebElement department = operator.findElement(By.cssSelector(CARD + " form.call-consult select[name=department]"));
    String desk = department.getAttribute("value");
    assertEquals("[]", Browsers.axeViolations(operator), "console with the consult form open");
    operator.findElement(By.cssSelector(CARD + " form.call-consult button[type=submit]")).sendKeys(Keys.ENTER);
    cardSays(operator, ".call-state", "On hold");
    waitFor(operator).until(d -> carrier.requests().stream().anyMatch(r -> r.startsWith("consult " + contact + " ")));
    assertEquals("HELD", state(contact, token));
    WebElement complete = waitFor(operator).until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(CARD + " button.call-consult-complete")));
    assertTrue(operator.findElement(By.cssSelector(CARD + " button.call-consult-cancel")).isDisplayed());
    assertEquals(complete, operator.switchTo().activeElement(), "the consult started: focus on Complete transfer");
    Browsers.screenshot(operator, "call-card-consulting");
    assertEquals("[]", Browsers.axeViolations(operator), "console with a consult under way");

    complete.sendKeys(Keys.ENTER);
    waitFor(operator).until(d -> carrier.requests().contains("complete-consult " + contact));
    waitFor(operator).until(d -> "CLOSED".equals(state(contact, token)));
    assertTrue(desk != null && !desk.isBlank());
    assertEquals(java.util.List.of("complete-consult " + contact),
        carrier.requests().stream().filter(r -> r.startsWith("complete-consult")).toList());
  }

  @Test
  void theOperatorHoldsResumesAndTransfersAVoiceCallFromTheCallCard() {
    FakeCallControl carrier = server.bean(FakeCallControl.class);
    Map<?, ?> created = server.client().toBlocking().retrieve(HttpRequest.POST("/api/v1/contacts", Map.of(
        "channel", "VOICE", "phone", "010-5555-0301", "language", "ko", "queue", "general-ko",
        "topic", "ivr: language 1 (한국어), menu 2 (water)")).bearerAuth(server.login("sv-01")), Map.class);
    String contact = (String) created.get("id");
    carrier.carry(new ContactId(contact));
    String token = server.login("op-001");
    ChromeDriver operator = operatorWithTheCall();

    cardSays(operator, ".call-caller", "0301");
    String caller = operator.findElement(By.cssSelector(CARD + " .call-caller")).getText();
    assertEquals("*********0301", caller, "an operator sees only the last 4 digits");
    cardSays(operator, ".call-ivr", "menu 2 (water)");
    cardSays(operator, ".call-state", "Connected");
    waitFor(operator).until(ExpectedConditions.textMatches(By.cssSelector(CARD + " .call-time"),
        java.util.regex.Pattern.compile("\\d\\d:\\d\\d")));

    click(operator, By.cssSelector(CARD + " button.call-hold"));
    cardSays(operator, ".call-state", "On hold");
    assertTrue(carrier.requests().contains("hold " + contact), carrier.requests().toString());
    assertEquals("HELD", state(contact, token));
    assertEquals("Resume", operator.findElement(By.cssSelector(CARD + " button.call-hold")).getText());
    String cardText = operator.findElement(By.cssSelector(CARD)).getText();
    assertFalse(cardText.contains("55550301") || cardText.contains("intake"), "no whole number, no intake step: " + cardText);
    Browsers.screenshot(operator, "call-card-on-hold");
    assertEquals("[]", Browsers.axeViolations(operator), "console with a call card on hold");

    click(operator, By.cssSelector(CARD + " button.call-hold"));
    cardSays(operator, ".call-state", "Connected");
    assertTrue(carrier.requests().contains("resume " + contact), carrier.requests().toString());
    assertEquals("CONNECTED", state(contact, token));

    WebElement showTransfer = operator.findElement(By.cssSelector(CARD + " button.call-show-transfer"));
    showTransfer.sendKeys(Keys.ENTER);
    WebElement kind = waitFor(operator).until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(CARD + " form.call-transfer select[name=kind]")));
    assertEquals(kind, operator.switchTo().activeElement(), "opening the transfer form moves focus into it");
    assertEquals("[]", Browsers.axeViolations(operator), "console with the transfer form open");
    new Select(operator.findElement(By.cssSelector(CARD + " form.call-transfer select[name=queue]")))
        .selectByValue("tax-ko");
    operator.findElement(By.cssSelector(CARD + " form.call-transfer button[type=submit]")).sendKeys(Keys.ENTER);
    waitFor(operator).until(d -> carrier.requests().contains("requeue " + contact));
    assertEquals("QUEUED", state(contact, token));
    // The contact left this operator: the console closes its tab (and with it the call card).
    waitFor(operator).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(CARD)));
    Browsers.screenshot(operator, "call-card-transferred");
    assertEquals(java.util.List.of("hold " + contact, "resume " + contact, "requeue " + contact),
        carrier.requests().stream().filter(r -> r.endsWith(contact)).toList());
  }
}
