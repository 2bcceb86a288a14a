package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The citizen monitoring member's page in Chromium, by keyboard only: monitor-01 signs in on
 * /monitoring/ (English), files an observation about a reform task picked from the open ones, sees
 * it under review with 0 points; once a
 * supervisor accepts it, a reload shows 10 mileage points; the page in Korean; 0 axe violations
 * signed out and signed in, in English and Korean; signing in on the wallboard sends a member to
 * their page, signed in.
 */
class MonitoringMemberBrowserIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();
  @RegisterExtension
  final Browsers browsers = new Browsers();

  @Test
  void aMemberSignsInFilesAnObservationAndSeesTheirPoints() {
    ConsoleApi api = new ConsoleApi(server);
    String task = (String) api.post("/api/v1/reform/tasks", Map.of("issue", "water.supply.leak@city", "type",
        "water.supply.leak", "cause", "system", "title", "Old mains burst every winter", "owner", "sv-01", "due",
        "2027-03-31"), "sv-01").get("id");
    ChromeDriver driver = browsers.open();
    ConsolePage page = new ConsolePage(driver, server.uri());
    driver.get(server.uri() + "/monitoring/?lang=en");
    page.until(d -> "Citizen monitoring".equals(d.findElement(By.tagName("h1")).getText()));
    assertEquals("[]", Browsers.axeViolations(driver), "sign-in, English");

    driver.findElement(By.id("username")).sendKeys("monitor-01", Keys.TAB);
    driver.switchTo().activeElement().sendKeys("demo1234", Keys.ENTER);
    page.until(d -> d.findElement(By.id("me")).isDisplayed());
    assertEquals("welcome", driver.switchTo().activeElement().getDomAttribute("id"), "focus on the greeting");
    assertEquals("0", driver.findElement(By.id("points")).getText());
    assertTrue(driver.findElement(By.id("none")).isDisplayed());

    driver.switchTo().activeElement().sendKeys(Keys.TAB);
    driver.switchTo().activeElement().sendKeys("The crossing light at the school now stays green for 30 seconds");
    driver.switchTo().activeElement().sendKeys(Keys.TAB);
    assertEquals("task", driver.switchTo().activeElement().getDomAttribute("id"), "the reform task picker");
    page.until(d -> d.findElements(By.cssSelector("#task option")).size() == 2);
    driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
    page.until(d -> task.equals(new Select(d.findElement(By.id("task"))).getFirstSelectedOption().getDomAttribute("value")));
    driver.switchTo().activeElement().sendKeys(Keys.TAB);
    driver.switchTo().activeElement().sendKeys(Keys.ENTER);
    page.until(d -> d.findElements(By.cssSelector("#mine tbody tr")).size() == 1);
    List<String> row = Browsers.texts(driver, "#mine tbody tr td");
    assertEquals("under review", row.get(2));
    assertEquals("0", row.get(3));
    assertEquals("[]", Browsers.axeViolations(driver), "signed in, English");

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> roster = (List<Map<String, Object>>) api.get("/api/v1/reform/members", "sv-01")
        .get("items");
    String member = (String) roster.get(0).get("id");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> filed = (List<Map<String, Object>>) api.get("/api/v1/reform/members/" + member
        + "/observations", "sv-01").get("items");
    assertEquals(task, filed.get(0).get("task"), "filed about the task picked");
    api.post("/api/v1/reform/observations/" + filed.get(0).get("id") + "/accept", Map.of(), "sv-01");

    driver.navigate().refresh();
    page.until(d -> d.findElement(By.id("me")).isDisplayed() && "10".equals(d.findElement(By.id("points")).getText()));
    assertEquals("accepted", Browsers.texts(driver, "#mine tbody tr td").get(2));
    new Select(driver.findElement(By.id("lang"))).selectByValue("ko");
    page.until(d -> "시민 모니터링".equals(d.findElement(By.tagName("h1")).getText()));
    assertEquals("채택", Browsers.texts(driver, "#mine tbody tr td").get(2));
    assertEquals("[]", Browsers.axeViolations(driver), "signed in, Korean");
    Browsers.screenshot(driver, "monitoring-member");

    driver.findElement(By.id("logout")).sendKeys(Keys.ENTER);
    page.until(d -> d.findElement(By.id("login")).isDisplayed());
    driver.get(server.uri() + "/wallboard/index.html?lang=en");
    page.until(d -> d.findElement(By.id("login")).isDisplayed());
    driver.findElement(By.id("username")).sendKeys("monitor-01");
    driver.findElement(By.id("password")).sendKeys("demo1234", Keys.ENTER);
    page.until(d -> d.getCurrentUrl().endsWith("/monitoring/") && d.findElement(By.id("me")).isDisplayed());
  }
}
