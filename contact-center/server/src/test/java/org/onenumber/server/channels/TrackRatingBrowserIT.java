package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micronaut.http.HttpRequest;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * A citizen rates the department's answer on {@code /track/} in real Chromium, by keyboard only: the
 * case filed on {@code /report/} and resolved by the road department is looked up (Enter), Tab
 * reaches the five scores, the arrow keys choose 4, Tab to the comment and the button, Enter sends;
 * the page then shows the given score (in Korean, and in English after switching), the department's
 * history has the RATED row, and axe-core finds no violation before or after, in ko and en.
 */
class TrackRatingBrowserIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();
  @RegisterExtension
  final Browsers browsers = new Browsers();

  private String filedAndResolved() throws Exception {
    String form = "service_code=roads-01&address_string=" + URLEncoder.encode("Sejong-daero 110", StandardCharsets.UTF_8)
        + "&phone=010-5555-4321&description=" + URLEncoder.encode("Pothole by the library", StandardCharsets.UTF_8);
    HttpResponse<String> filed = HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
        server.uri().resolve("/report/requests")).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, filed.statusCode(), filed.body());
    String number = filed.body().replaceAll("(?s).*\"service_request_id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    String staff = server.login("sv-01");
    Map<?, ?> c = server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/cases/" + number).bearerAuth(staff),
        Map.class);
    server.client().toBlocking().retrieve(HttpRequest.POST("/api/v1/cases/" + number + "/resolve",
        Map.of("version", c.get("version"), "publicAnswer", "The hole was filled.")).bearerAuth(staff), Map.class);
    return number;
  }

  private static void keys(ChromeDriver driver, CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  @Test
  void theCitizenRatesTheAnswerByKeyboardWithoutAccessibilityViolations() throws Exception {
    String number = filedAndResolved();
    ChromeDriver driver = browsers.open();
    ConsolePage page = new ConsolePage(driver, server.uri());
    driver.get(server.uri() + "/track/?lang=en");
    page.until(d -> d.findElement(By.id("number")).isDisplayed());
    driver.findElement(By.id("number")).sendKeys(number);
    driver.findElement(By.id("digits")).sendKeys("4321", Keys.ENTER);
    page.until(d -> d.findElement(By.id("rating-form")).isDisplayed());
    assertEquals("How satisfied are you with the department's answer?",
        driver.findElement(By.id("rating-legend")).getText());
    assertEquals("[]", Browsers.axeViolations(driver), "/track/ rating form in en");

    new Select(driver.findElement(By.id("lang"))).selectByValue("ko");
    page.until(d -> "ko".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
    assertEquals("부서의 답변에 얼마나 만족하셨나요?", driver.findElement(By.id("rating-legend")).getText());
    assertEquals("[]", Browsers.axeViolations(driver), "/track/ rating form in ko");
    driver.findElement(By.id("digits")).click();
    keys(driver, Keys.TAB, Keys.TAB);
    assertEquals("score-1", driver.switchTo().activeElement().getDomAttribute("id"), "Tab reaches the scores");
    keys(driver, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
    page.until(d -> d.findElement(By.id("score-4")).isSelected());
    keys(driver, Keys.TAB, "구멍을 빨리 메워 주셨어요", Keys.TAB, Keys.ENTER);
    page.until(d -> d.findElement(By.id("rating-given")).isDisplayed());
    assertEquals("보내 주신 평가: 4점 / 5점. 감사합니다.", driver.findElement(By.id("rating-given")).getText());
    assertFalse(driver.findElement(By.id("rating-form")).isDisplayed(), "rated once: the form is gone");
    assertEquals("[]", Browsers.axeViolations(driver), "/track/ after rating in ko");

    new Select(driver.findElement(By.id("lang"))).selectByValue("en");
    page.until(d -> "Your rating: 4 of 5. Thank you.".equals(d.findElement(By.id("rating-given")).getText()));
    assertEquals("[]", Browsers.axeViolations(driver), "/track/ after rating in en");
    Browsers.screenshot(driver, "track-rated-en");

    Map<?, ?> c = server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/cases/" + number)
        .bearerAuth(server.login("sv-01")), Map.class);
    List<?> history = (List<?>) c.get("history");
    Map<?, ?> last = (Map<?, ?>) history.get(history.size() - 1);
    assertEquals("RATED", last.get("kind"));
    assertEquals("4", last.get("detail"));
    assertEquals("구멍을 빨리 메워 주셨어요", last.get("note"));
  }
}
