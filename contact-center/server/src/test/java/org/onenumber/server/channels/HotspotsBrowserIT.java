package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.testkit.SharedData;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.interactions.Actions;

/**
 * The hotspot page in real Chromium on the real NYC 311 night (shared/data/nyc311): a supervisor
 * signs in on the wallboard, opens the page, chooses the export and presses Analyse with the
 * keyboard; the map (no tiles) draws every occupied cell, the table lists the five hot cells led by
 * 18 requests at 40.805, -73.955, the hourly trend has the night's hours (table and chart); 0 axe violations in
 * English and Korean. Saves {@code target/browser/hotspots-nyc.png}.
 */
class HotspotsBrowserIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();
  @RegisterExtension
  final Browsers browsers = new Browsers();

  private static Path nycNight() {
    return SharedData.file("nyc311/311-service-requests-2024-04-15.csv");
  }

  @Test
  void theNycNightShowsItsFiveHotspotsOnTheMapAndInTheTable() {
    ChromeDriver driver = browsers.open();
    driver.manage().window().setSize(new Dimension(1400, 1800));
    ConsolePage page = new ConsolePage(driver, server.uri());
    page.signInOnWallboard("sv-01");

    driver.get(server.uri() + "/wallboard/hotspots.html?lang=en");
    page.until(d -> !d.findElements(By.cssSelector("#map.leaflet-container")).isEmpty());
    page.until(d -> d.findElement(By.id("no-issues")).isDisplayed());
    driver.findElement(By.id("file")).sendKeys(nycNight().toString());
    driver.executeScript("document.getElementById('file').focus()");
    new Actions(driver).sendKeys(Keys.TAB).perform();
    assertEquals("analyse", driver.switchTo().activeElement().getDomAttribute("id"), "Analyse follows the file by Tab");
    new Actions(driver).sendKeys(Keys.ENTER).perform();
    page.until(d -> d.findElements(By.cssSelector("#cells tbody tr")).size() == 5);
    assertEquals("1000 requests, 977 located, 5 hotspots", page.text("#summary"));
    List<String> first = Browsers.texts(driver, "#cells tbody tr:first-child td");
    assertEquals("40.805, -73.955", first.get(0));
    assertEquals("18", first.get(1));
    assertTrue(first.get(4).startsWith("Noise - Street/Sidewalk 5"), first.toString());
    long circles = (Long) driver.executeScript("return document.querySelectorAll('#map path.leaflet-interactive').length");
    assertEquals(335L, circles, "one circle per occupied 0.01° cell");
    assertTrue(driver.findElements(By.cssSelector("#map img.leaflet-tile")).isEmpty(), "no tiles: works offline");
    assertEquals(6, driver.findElements(By.cssSelector("#hours tbody tr")).size(), "22:00 to 03:00 New York");
    assertEquals(1, driver.findElements(By.cssSelector("#trend-chart canvas")).size(), "the trend as a chart");
    assertEquals("0", driver.findElement(By.id("map")).getDomAttribute("tabindex"), "the map takes the keyboard");
    assertEquals("[]", Browsers.axeViolations(driver), "hotspots page, English");
    Browsers.screenshot(driver, "hotspots-nyc");

    new Select(driver.findElement(By.id("lang"))).selectByValue("ko");
    page.until(d -> "민원 핫스팟과 추이".equals(d.findElement(By.tagName("h1")).getText()));
    assertEquals("ko", driver.findElement(By.tagName("html")).getDomAttribute("lang"));
    assertEquals("[]", Browsers.axeViolations(driver), "hotspots page, Korean");
  }
}
