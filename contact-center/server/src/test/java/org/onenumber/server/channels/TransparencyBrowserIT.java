package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.server.open311.JdbcOpen311Store;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public {@code /transparency/} page in Chromium, without a login: a pothole filed through
 * Open311 and resolved by the department raises the road department's reply rate on the page
 * (charts and table), in all six citizen languages (ko, en, zh, ja, vi, mn), with no axe-core WCAG 2.2 A/AA violation; the public
 * API behind it carries no case number and no text of the case. The pothole category's satisfaction row says
 * its figures are withheld (fewer ratings than the small-cell threshold, here 1) until the citizen rates the
 * answer 5 with the report's token; then it shows 1 rating, 5.00 and 100% satisfied, "Pothole" in English.
 */
class TransparencyBrowserIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("onenumber.analytics.export.min-cell", 1,
      "onenumber.rate-limits.transparency-per-minute", 100));
  @RegisterExtension
  final Browsers browsers = new Browsers();

  @Test
  void aResolvedCaseShowsInTheDepartmentsReplyRateOnThePublicPage() throws Exception {
    Map<String, Object> filed = filePothole();
    String number = (String) filed.get("service_request_id");
    ChromeDriver page = browsers.open();
    WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(20));
    page.get(server.uri() + "/transparency/");
    wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));
    String roadsRate = "#departments tr[data-key='roads'] .reply-rate";
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(roadsRate)));
    String before = page.findElement(By.cssSelector(roadsRate)).getText();
    assertEquals("ko", page.findElement(By.tagName("html")).getDomAttribute("lang"));
    assertEquals("부서별 회신율과 처리 시간", page.findElement(By.id("departments-title")).getText());
    assertEquals("[]", Browsers.axeViolations(page), "the page in Korean");
    String pothole = "#categories tr[data-key='roads/포트홀'] ";
    assertEquals("1건 미만", page.findElement(By.cssSelector(pothole + ".ratings")).getText(), "withheld below the threshold");
    assertEquals("–", page.findElement(By.cssSelector(pothole + ".average")).getText());
    assertTrue(page.findElement(By.id("categories-note")).getText().contains("1건 미만"));
    page.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    assertEquals("lang", page.switchTo().activeElement().getDomAttribute("id"), "Tab reaches the language list");

    resolve(number);
    String token = server.bean(JdbcOpen311Store.class).request(number).orElseThrow().token();
    server.client().toBlocking().retrieve(HttpRequest.POST("/api/v1/track/rating",
        Map.of("token", token, "caseNumber", number, "phoneLast4", "", "score", 5)), Map.class);
    wait.until(d -> {
      d.navigate().refresh();
      return new WebDriverWait(d, Duration.ofSeconds(5)).until(
          ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"))
          && !d.findElement(By.cssSelector(roadsRate)).getText().equals(before)
          && d.findElement(By.cssSelector(pothole + ".ratings")).getText().equals("1");
    });
    assertEquals("5.00", page.findElement(By.cssSelector(pothole + ".average")).getText());
    assertEquals("100.0%", page.findElement(By.cssSelector(pothole + ".satisfied")).getText());
    assertTrue(page.findElements(By.cssSelector("#categories-chart canvas")).size() > 0, "the category chart is drawn");
    assertEquals("100.0%", page.findElement(By.cssSelector(roadsRate)).getText(), "was " + before);
    assertTrue(page.findElements(By.cssSelector("#departments-chart canvas")).size() > 0, "the chart is drawn");
    assertEquals(31, page.findElements(By.cssSelector("#days tbody tr")).size());

    new Select(page.findElement(By.id("lang"))).selectByValue("en");
    wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
    assertEquals("Department reply rates and closing times", page.findElement(By.id("departments-title")).getText());
    assertEquals("[]", Browsers.axeViolations(page), "the page in English");
    assertEquals("Pothole", page.findElement(By.cssSelector(pothole + "th")).getText());
    Browsers.screenshot(page, "transparency");
    page.executeScript("document.getElementById('categories-title').scrollIntoView()");
    Browsers.screenshot(page, "transparency-categories");
    Map<String, String> titles = Map.of("zh", "各部门回复率与处理时间", "ja", "部署別の回答率と処理時間",
        "vi", "Tỷ lệ trả lời và thời gian xử lý theo cơ quan", "mn", "Газруудын хариу өгсөн хувь ба шийдвэрлэх хугацаа");
    for (var language : titles.entrySet()) {
      new Select(page.findElement(By.id("lang"))).selectByValue(language.getKey());
      wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", language.getKey()));
      assertEquals(language.getValue(), page.findElement(By.id("departments-title")).getText());
      assertEquals("100.0%", page.findElement(By.cssSelector(roadsRate)).getText(), language.getKey());
      assertEquals("[]", Browsers.axeViolations(page), "the page in " + language.getKey());
    }
    Browsers.screenshot(page, "transparency-mn");

    String api = server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/transparency"));
    assertFalse(api.contains(number), "no case number in the public figures");
    assertFalse(api.contains("Pothole by exit 3"), "no case text in the public figures");
  }

  private Map<String, Object> filePothole() throws Exception {
    String form = Map.of("api_key", "demo-open311-key", "service_code", "roads-01", "lat", "37.5665", "long",
        "126.978", "description", "Pothole by exit 3").entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .reduce((a, b) -> a + "&" + b).orElseThrow();
    HttpResponse<String> filed = HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
        server.uri().resolve("/open311/v2/requests.json"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, filed.statusCode(), filed.body());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> created = (List<Map<String, Object>>) server.bean(JsonMapper.class)
        .readValue(filed.body(), Object.class);
    return created.get(0);
  }

  private void resolve(String number) {
    String supervisor = server.login("sv-01");
    var http = server.client().toBlocking();
    Map<?, ?> c = http.retrieve(HttpRequest.GET("/api/v1/cases/" + number).bearerAuth(supervisor), Map.class);
    http.retrieve(HttpRequest.POST("/api/v1/cases/" + number + "/resolve",
        Map.of("version", c.get("version"), "publicAnswer", "The hole was filled.")).bearerAuth(supervisor), Map.class);
  }
}
