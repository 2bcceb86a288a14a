package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.server.logging.LogCapture;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 12's log test as a whole browser story: a citizen opens the web chat in Chromium and gives
 * a name, a phone number and an e-mail address; op-022 takes the chat in the console and escalates
 * it; a signed SMS webhook from the citizen's number arrives; the operator looks the citizen up by
 * that number and escalates the SMS to the water department; staff-water resolves the case in the
 * department portal; the citizen tracks it at {@code /track/} with the case number and the last four
 * digits. {@link LogCapture} reads every line the server wrote, through the production pattern
 * ({@code %maskedMsg}/{@code %maskedEx}) with OneNumber and Micronaut's HTTP server at DEBUG (louder
 * than production's INFO) and the access log on, and fails on the number in every common spelling
 * (E.164, with and without {@code +}, national with and without dashes or spaces, the last-eight
 * run), the address's local part and the name.
 */
class MaskedLogsBrowserIT {

  private static final String E164 = "+821055501234";
  private static final String NAME = "Kim Minji";
  private static final String EMAIL = "minji.kim@example.org";

  @RegisterExtension
  @Order(1)
  final ServerHarness server = ServerHarness.perTest(Map.of("micronaut.server.netty.access-logger.enabled", true));
  @RegisterExtension
  @Order(2)
  final Browsers browsers = new Browsers();
  @RegisterExtension
  @Order(3)
  final LogCapture logs = new LogCapture(E164, "821055501234", "01055501234", "010-5550-1234", "010 5550 1234",
      "55501234", "5550-1234", "minji.kim", NAME);

  private static WebDriverWait waitFor(ChromeDriver driver) {
    return new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aChatAnSmsACaseAndItsTrackingLeaveNoPhoneEmailOrNameInAnyLogLine() {
    ChromeDriver citizen = browsers.open();
    citizen.get(server.uri() + "/chat/");
    waitFor(citizen).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#language-buttons button[lang=en]")))
        .click();
    waitFor(citizen).until(ExpectedConditions.visibilityOfElementLocated(By.id("message")))
        .sendKeys("I am " + NAME + ", call me at 010-5550-1234 or " + EMAIL + ": the street light is out", Keys.ENTER);
    waitFor(citizen).until(d -> Browsers.texts(citizen, "#log li.mine .meta").stream().anyMatch(t -> t.contains("Sent")));

    ContactJournal journal = server.bean(ContactJournal.class);
    String chat = journal.open().stream().filter(c -> c.channel() == Channel.CHAT).findFirst().orElseThrow().id().value();
    ConsolePage console = new ConsolePage(browsers.open(), server.uri()).signIn("op-022").ready();
    String operator = server.login("op-022");
    server.client().toBlocking().exchange(HttpRequest.POST("/api/v1/agents/op-022/login", Map.of("queues",
        List.of(journal.find(new ContactId(chat)).orElseThrow().queue().value()))).bearerAuth(operator));
    console.choose("AVAILABLE");
    console.click("#offers button.accept");
    console.until(d -> console.text(ConsolePage.PANEL + ".log").contains("street light"));
    // The console asked for suggestions (the message in a POST body, never the URL) and the server answered.
    console.until(d -> !console.text(ConsolePage.PANEL + ".suggestions").isBlank());
    assertFalse(console.text(ConsolePage.PANEL + ".suggestions").contains("No suggestions available"),
        console.text(ConsolePage.PANEL + ".suggestions"));
    console.find(ConsolePage.PANEL + "textarea[name=reply]").sendKeys("Thank you, I will file it.", Keys.ENTER);
    waitFor(citizen).until(d -> Browsers.chatLog(citizen).contains("Thank you, I will file it."));
    console.click(ConsolePage.PANEL + ".show-escalate");
    console.find(ConsolePage.PANEL + "textarea[name=summary]").sendKeys("Street light out");
    console.click(ConsolePage.PANEL + "form.escalate button[type=submit]");
    console.until(d -> console.text(ConsolePage.PANEL + ".outcome").contains("opened for"));
    waitFor(citizen).until(d -> Browsers.chatLog(citizen).stream().anyMatch(m -> m.matches(".*case number is C-\\d{8}-\\d{4}.*")));

    Map<String, String> sms = Map.of("MessageSid", "SM0000000000000000000000000000ab12", "SmsSid",
        "SM0000000000000000000000000000ab12", "AccountSid", ServerHarness.ACCOUNT, "From", E164, "To", "+8215880120",
        "Body", "Water is leaking too, this is " + NAME + " " + EMAIL, "NumMedia", "0");
    assertEquals(200, server.webhook("/webhooks/twilio/sms", sms, server.sign("/webhooks/twilio/sms", sms)).getStatus().getCode());
    String supervisor = server.login("sv-01");
    Map<String, Object> found = server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/contacts?phone="
        + java.net.URLEncoder.encode(E164, java.nio.charset.StandardCharsets.UTF_8)).bearerAuth(supervisor), Map.class);
    Map<String, Object> smsContact = ((List<Map<String, Object>>) found.get("items")).get(0);
    Map<?, ?> person = server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/citizens/"
        + smsContact.get("citizenId")).bearerAuth(supervisor), Map.class);
    assertTrue(String.valueOf(person).contains("1234"), "the citizen was looked up: " + person.keySet());
    String caseId = (String) server.client().toBlocking().retrieve(HttpRequest.POST("/api/v1/contacts/"
        + smsContact.get("id") + "/escalate", Map.of("department", "water", "category", "수도 누수", "summary",
        "Leak reported by SMS")).bearerAuth(supervisor), Map.class).get("id");

    ChromeDriver staff = browsers.open();
    ConsolePage portal = new ConsolePage(staff, server.uri());
    staff.get(server.uri() + "/department/?lang=en");
    portal.until(d -> d.findElement(By.id("username")).isDisplayed());
    staff.findElement(By.id("username")).sendKeys("staff-water");
    staff.findElement(By.id("password")).sendKeys("demo1234");
    staff.findElement(By.id("login-button")).click();
    portal.until(d -> Browsers.texts(staff, "#cases td button").contains(caseId));
    staff.findElement(By.xpath("//td/button[text()='" + caseId + "']")).click();
    portal.until(d -> d.findElement(By.id("transcript")).getText().contains("Water is leaking"));
    staff.findElement(By.id("accept")).click();
    portal.until(d -> "accepted".equals(d.findElement(By.id("case-status")).getText()));
    staff.findElement(By.id("answer")).sendKeys("The pipe was replaced today.");
    staff.findElement(By.id("resolve")).click();
    portal.until(d -> "resolved".equals(d.findElement(By.id("case-status")).getText()));

    citizen.get(server.uri() + "/track/");
    waitFor(citizen).until(ExpectedConditions.visibilityOfElementLocated(By.id("number"))).sendKeys(caseId);
    citizen.findElement(By.id("digits")).sendKeys("1234");
    citizen.findElement(By.id("submit")).click();
    waitFor(citizen).until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
    assertEquals("resolved", citizen.findElement(By.id("status")).getText());
  }
}
