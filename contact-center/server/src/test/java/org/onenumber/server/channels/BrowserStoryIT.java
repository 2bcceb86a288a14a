package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole issue-5 story in two browsers: the citizen chats in English; the operator signs in,
 * becomes available, accepts the offer, searches the knowledge index, inserts an answer and
 * replies; the citizen sees it; the operator escalates to a department; the citizen sees the case
 * number and answers the survey. A citizen message reaches the console at once (pushed over the
 * agent socket, not polled). Screenshots of both screens go to {@code target/browser}.
 *
 * <p>It runs against the real routing API (agent login/state, offers over {@code /ws/agents/{id}}
 * or the work poll, accept, wrap-up) and the real knowledge API ({@code /api/v1/answers/search}).
 */
class BrowserStoryIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();
  @RegisterExtension
  final Browsers browsers = new Browsers();
  private ChromeDriver citizen;
  private ChromeDriver operator;

  @BeforeEach
  void openBrowsers() {
    citizen = browsers.open();
    operator = browsers.open();
  }

  @Test
  void citizenAndOperatorWalkTheFirstVerticalSlice() {
    walk(server, citizen, operator, "story");
  }

  static WebDriverWait waitFor(ChromeDriver driver) {
    return new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  /** Clicks the element once it exists, again if the page re-rendered it between finding and clicking. */
  static void click(ChromeDriver driver, By by) {
    waitFor(driver).ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
        .until(d -> {
          d.findElement(by).click();
          return true;
        });
  }

  private static boolean sees(ChromeDriver citizen, String pattern) {
    return Browsers.chatLog(citizen).stream().anyMatch(t -> t.matches(pattern));
  }

  /**
   * The console fetches the conversation when its agent socket says a message arrived: the text
   * shows within 1 s, well under the 10 s fallback poll (which may by chance land in that second).
   */
  private static void citizenMessageReachesTheConsoleWithoutWaitingForThePoll(ChromeDriver citizen, ChromeDriver operator) {
    String text = "Can I also pay at the district office?";
    citizen.findElement(By.id("message")).sendKeys(text, Keys.ENTER);
    long sent = System.nanoTime();
    new WebDriverWait(operator, Duration.ofSeconds(1), Duration.ofMillis(20)).until(ExpectedConditions
        .textToBePresentInElementLocated(By.cssSelector("[role=tabpanel]:not([hidden]) .log"), text));
    System.out.printf("console push: citizen message shown in the console after %d ms%n",
        (System.nanoTime() - sent) / 1_000_000);
  }

  /** The story itself; screenshots are named {@code <shots>-*.png}. */
  static void walk(ServerHarness server, ChromeDriver citizen, ChromeDriver operator, String shots) {
    citizen.get(server.uri() + "/chat/");
    waitFor(citizen).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#language-buttons button[lang=en]")))
        .click();
    waitFor(citizen).until(ExpectedConditions.visibilityOfElementLocated(By.id("message")))
        .sendKeys("How do I pay my water bill?", Keys.ENTER);

    operator.get(server.uri() + "/console/");
    waitFor(operator).until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("op-022");
    operator.findElement(By.id("password")).sendKeys("demo1234", Keys.ENTER);
    waitFor(operator).until(ExpectedConditions.visibilityOfElementLocated(By.id("workspace")));
    new Select(operator.findElement(By.id("state"))).selectByValue("AVAILABLE");
    click(operator, By.cssSelector("#offers button.accept"));
    waitFor(citizen).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Emily Carter"));

    WebElement search = waitFor(operator).until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("[role=tabpanel]:not([hidden]) .knowledge input[name=q]")));
    search.sendKeys("water bill");
    click(operator, By.cssSelector("[role=tabpanel]:not([hidden]) .results button.insert"));
    WebElement reply = operator.findElement(By.cssSelector("[role=tabpanel]:not([hidden]) textarea[name=reply]"));
    String answer = reply.getAttribute("value");
    assertFalse(answer.isBlank(), "the answer was inserted into the reply");
    assertTrue(answer.contains("city's"), "escaped snippet text is decoded, not shown as entities: " + answer);
    operator.findElement(By.cssSelector("[role=tabpanel]:not([hidden]) form.reply button[type=submit]")).click();
    waitFor(citizen).until(d -> sees(citizen, "(?s).*" + java.util.regex.Pattern.quote(answer.strip()) + ".*"));
    assertEquals("[]", Browsers.axeViolations(operator), "console with a conversation");
    citizenMessageReachesTheConsoleWithoutWaitingForThePoll(citizen, operator);

    operator.findElement(By.cssSelector("[role=tabpanel]:not([hidden]) .show-escalate")).click();
    new Select(operator.findElement(By.cssSelector("[role=tabpanel]:not([hidden]) select[name=department]")))
        .selectByValue("water");
    operator.findElement(By.cssSelector("[role=tabpanel]:not([hidden]) textarea[name=summary]"))
        .sendKeys("Citizen cannot pay the water bill online");
    operator.findElement(By.cssSelector("[role=tabpanel]:not([hidden]) form.escalate button[type=submit]")).click();
    waitFor(operator).until(ExpectedConditions.textMatches(
        By.cssSelector("[role=tabpanel]:not([hidden]) .outcome"), java.util.regex.Pattern.compile("Case C-\\d{8}-\\d{4}")));
    waitFor(citizen).until(d -> sees(citizen, ".*case number is C-\\d{8}-\\d{4}.*"));
    Browsers.screenshot(operator, shots + "-operator-console");

    waitFor(citizen).until(ExpectedConditions.visibilityOfElementLocated(By.id("survey-form")));
    citizen.findElement(By.cssSelector("input[name=satisfaction][value='4']")).click();
    citizen.findElement(By.cssSelector("input[name=resolved][value=no]")).click();
    citizen.findElement(By.id("survey-submit")).click();
    waitFor(citizen).until(ExpectedConditions.visibilityOfElementLocated(By.id("thanks")));
    Browsers.screenshot(citizen, shots + "-citizen-chat");
  }
}
