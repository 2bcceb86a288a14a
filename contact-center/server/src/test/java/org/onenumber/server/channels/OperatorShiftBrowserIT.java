package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * An operator's shift in one browser (issue 13): sign in, available, break, available, an offer
 * declined (NOT_RESPONDING, explained, cleared in one click), two chats accepted (one with the
 * accept shortcut), a canned response with the citizen's name, an internal note, a reload in the
 * middle, one resolved and one escalated, the wrap-up countdown equal to the server's, the tab
 * closed when the server closes the contact, Close now, log out. Every step is checked against the
 * API ({@code GET /api/v1/agents/{id}}, {@code /work}, the contact, its notes).
 */
class OperatorShiftBrowserIT {

  private static final String OP = "op-022";

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();
  @RegisterExtension
  final Browsers browsers = new Browsers();

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> notes(ConsoleApi api, String contact) {
    return (List<Map<String, Object>>) api.get("/api/v1/contacts/" + contact + "/notes", OP).get("items");
  }

  @Test
  void anOperatorWorksAShiftWithoutAReloadAndEveryStateIsTheServers() {
    ConsoleApi api = new ConsoleApi(server);
    ConsolePage page = new ConsolePage(browsers.open(), server.uri()).signIn(OP).ready();
    page.driver.manage().window().setSize(new Dimension(1440, 900));
    assertEquals("OFFLINE", api.availability(OP));
    page.shows("OFFLINE");

    page.choose("AVAILABLE");
    page.until(d -> "AVAILABLE".equals(api.availability(OP)));
    page.choose("BREAK:training");
    page.until(d -> "BREAK".equals(api.availability(OP)));
    page.shows("BREAK:training");
    page.choose("AVAILABLE");
    page.until(d -> "AVAILABLE".equals(api.availability(OP)));
    api.wrapUpSeconds("english", 15);

    String jane = api.open(Map.of("channel", "CHAT", "chatId", "shift-jane", "name", "Jane Doe", "language", "en",
        "queue", "english", "topic", "water bill"));
    page.find("#offers .countdown");
    assertTrue(page.text("#offers").contains("English Service"), "the offer names the queue: " + page.text("#offers"));
    page.click("#offers button.decline");
    page.until(d -> "NOT_RESPONDING".equals(api.availability(OP)));
    page.shows("NOT_RESPONDING");
    assertTrue(page.driver.findElement(By.id("state-note")).isDisplayed());

    page.click("#clear-not-responding");
    page.until(d -> "AVAILABLE".equals(api.availability(OP)));
    page.find("#offers button.accept");
    page.driver.findElement(By.tagName("body")).sendKeys(Keys.chord(Keys.ALT, "a"));
    page.until(d -> api.held(OP).size() == 1);
    page.until(d -> page.text("#tabs").contains("Jane Doe · CHAT"));

    String second = api.open(Map.of("channel", "SMS", "phone", "010-5555-0602", "language", "en", "queue", "english",
        "topic", "bulk waste"));
    page.click("#offers button.accept");
    page.until(d -> api.held(OP).size() == 2);
    page.until(d -> page.text("#tabs").contains("***-0602 · SMS"));

    page.click("#tab-" + jane);
    page.until(d -> page.driver.findElement(By.id("panel-" + jane)).isDisplayed());
    page.until(d -> new Select(d.findElement(By.cssSelector(ConsolePage.PANEL + "select.macro"))).getOptions().size() > 1);
    new Select(page.find(ConsolePage.PANEL + "select.macro")).selectByValue("greeting-en");
    String greeting = page.find(ConsolePage.PANEL + "textarea[name=reply]").getAttribute("value");
    assertEquals("Hello Jane Doe, this is Emily Carter from the city's 120 service. How can I help you?", greeting);
    page.find(ConsolePage.PANEL + "textarea[name=reply]").sendKeys(Keys.ENTER);
    page.until(d -> page.text(ConsolePage.PANEL + ".log").contains("Hello Jane Doe"));

    page.find(ConsolePage.PANEL + ".note-form input[name=note]").sendKeys("Citizen asked twice about the due date", Keys.ENTER);
    page.until(d -> page.text(ConsolePage.PANEL + ".note-list").contains("asked twice"));
    assertEquals("NOTE", notes(api, jane).get(0).get("kind"));
    assertTrue(!page.text(ConsolePage.PANEL + ".log").contains("asked twice"), "a note is never a message");

    page.driver.findElement(By.tagName("body")).sendKeys("?");
    page.until(d -> d.findElement(By.id("shortcut-sheet")).isDisplayed());
    assertTrue(page.text("#shortcut-sheet").contains("Alt+R"));
    page.driver.findElement(By.cssSelector("#shortcut-sheet button")).click();

    page.driver.navigate().refresh();
    page.ready();
    page.shows("AVAILABLE");
    page.until(d -> page.tabs() == 2);
    assertEquals(2, api.held(OP).size(), "a reload changes nothing on the server");
    assertEquals("[]", Browsers.axeViolations(page.driver), "console mid-shift with two conversations");
    Browsers.screenshot(page.driver, "shift-two-conversations");

    page.click("#tab-" + jane);
    page.until(d -> page.driver.findElement(By.id("panel-" + jane)).isDisplayed());
    page.find(ConsolePage.PANEL + "textarea[name=reply]").sendKeys(Keys.chord(Keys.ALT, "r"));
    page.until(d -> "WRAP_UP".equals(api.contactState(jane)));
    page.until(d -> page.text(ConsolePage.PANEL + ".outcome").contains("s left"));
    ConsoleDayOneBrowserIT.assertWrapUpShownAsTheServerCountsIt(page, api, OP, jane);
    Browsers.screenshot(page.driver, "shift-wrap-up");

    page.click("#tab-" + second);
    page.until(d -> page.driver.findElement(By.id("panel-" + second)).isDisplayed());
    page.click(ConsolePage.PANEL + ".show-escalate");
    new Select(page.find(ConsolePage.PANEL + "select[name=department]")).selectByValue("water");
    page.find(ConsolePage.PANEL + "textarea[name=summary]").sendKeys("Bulk waste pickup missed");
    page.click(ConsolePage.PANEL + "form.escalate button[type=submit]");
    page.until(d -> page.text(ConsolePage.PANEL + ".outcome").contains("opened for Waterworks Headquarters"));
    page.until(d -> "WRAP_UP".equals(api.contactState(second)));

    page.until(d -> "CLOSED".equals(api.contactState(jane)));
    page.until(d -> d.findElements(By.id("tab-" + jane)).isEmpty());
    assertTrue(page.text("#notice").contains("Jane Doe"), page.text("#notice"));
    List<String> kinds = notes(api, jane).stream().map(n -> (String) n.get("kind")).toList();
    assertEquals(List.of("NOTE", "WRAP_UP"), kinds, "the internal note is kept with the wrap-up note");

    page.click(ConsolePage.PANEL + ".close-now");
    page.until(d -> page.tabs() == 0);
    assertEquals("CLOSED", api.contactState(second));
    assertTrue(api.held(OP).isEmpty());

    page.choose("OFFLINE");
    page.until(d -> "OFFLINE".equals(api.availability(OP)));
    page.shows("OFFLINE");
    Browsers.screenshot(page.driver, "shift-logged-out");
  }
}
