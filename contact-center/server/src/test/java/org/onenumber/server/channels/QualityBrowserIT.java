package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The quality evaluation page in Chromium: a supervisor draws op-022's closed SMS conversation,
 * reads its transcript, scores it by keyboard (one select per weighted criterion) and sees the
 * calibration with a second evaluator's score and the spread; 0 axe violations in English and
 * Korean.
 */
class QualityBrowserIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();
  @RegisterExtension
  final Browsers browsers = new Browsers();

  @Test
  void aSupervisorDrawsAContactReadsItAndScoresItBesideAnotherEvaluator() {
    ConsoleApi api = new ConsoleApi(server);
    String contact = api.open(Map.of("channel", "SMS", "phone", "010-5555-0841", "language", "en", "queue", "english",
        "topic", "water bill"));
    api.post("/api/v1/agents/op-022/login", Map.of(), "op-022");
    api.post("/api/v1/offers/" + contact + "/accept", Map.of(), "op-022");
    api.post("/api/v1/contacts/" + contact + "/messages", Map.of("body", "Your bill is due on the 25th."), "op-022");
    api.post("/api/v1/contacts/" + contact + "/close", Map.of("outcome", "RESOLVED"), "op-022");
    api.post("/api/v1/quality/evaluations", Map.of("form", "standard", "contact", contact, "points", Map.of(
        "greeting", 5, "accuracy", 0, "empathy", 5, "resolution", 5, "compliance", 5)), "sv-02");

    ChromeDriver driver = browsers.open();
    driver.manage().window().setSize(new Dimension(1400, 1400));
    ConsolePage page = new ConsolePage(driver, server.uri());
    driver.get(server.uri() + "/wallboard/index.html?lang=en");
    page.until(d -> d.findElement(By.id("login")).isDisplayed());
    driver.findElement(By.id("username")).sendKeys("sv-01");
    driver.findElement(By.id("password")).sendKeys("demo1234", Keys.ENTER);
    page.until(d -> "live".equals(d.findElement(By.id("connection")).getText()));
    driver.get(server.uri() + "/wallboard/quality.html?lang=en");

    WebElement operator = page.until(d -> d.findElement(By.cssSelector("input[name=operator]")));
    operator.sendKeys("op-022", Keys.ENTER);
    WebElement evaluate = page.until(d -> d.findElement(By.cssSelector("#sampled button")));
    evaluate.sendKeys(Keys.ENTER);
    page.until(d -> d.findElement(By.id("transcript")).getText().contains("Your bill is due on the 25th."));
    page.until(d -> d.findElements(By.cssSelector("#calibration tbody tr")).size() == 1);
    WebElement first = driver.switchTo().activeElement();
    assertEquals("greeting", first.getDomAttribute("name"), "scoring starts at the first criterion");
    for (int i = 0; i < 5; i++) {
      driver.switchTo().activeElement().sendKeys(Keys.TAB);
    }
    driver.switchTo().activeElement().sendKeys(Keys.ENTER);
    page.until(d -> d.findElements(By.cssSelector("#calibration tbody tr")).size() == 2);
    assertEquals("Saved: 100%", page.text("#status"));
    assertTrue(page.text("#spread").startsWith("2 evaluators, mean 85.7%, lowest 71.4%, highest 100%"),
        page.text("#spread"));
    assertEquals("[]", Browsers.axeViolations(driver), "quality page, English");
    Browsers.screenshot(driver, "quality-calibration");

    new Select(driver.findElement(By.id("lang"))).selectByValue("ko");
    page.until(d -> "상담 품질 평가".equals(d.findElement(By.tagName("h1")).getText()));
    assertEquals("[]", Browsers.axeViolations(driver), "quality page, Korean");
  }
}
