package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's day-one bugs of issue 13, each in real Chromium and each checked against the API:
 * the state machine (break and back, decline and NOT_RESPONDING cleared in one click, a reload and
 * a reconnect keep the state), the server's wrap-up countdown and a server-side close closing the
 * tab, "Close now", highlighted snippets that keep their spaces, English answers found in a Korean
 * conversation, Enter sending, named tabs with unread counts, the escalation naming the department
 * and preselected from the inserted answer, outcome buttons in view at 1440×900, and other roles
 * sent to their own page.
 */
class ConsoleDayOneBrowserIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();
  @RegisterExtension
  final Browsers browsers = new Browsers();

  private ConsoleApi api() {
    return new ConsoleApi(server);
  }

  private ConsolePage console(String user) {
    return new ConsolePage(browsers.open(), server.uri()).signIn(user).ready();
  }

  private static Map<String, Object> sms(String phone, String name, String language, String queue, String topic) {
    Map<String, Object> body = new HashMap<>(Map.of("channel", "SMS", "phone", phone, "language", language,
        "queue", queue, "topic", topic));
    if (name != null) {
      body.put("name", name);
    }
    return body;
  }

  @Test
  void breakAndBackAndADeclinedOfferFollowTheEngineAcrossAReload() {
    ConsoleApi api = api();
    ConsolePage page = console("op-022");
    page.choose("AVAILABLE");
    page.until(d -> "AVAILABLE".equals(api.availability("op-022")));
    page.choose("BREAK:lunch");
    page.until(d -> "BREAK".equals(api.availability("op-022")));
    assertEquals("lunch", api.agent("op-022").get("breakReason"));
    page.choose("AVAILABLE");
    page.until(d -> "AVAILABLE".equals(api.availability("op-022")));
    page.shows("AVAILABLE");

    api.open(sms("010-5555-0101", "Jane Doe", "en", "english", "water bill"));
    page.click("#offers button.decline");
    page.until(d -> "NOT_RESPONDING".equals(api.availability("op-022")));
    page.shows("NOT_RESPONDING");
    assertTrue(page.driver.findElement(By.id("state-note")).isDisplayed(), "NOT_RESPONDING is explained");
    assertTrue(page.text("#state-note").contains("declined or missed an offer"), page.text("#state-note"));
    Browsers.screenshot(page.driver, "dayone-not-responding");

    page.driver.navigate().refresh();
    page.ready();
    page.shows("NOT_RESPONDING");
    page.click("#clear-not-responding");
    page.until(d -> "AVAILABLE".equals(api.availability("op-022")));
    page.shows("AVAILABLE");
    page.until(d -> !page.driver.findElement(By.id("state-note")).isDisplayed());
    page.find("#offers button.accept");
    assertEquals("RESERVED", api.agent("op-022").get("state"), "available again: the waiting contact is offered at once");
  }

  @Test
  void wrapUpCountsDownTheServersDeadlineAndTheServerClosingItClosesTheTab() {
    ConsoleApi api = api();
    ConsolePage page = console("op-022");
    page.choose("AVAILABLE");
    page.until(d -> "AVAILABLE".equals(api.availability("op-022")));
    api.wrapUpSeconds("english", 15);
    String first = api.open(sms("010-5555-0201", "Jane Doe", "en", "english", "water bill"));
    page.click("#offers button.accept");
    page.find(ConsolePage.PANEL + ".resolve").click();
    page.until(d -> page.text(ConsolePage.PANEL + ".outcome").contains("s left"));
    assertWrapUpShownAsTheServerCountsIt(page, api, "op-022", first);
    Browsers.screenshot(page.driver, "dayone-wrap-up");

    page.until(d -> "CLOSED".equals(api.contactState(first)));
    page.until(d -> page.tabs() == 0);
    assertTrue(page.driver.findElement(By.id("notice")).isDisplayed());
    assertTrue(page.text("#notice").contains("closed"), page.text("#notice"));

    String second = api.open(sms("010-5555-0202", "Kim Minsu", "en", "english", "water bill"));
    page.click("#offers button.accept");
    page.find(ConsolePage.PANEL + ".resolve").click();
    page.click(ConsolePage.PANEL + ".close-now");
    page.until(d -> page.tabs() == 0);
    assertEquals("CLOSED", api.contactState(second), "Close now closed it on the server");
  }

  /**
   * The console's seconds lie between the server's before and after reading them (whole seconds,
   * rounded up): on a loaded machine reading the page takes time, so both ends are measured.
   */
  static void assertWrapUpShownAsTheServerCountsIt(ConsolePage page, ConsoleApi api, String agent, String contact) {
    double before = api.wrapUpSecondsLeft(agent, contact);
    long shown = Long.parseLong((String) page.driver.executeScript(
        "return document.querySelector(arguments[0]).dataset.secondsLeft", ConsolePage.PANEL + ".outcome"));
    double after = api.wrapUpSecondsLeft(agent, contact);
    assertTrue(before > 3, "the server's wrap-up is running: " + before);
    assertTrue(shown >= Math.floor(after) && shown <= Math.ceil(before) + 1,
        "console shows " + shown + " s, the server had " + before + " s before and " + after + " s after");
  }

  @Test
  void snippetsKeepTheirSpacesAndEnglishAnswersAreFoundInAKoreanConversation() {
    ConsoleApi api = api();
    ConsolePage page = console("op-023");
    Object text = page.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "import('/console/knowledge.js').then(m => { const box = document.createElement('div');"
        + " box.append(...m.highlighted('needs <b>a</b> permit for <em>bulk</em> waste'));"
        + " done(box.textContent + '|' + box.querySelectorAll('mark').length + '|' + m.plain('a&#x27;b <b>c</b> d')); });");
    assertEquals("needs a permit for bulk waste|2|a'b c d", text);

    page.choose("AVAILABLE");
    api.open(Map.of("channel", "VOICE", "phone", "010-5555-0301", "language", "ko", "queue", "general-ko",
        "topic", "수도 요금"));
    page.click("#offers button.accept");
    page.find(ConsolePage.PANEL + ".knowledge input[name=q]").sendKeys("water bill");
    page.until(d -> !d.findElements(By.cssSelector(ConsolePage.PANEL + ".results li")).isEmpty());
    assertTrue(page.text(ConsolePage.PANEL + ".results").contains("water bill"), page.text(ConsolePage.PANEL + ".results"));
  }

  @Test
  void enterSendsTabsNameTheCitizenAndTheEscalationNamesThePreselectedDepartment() {
    ConsoleApi api = api();
    ConsolePage page = console("op-022");
    page.driver.manage().window().setSize(new Dimension(1440, 900));
    page.choose("AVAILABLE");
    String jane = api.open(sms("010-5555-0401", "Jane Doe", "en", "english", "water bill"));
    page.click("#offers button.accept");
    page.until(d -> page.text("#tabs").contains("Jane Doe · SMS"));
    page.until(d -> page.text(ConsolePage.PANEL + ".facts").contains("Jane Doe"));

    WebElement reply = page.find(ConsolePage.PANEL + "textarea[name=reply]");
    reply.sendKeys("Hello Jane,", Keys.chord(Keys.SHIFT, Keys.ENTER), "let me check.", Keys.ENTER);
    page.until(d -> page.text(ConsolePage.PANEL + ".log").contains("Hello Jane,\nlet me check."));
    assertEquals("", reply.getAttribute("value"), "Enter sent the reply and emptied the box");

    WebElement resolve = page.find(ConsolePage.PANEL + ".resolve");
    long bottom = (Long) page.driver.executeScript(
        "return Math.ceil(arguments[0].getBoundingClientRect().bottom) <= window.innerHeight ? 1 : 0", resolve);
    assertEquals(1, bottom, "the outcome buttons are in view at 1440x900 without scrolling");

    api.open(sms("010-5555-0402", null, "en", "english", "road"));
    page.click("#offers button.accept");
    page.until(d -> page.text("#tabs").contains("***-0402 · SMS"));
    api.sms("+821055550401", "SM00000000000000000000000000000401", "Are you still there?");
    page.until(d -> page.text("#tab-" + jane).contains("Jane Doe · SMS (1)"));
    page.click("#tab-" + jane);
    page.until(d -> page.text("#tab-" + jane).equals("Jane Doe · SMS"));

    page.find(ConsolePage.PANEL + ".knowledge input[name=q]").sendKeys("water bill");
    page.click(ConsolePage.PANEL + ".results button.insert");
    page.click(ConsolePage.PANEL + ".show-escalate");
    assertEquals("water", new Select(page.find(ConsolePage.PANEL + "select[name=department]")).getFirstSelectedOption()
        .getAttribute("value"), "the inserted answer's department is preselected");
    page.find(ConsolePage.PANEL + "textarea[name=summary]").sendKeys("Cannot pay online");
    page.click(ConsolePage.PANEL + "form.escalate button[type=submit]");
    page.until(d -> page.text(ConsolePage.PANEL + ".outcome").contains("opened for Waterworks Headquarters"));
    Browsers.screenshot(page.driver, "dayone-escalated");
    assertEquals("[]", Browsers.axeViolations(page.driver), "console with two conversations");
  }

  @Test
  void supervisorsAndStaffGetAMessageAndALinkInsteadOfABrokenWorkspace() {
    for (String user : new String[] {"sv-01", "admin", "staff-water"}) {
      ConsolePage page = new ConsolePage(browsers.open(), server.uri()).signIn(user);
      page.until(d -> d.findElement(By.id("wrong-role")).isDisplayed());
      assertFalse(page.driver.findElement(By.id("workspace")).isDisplayed());
      assertTrue(page.text("#wrong-role").contains("This console is for operators"), page.text("#wrong-role"));
      assertTrue(page.driver.findElement(By.cssSelector("#wrong-role a")).getAttribute("href").endsWith("/wallboard/index.html"));
    }
    var wallboard = browsers.open();
    wallboard.get(server.uri() + "/wallboard/index.html?lang=en");
    new ConsolePage(wallboard, server.uri()).until(d -> d.findElement(By.id("login")).isDisplayed());
    wallboard.findElement(By.id("username")).sendKeys("op-001");
    wallboard.findElement(By.id("password")).sendKeys("demo1234");
    wallboard.findElement(By.id("login-button")).click();
    new ConsolePage(wallboard, server.uri()).until(d -> d.findElement(By.id("login-error")).getText().contains("Operators work in the console"));
    assertTrue(wallboard.findElement(By.cssSelector("#login-error a")).getAttribute("href").endsWith("/console/"));
  }
}
