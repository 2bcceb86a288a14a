package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * {@code /track/} in the six citizen languages (ko, en, zh, ja, vi, mn) in real Chromium: a case
 * filed on {@code /report/} is looked up by number and the last four digits in each language, the
 * page's language and the status word follow the choice, and axe-core finds no WCAG 2.2 A/AA
 * violation in any of them. The language is also chosen with the page's own selector, by keyboard.
 */
class TrackLanguagesBrowserIT {

  private static final Map<String, String> RECEIVED = Map.of("ko", "접수", "en", "received", "zh", "已受理",
      "ja", "受付済み", "vi", "đã tiếp nhận", "mn", "хүлээн авсан");

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();
  @RegisterExtension
  final Browsers browsers = new Browsers();

  private String filed() throws Exception {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("service_code", "roads-01");
    fields.put("description", "Pothole in front of the library");
    fields.put("address_string", "Sejong-daero 110");
    fields.put("phone", "010-5555-1234");
    String form = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
        StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        server.uri().resolve("/report/requests")).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body().replaceAll("(?s).*\"service_request_id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
  }

  private void lookUp(ChromeDriver driver, ConsolePage page, String caseId) {
    driver.findElement(By.id("number")).clear();
    driver.findElement(By.id("number")).sendKeys(caseId);
    driver.findElement(By.id("digits")).clear();
    driver.findElement(By.id("digits")).sendKeys("1234");
    driver.findElement(By.id("submit")).click();
    page.until(d -> d.findElement(By.id("result")).isDisplayed());
  }

  @Test
  void theTrackingPageSpeaksEachCitizenLanguageWithoutAccessibilityViolations() throws Exception {
    String caseId = filed();
    ChromeDriver driver = browsers.open();
    ConsolePage page = new ConsolePage(driver, server.uri());
    for (String language : new String[] {"ko", "en", "zh", "ja", "vi", "mn"}) {
      driver.get(server.uri() + "/track/?lang=" + language);
      page.until(d -> d.findElement(By.id("number")).isDisplayed());
      assertEquals(language, driver.findElement(By.tagName("html")).getDomAttribute("lang"));
      lookUp(driver, page, caseId);
      assertEquals(RECEIVED.get(language), driver.findElement(By.id("status")).getText(), language);
      assertEquals("[]", Browsers.axeViolations(driver), "/track/ in " + language);
    }
    new Select(driver.findElement(By.id("lang"))).selectByValue("ja");
    page.until(d -> "ja".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
    assertEquals(RECEIVED.get("ja"), driver.findElement(By.id("status")).getText(), "the shown case follows the choice");
    Browsers.screenshot(driver, "track-ja");
  }
}
