package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The wallboard and staffing day-one bugs of issue 13 in real Chromium: 0 axe violations in normal
 * and TV mode, the chart follows the window and names its series without hovering, queue names
 * instead of ids, "5.00 / 5" on one line at 1920 and 1280 px, the service-level formula in words;
 * staffing answers "abc" with the field named (400, not a 500) and fits a phone.
 */
class WallboardDayOneBrowserIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();
  @RegisterExtension
  final Browsers browsers = new Browsers();

  private static ConsolePage signedIn(ChromeDriver driver, ServerHarness server) {
    ConsolePage page = new ConsolePage(driver, server.uri());
    driver.get(server.uri() + "/wallboard/index.html?lang=en");
    page.until(d -> d.findElement(By.id("login")).isDisplayed());
    driver.findElement(By.id("username")).sendKeys("sv-01");
    driver.findElement(By.id("password")).sendKeys("demo1234");
    driver.findElement(By.id("login-button")).click();
    page.until(d -> "live".equals(d.findElement(By.id("connection")).getText()));
    return page;
  }

  /** How many lines the element's text takes (1 when it does not wrap). */
  private static long lines(ChromeDriver driver, String id) {
    return (Long) driver.executeScript("const r = document.createRange();"
        + " r.selectNodeContents(document.getElementById(arguments[0]));"
        + " return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size;", id);
  }

  private static long chartWidth(ChromeDriver driver) {
    return (Long) driver.executeScript("return document.querySelector('#intraday canvas').getBoundingClientRect().width | 0");
  }

  @Test
  void wallboardPassesAxeInBothModesWithNamesOneLineTilesAndAChartThatFollowsTheWindow() {
    ConsoleApi api = new ConsoleApi(server);
    String contact = api.open(Map.of("channel", "SMS", "phone", "010-5555-0501", "language", "en", "queue", "english",
        "topic", "water bill"));
    api.post("/api/v1/agents/op-022/login", Map.of(), "op-022");
    api.post("/api/v1/offers/" + contact + "/accept", Map.of(), "op-022");
    api.post("/api/v1/contacts/" + contact + "/close", Map.of("outcome", "RESOLVED"), "op-022");
    api.post("/api/v1/surveys", Map.of("contactId", contact, "resolved", true, "score", 5), "sv-01");
    ChromeDriver driver = browsers.open();
    driver.manage().window().setSize(new Dimension(1920, 1080));
    ConsolePage page = signedIn(driver, server);
    page.until(d -> "5.00 / 5".equals(page.text("#csat-value")));
    // The table is re-rendered on every pushed frame: read it in one script, never through a held element.
    page.until(d -> "English Service".equals(page.text("#drill tr[data-id='english'] td")));
    assertEquals("answered within T ÷ offered", driver.findElement(By.id("sl-formula")).getText());
    List<String> legend = Browsers.texts(driver, ".u-legend .u-series .u-label");
    assertTrue(legend.contains("Service level (%)") && legend.contains("Offered"), "legend without hovering: " + legend);
    assertTrue(driver.findElement(By.cssSelector(".u-legend")).isDisplayed());
    assertEquals(1, lines(driver, "csat-value"), "5.00 / 5 on one line at 1920 px");
    assertEquals("[]", Browsers.axeViolations(driver), "wallboard, normal mode");
    long wide = chartWidth(driver);
    Browsers.screenshot(driver, "wallboard-1920");

    driver.findElement(By.id("tv-toggle")).click();
    page.until(d -> d.findElement(By.tagName("body")).getAttribute("class").contains("tv"));
    assertEquals("[]", Browsers.axeViolations(driver), "wallboard, TV mode");
    assertEquals(1, lines(driver, "csat-value"), "5.00 / 5 on one line at 1920 px in TV mode");
    Browsers.screenshot(driver, "wallboard-tv-1920");

    driver.manage().window().setSize(new Dimension(1280, 900));
    page.until(d -> chartWidth(driver) < wide - 200);
    assertEquals(1, lines(driver, "csat-value"), "5.00 / 5 on one line at 1280 px in TV mode");
    assertEquals("[]", Browsers.axeViolations(driver), "wallboard, TV mode at 1280 px");
    Browsers.screenshot(driver, "wallboard-tv-1280");
    driver.findElement(By.id("tv-toggle")).click();
    assertEquals(1, lines(driver, "csat-value"), "5.00 / 5 on one line at 1280 px");
    Browsers.screenshot(driver, "wallboard-1280");
  }

  @Test
  void staffingNamesTheBadFieldAndWorksOnAPhone() {
    ConsoleApi api = new ConsoleApi(server);
    java.util.List<Object> volumes = new java.util.ArrayList<>();
    volumes.add(360);
    volumes.add(null);
    Map<String, Object> body = new java.util.HashMap<>(Map.of("intervalMinutes", 30, "ahtSeconds", 240,
        "targetServiceLevel", 0.8, "thresholdSeconds", 15, "patienceSeconds", 0));
    body.put("volumes", volumes);
    assertEquals(400, api.status("/api/v1/staffing", body, "sv-01"), "a volume that is not a number is bad input");

    ChromeDriver driver = browsers.open();
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
    ConsolePage page = signedIn(driver, server);
    driver.get(server.uri() + "/wallboard/staffing.html?lang=en");
    page.until(d -> d.findElement(By.id("volumes")).isDisplayed());
    driver.findElement(By.id("volumes")).clear();
    driver.findElement(By.id("volumes")).sendKeys("360, abc");
    driver.findElement(By.cssSelector("#plan button[type=submit]")).click();
    page.until(d -> d.findElement(By.id("error")).getText().contains("Forecast volume"));
    assertTrue(driver.findElement(By.id("error")).getText().contains("abc"), driver.findElement(By.id("error")).getText());
    assertEquals("true", driver.findElement(By.id("volumes")).getAttribute("aria-invalid"));

    driver.findElement(By.id("volumes")).clear();
    driver.findElement(By.id("volumes")).sendKeys("360, 420");
    driver.findElement(By.cssSelector("#plan button[type=submit]")).click();
    page.until(d -> d.findElements(By.cssSelector("#result tbody tr")).size() == 2);
    assertEquals(Boolean.TRUE, driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"),
        "no sideways scrolling on a 390 px phone");
    Browsers.screenshot(driver, "staffing-phone");
    assertEquals("[]", Browsers.axeViolations(driver), "staffing on a phone");
  }
}
