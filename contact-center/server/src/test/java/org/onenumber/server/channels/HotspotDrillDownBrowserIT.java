package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.testkit.SharedData;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The map page's drill-down in real Chromium: two Open311 requests are filed in the NYC night's
 * hottest cell (40.80–40.81, -73.96–-73.95) and one outside it; a supervisor analyses the night,
 * reaches the hot cell's "Requests here" button with the keyboard and sees the two stored requests
 * (category, time, status, case, address, words), focus on the list's heading, 0 axe violations;
 * the view is audited. An analyst asking the same cell gets the rows without ids, address or words;
 * a bad point is a 400 that does not echo it. Saves {@code target/browser/hotspots-drill-down.png}.
 */
class HotspotDrillDownBrowserIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();
  @RegisterExtension
  final Browsers browsers = new Browsers();

  @Test
  void aHotCellListsItsStoredRequestsByKeyboardAndOnlySupervisorsSeeTheWords() throws Exception {
    file(40.8052, -73.9551, "도로에 큰 포트홀이 생겼어요", "Amsterdam Ave 1520");
    file(40.8067, -73.9593, "밤새 공사장 소음이 너무 심해요", "W 135th St 420");
    file(40.7001, -73.9001, "가로등이 꺼졌어요", "Elsewhere 1");

    ChromeDriver driver = browsers.open();
    driver.manage().window().setSize(new Dimension(1400, 2200));
    ConsolePage page = new ConsolePage(driver, server.uri());
    page.signInOnWallboard("sv-01");

    driver.get(server.uri() + "/wallboard/hotspots.html?lang=en");
    page.until(d -> !d.findElements(By.cssSelector("#map.leaflet-container")).isEmpty());
    driver.findElement(By.id("file")).sendKeys(SharedData.file("nyc311/311-service-requests-2024-04-15.csv").toString());
    driver.findElement(By.id("analyse")).sendKeys(Keys.ENTER);
    page.until(d -> d.findElements(By.cssSelector("#cells tbody tr")).size() == 5);
    assertEquals("40.805, -73.955", Browsers.texts(driver, "#cells tbody tr:first-child td").get(0));

    driver.executeScript("document.querySelectorAll('#cells tbody tr')[0].cells[4].scrollIntoView()");
    driver.executeScript("document.getElementById('hot-title').closest('section').focus()");
    new Actions(driver).sendKeys(Keys.TAB).perform();
    assertEquals("cell-drill", driver.switchTo().activeElement().getDomAttribute("class"),
        "Tab from the table reaches the first hot cell's button");
    new Actions(driver).sendKeys(Keys.ENTER).perform();
    page.until(d -> d.findElement(By.id("drill-section")).isDisplayed()
        && d.findElements(By.cssSelector("#cell-records tbody tr")).size() == 2);
    assertEquals("drill-title", driver.switchTo().activeElement().getDomAttribute("id"), "focus moves to the list");
    assertTrue(page.text("#drill-title").startsWith("Requests in the cell (last 28 days, 2)"), page.text("#drill-title"));
    assertEquals(List.of("Type", "At", "Status", "Case", "Address", "Citizen's words"),
        Browsers.texts(driver, "#cell-records thead th"));
    String rows = String.join(" | ", Browsers.texts(driver, "#cell-records tbody td"));
    assertTrue(rows.contains("W 135th St 420") && rows.contains("Amsterdam Ave 1520"), rows);
    assertTrue(rows.contains("밤새 공사장 소음이 너무 심해요"), rows);
    assertFalse(rows.contains("Elsewhere 1"), "the request outside the cell is not listed");
    assertEquals("[]", Browsers.axeViolations(driver), "hotspots page with the drill-down");
    Browsers.screenshot(driver, "hotspots-drill-down");

    ConsoleApi api = new ConsoleApi(server);
    Map<String, Object> audit = api.get("/api/v1/audit?actor=sv-01", "admin");
    assertTrue(audit.toString().contains("hotspot cell:4080:-7396"), "the supervisor's view is audited");
    Map<String, Object> anonymised = api.get("/api/v1/analytics/cells?lat=40.805&lon=-73.955", "analyst-01");
    assertEquals(false, anonymised.get("personal"));
    String items = anonymised.get("items").toString();
    assertEquals(2, ((List<?>) anonymised.get("items")).size());
    assertFalse(items.contains("Amsterdam") || items.contains("포트홀이") || items.contains("contactId")
        || items.contains("caseId"), items);
    assertEquals(403, api.getStatus("/api/v1/analytics/cells?lat=40.805&lon=-73.955", "op-001"));
    assertEquals(400, api.getStatus("/api/v1/analytics/cells?lat=999&lon=-73.955", "sv-01"));
  }

  private void file(double lat, double lon, String words, String address) throws Exception {
    HttpResponse<String> filed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        server.uri().resolve("/open311/v2/requests.json"))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString("api_key=demo-open311-key&service_code=roads-01&lat=" + lat
            + "&long=" + lon + "&address_string=" + URLEncoder.encode(address, StandardCharsets.UTF_8)
            + "&description=" + URLEncoder.encode(words, StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertTrue(filed.statusCode() / 100 == 2, filed.body());
  }
}
