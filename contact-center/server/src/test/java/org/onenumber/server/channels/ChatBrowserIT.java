package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.server.admission.IntakeAdmission;
import org.onenumber.server.admission.IntakeKind;
import org.onenumber.server.logging.LogCapture;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.port.out.ContactJournal;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The citizen chat in a real browser, with the operator acting through the API (the parts that
 * need no routing engine or answer index): language choice, sending, HTML shown as text, the
 * operator's reply, name and typing, the case number, a page reload without loss or duplication,
 * the survey stored with the contact, End chat abandoning the waiting contact, and axe-core WCAG 2.2 A/AA checks of the chat and of the
 * console's sign-in and workspace. Screenshots go to {@code target/browser}.
 */
class ChatBrowserIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();
  @RegisterExtension
  final Browsers browsers = new Browsers();
  /** The masked-logs story (issue 12): what citizens type here never shows unmasked in a log line. */
  @RegisterExtension
  final LogCapture logs = new LogCapture("2345-6789", "23456789", "jane.doe");
  private ChromeDriver citizen;

  @BeforeEach
  void openCitizen() {
    citizen = browsers.open();
  }

  private WebDriverWait waitFor(ChromeDriver driver) {
    return new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  private List<String> log() {
    return Browsers.chatLog(citizen);
  }

  private String chatContact() {
    List<Contact> open = server.bean(ContactJournal.class).open();
    return open.stream().filter(c -> c.channel() == Channel.CHAT).findFirst().orElseThrow().id().value();
  }

  /** op-022 (English) logs in to the chat's queue and accepts it: only the operator who holds a contact replies. */
  private void holdAsOperator(String contact, String token) {
    ContactJournal journal = server.bean(ContactJournal.class);
    String queue = journal.find(new ContactId(contact)).orElseThrow().queue().value();
    api("/api/v1/agents/op-022/login", Map.of("queues", List.of(queue)), token);
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
        journal.find(new ContactId(contact)).orElseThrow().state() == ContactState.OFFERED);
    api("/api/v1/offers/" + contact + "/accept", Map.of(), token);
  }

  private void api(String path, Map<String, Object> body, String token) {
    server.client().toBlocking().exchange(HttpRequest.POST(path, body).bearerAuth(token));
  }

  @Test
  void citizenChatsWithAnOperatorGetsACaseNumberAndRatesTheChatAccessibly() {
    citizen.get(server.uri() + "/chat/");
    waitFor(citizen).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#language-buttons button[lang=en]")));
    assertEquals("[]", Browsers.axeViolations(citizen), "chat language choice");
    citizen.findElement(By.cssSelector("#language-buttons button[lang=en]")).click();
    WebElement box = waitFor(citizen).until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
    assertEquals("Message", citizen.findElement(By.id("message-label")).getText());
    box.sendKeys("My water bill is wrong, call 010-2345-6789 or jane.doe@example.org <img src=x onerror=alert(1)>",
        Keys.ENTER);
    waitFor(citizen).until(d -> Browsers.texts(citizen, "#log li.mine .meta").stream().anyMatch(t -> t.contains("Sent")));
    assertTrue(log().get(0).contains("<img src=x onerror=alert(1)>"), "citizen text is shown as text");
    assertEquals(0, citizen.findElements(By.cssSelector("#log img")).size());

    String contact = chatContact();
    String token = server.login("op-022");
    holdAsOperator(contact, token);
    api("/api/v1/contacts/" + contact + "/typing", Map.of(), token);
    waitFor(citizen).until(ExpectedConditions.textToBe(By.id("typing"), "The operator is typing…"));
    api("/api/v1/contacts/" + contact + "/messages", Map.of("body", "Let me look at your bill."), token);
    waitFor(citizen).until(d -> log().contains("Let me look at your bill."));
    assertTrue(Browsers.texts(citizen, "#log li.theirs .who").get(0).contains("Emily Carter"));
    api("/api/v1/contacts/" + contact + "/escalate", Map.of("department", "water", "category", "수도 요금",
        "summary", "Bill looks wrong"), token);
    waitFor(citizen).until(d -> log().stream().anyMatch(m -> m.matches(".*case number is C-\\d{8}-\\d{4}.*")));
    assertEquals("[]", Browsers.axeViolations(citizen), "chat conversation");
    Browsers.screenshot(citizen, "citizen-chat-conversation");

    assertFitsAtDoubleZoom(citizen, "citizen-chat-zoom-200");

    citizen.navigate().refresh();
    waitFor(citizen).until(d -> log().size() == 3);
    assertEquals(3, log().size(), "a reload shows every message once");

    citizen.findElement(By.id("end")).click();
    waitFor(citizen).until(ExpectedConditions.visibilityOfElementLocated(By.id("survey-form")));
    assertEquals("[]", Browsers.axeViolations(citizen), "chat survey");
    citizen.findElement(By.cssSelector("input[name=satisfaction][value='5']")).click();
    citizen.findElement(By.cssSelector("input[name=resolved][value=yes]")).click();
    citizen.findElement(By.id("survey-submit")).click();
    waitFor(citizen).until(ExpectedConditions.visibilityOfElementLocated(By.id("thanks")));
    Browsers.screenshot(citizen, "citizen-chat-survey");
    Map<?, ?> presence = server.client().toBlocking().retrieve(
        HttpRequest.GET("/api/v1/contacts/" + contact + "/presence").bearerAuth(token), Map.class);
    assertEquals(5, ((Number) presence.get("satisfaction")).intValue());
    assertEquals(Boolean.TRUE, presence.get("resolved"));
    assertEquals(ContactState.CLOSED, server.bean(ContactJournal.class).find(new ContactId(contact)).orElseThrow()
        .state(), "End chat tells routing the citizen left: the operator's conversation is closed");
  }

  /**
   * A busy server refuses chat frames at once ({@code unavailable}, retryAfter 1 s, nothing stored): the page sends
   * them again by itself — first its greeting (no session without it), then a message, which shows "Sending" until
   * its ack and is stored once. Before session 18 the page re-sent only after a reconnect: the citizen waited.
   */
  @Test
  void framesABusyServerRefusedAreSentAgainByThePage() {
    IntakeAdmission admission = server.bean(IntakeAdmission.class);
    List<IntakeAdmission.Permit> held = holdEveryChatPlace(admission);
    long shed = admission.shed(IntakeKind.CHAT);
    citizen.get(server.uri() + "/chat/");
    waitFor(citizen).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#language-buttons button[lang=en]")))
        .click();
    waitFor(citizen).until(d -> admission.shed(IntakeKind.CHAT) > shed + 1); // the start, and its first retry
    assertEquals(null, sessionToken(), "no session while every place is taken");
    held.forEach(IntakeAdmission.Permit::close);
    waitFor(citizen).until(d -> sessionToken() != null);

    held = holdEveryChatPlace(admission);
    long shedBeforeMessage = admission.shed(IntakeKind.CHAT);
    WebElement box = waitFor(citizen).until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
    box.sendKeys("Sent while the line is busy", Keys.ENTER);
    waitFor(citizen).until(d -> admission.shed(IntakeKind.CHAT) > shedBeforeMessage);
    assertTrue(Browsers.texts(citizen, "#log li.mine .meta").get(0).contains("Sending"), "not acked yet");
    held.forEach(IntakeAdmission.Permit::close);
    waitFor(citizen).until(d -> Browsers.texts(citizen, "#log li.mine .meta").get(0).contains("Sent"));
    List<Contact> chats = server.bean(ContactJournal.class).open().stream().filter(c -> c.channel() == Channel.CHAT)
        .toList();
    assertEquals(1, chats.size(), "one chat contact for the message sent again");
  }

  private static List<IntakeAdmission.Permit> holdEveryChatPlace(IntakeAdmission admission) {
    List<IntakeAdmission.Permit> held = new java.util.ArrayList<>();
    for (IntakeAdmission.Permit p = admission.tryEnter(IntakeKind.CHAT); p != null; p = admission.tryEnter(IntakeKind.CHAT)) {
      held.add(p);
    }
    return held;
  }

  private String sessionToken() {
    return (String) citizen.executeScript(
        "const s = JSON.parse(sessionStorage.getItem('onenumber.chat.v1') || 'null'); return s && s.token;");
  }

  /** At 200% zoom (half the CSS width) nothing scrolls sideways. */
  private static void assertFitsAtDoubleZoom(ChromeDriver driver, String screenshot) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 640, "height", 450, "deviceScaleFactor", 2, "mobile", false));
    Object overflow = driver.executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    Browsers.screenshot(driver, screenshot);
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    assertEquals(0L, ((Number) overflow).longValue(), "horizontal overflow at 200% zoom");
  }

  @Test
  void theChatCanBeUsedWithTheKeyboardAlone() {
    citizen.get(server.uri() + "/chat/");
    waitFor(citizen).until(d -> "en".equals(d.switchTo().activeElement().getAttribute("lang")));
    citizen.switchTo().activeElement().sendKeys(Keys.ENTER);
    waitFor(citizen).until(d -> "message".equals(d.switchTo().activeElement().getAttribute("id")));
    citizen.switchTo().activeElement().sendKeys("Typed with the keyboard", Keys.ENTER);
    waitFor(citizen).until(d -> log().contains("Typed with the keyboard"));
    citizen.switchTo().activeElement().sendKeys(Keys.TAB, Keys.TAB, Keys.ENTER);
    waitFor(citizen).until(d -> "survey-title".equals(d.switchTo().activeElement().getAttribute("id")));
  }

  @Test
  void everyCitizenSentenceExistsInAllSixLanguages() {
    citizen.get(server.uri() + "/chat/");
    waitFor(citizen).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#language-buttons button[lang=ko]")));
    Object missing = citizen.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "import('/chat/i18n.js').then(m => done(Object.entries(m.ALL).flatMap(([lang, t]) =>"
        + " m.KEYS.filter(k => !t[k]).map(k => lang + ':' + k)).join(',')));");
    assertEquals("", missing);
    citizen.findElement(By.cssSelector("#language-buttons button[lang=mn]")).click();
    waitFor(citizen).until(ExpectedConditions.textToBe(By.id("send"), "Илгээх"));
    assertEquals("mn", citizen.findElement(By.tagName("html")).getAttribute("lang"));
  }

  @Test
  void theConsoleSignInAndWorkspacePassTheAccessibilityCheck() {
    ChromeDriver operator = browsers.open();
    operator.get(server.uri() + "/console/");
    waitFor(operator).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    assertEquals("[]", Browsers.axeViolations(operator), "console sign-in");
    operator.findElement(By.id("username")).sendKeys("op-001");
    operator.findElement(By.id("password")).sendKeys("wrong", Keys.ENTER);
    waitFor(operator).until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "Wrong"));
    operator.findElement(By.id("password")).clear();
    operator.findElement(By.id("password")).sendKeys("demo1234", Keys.ENTER);
    waitFor(operator).until(ExpectedConditions.visibilityOfElementLocated(By.id("workspace")));
    assertEquals("[]", Browsers.axeViolations(operator), "console workspace");
    assertFitsAtDoubleZoom(operator, "operator-console-zoom-200");
    Browsers.screenshot(operator, "operator-console-workspace");
  }
}
