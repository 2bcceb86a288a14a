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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The reform board in Chromium: an analyst signs in on the wallboard and lands on the board, picks
 * the water-leak burst as the issue (a list, not typed), tags it with its cause and opens a task by
 * keyboard, links the leak's contact picked from the task's drill-down, climbs it to the next step
 * and closes it; the row shows the step, the status and the before/after figures counted from the
 * classified contacts; 0 axe violations in English and Korean.
 */
class ReformBoardBrowserIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();
  @RegisterExtension
  final Browsers browsers = new Browsers();

  @Test
  void anAnalystTagsACauseOpensATaskClimbsTheLadderAndClosesItWithItsFigures() {
    new ConsoleApi(server).open(Map.of("channel", "SMS", "phone", "010-5555-0821", "language", "ko",
        "topic", "길에서 수도관이 터져서 물이 콸콸 새요"));
    ChromeDriver driver = browsers.open();
    driver.manage().window().setSize(new Dimension(1400, 1400));
    ConsolePage page = new ConsolePage(driver, server.uri());
    driver.get(server.uri() + "/wallboard/index.html?lang=en");
    page.until(d -> d.findElement(By.id("login")).isDisplayed());
    driver.findElement(By.id("username")).sendKeys("analyst-01");
    driver.findElement(By.id("password")).sendKeys("demo1234", Keys.ENTER);
    page.until(d -> d.getCurrentUrl().endsWith("/wallboard/reform.html"));
    page.until(d -> d.findElement(By.id("no-tasks")).isDisplayed());
    page.until(d -> d.findElements(By.cssSelector("select[name=type] option")).size() == 28);

    WebElement issue = driver.findElement(By.cssSelector("select[name=issue]"));
    issue.sendKeys("Water leak");
    assertEquals("water.supply.leak@city", issue.getDomProperty("value"));
    issue.sendKeys(Keys.TAB);
    driver.switchTo().activeElement().sendKeys("Water leak");
    driver.switchTo().activeElement().sendKeys(Keys.TAB);
    driver.switchTo().activeElement().sendKeys("System");
    driver.switchTo().activeElement().sendKeys(Keys.TAB);
    driver.switchTo().activeElement().sendKeys("Old mains burst every winter", Keys.TAB);
    driver.switchTo().activeElement().sendKeys("sv-01", Keys.TAB);
    driver.executeScript("document.querySelector('input[name=due]').value = '2027-03-31'");
    assertEquals("water.supply.leak", driver.findElement(By.cssSelector("select[name=type]")).getDomProperty("value"));
    assertEquals("SYSTEM", driver.findElement(By.cssSelector("select[name=cause]")).getDomProperty("value"));
    driver.findElement(By.cssSelector("input[name=due]")).sendKeys(Keys.ENTER);
    page.until(d -> d.findElements(By.cssSelector("#tasks tbody tr")).size() == 1);
    List<String> row = Browsers.texts(driver, "#tasks tbody tr td");
    assertEquals("Old mains burst every winter", row.get(0));
    assertEquals("System", row.get(2));
    assertEquals("1. answer on the spot", row.get(3));
    assertTrue(row.get(7).endsWith("(1)"), "one leak before the fix: " + row);
    assertEquals("[]", Browsers.axeViolations(driver), "reform board, English");

    List<WebElement> actions = driver.findElements(By.cssSelector("#tasks tbody button"));
    actions.get(actions.size() - 1).sendKeys(Keys.ENTER);
    page.until(d -> !d.findElements(By.cssSelector("#drill tbody input[type=checkbox]")).isEmpty());
    assertEquals("links-title", driver.switchTo().activeElement().getDomAttribute("id"), "focus moves to the panel");
    driver.findElement(By.cssSelector("#drill tbody input[type=checkbox]")).sendKeys(Keys.SPACE);
    driver.findElement(By.id("link-selected")).sendKeys(Keys.ENTER);
    page.until(d -> Browsers.texts(driver, "#linked tbody tr td").get(0).startsWith("Contact "));
    assertEquals("[]", Browsers.axeViolations(driver), "reform board with its links, English");

    WebElement climb = driver.findElement(By.cssSelector("#tasks tbody button"));
    climb.sendKeys(Keys.ENTER);
    page.until(d -> Browsers.texts(driver, "#tasks tbody tr td").get(3).equals("2. department fix"));
    driver.findElements(By.cssSelector("#tasks tbody button")).get(1).sendKeys(Keys.ENTER);
    page.until(d -> Browsers.texts(driver, "#tasks tbody tr td").get(4).equals("Closed"));
    assertEquals(1, driver.findElements(By.cssSelector("#tasks tbody button")).size(),
        "a closed task keeps only its contacts and cases");
    Browsers.screenshot(driver, "reform-board");

    new Select(driver.findElement(By.id("lang"))).selectByValue("ko");
    page.until(d -> "민원 개선 보드".equals(d.findElement(By.tagName("h1")).getText()));
    assertEquals("[]", Browsers.axeViolations(driver), "reform board, Korean");
  }
}
