package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The citizen's {@code /report/} form in Chromium: the category list comes from the Open311
 * service list, the page speaks the chosen language, a missing category is said in words, the
 * place is picked on the Leaflet map with the keyboard (no map tiles: none are configured in
 * tests), the report is filed and its case number shown, and axe-core finds no WCAG 2.2 A/AA
 * violation before or after. The report is then read back through Open311. A second citizen
 * attaches a photo file and follows the report's tracking link to {@code /track/}, which shows it.
 */
class ReportBrowserIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();
  @RegisterExtension
  final Browsers browsers = new Browsers();

  @Test
  void aCitizenFilesAReportPickingThePlaceWithTheKeyboardAndSeesItsNumber() throws IOException {
    ChromeDriver page = browsers.open();
    WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(20));
    page.get(server.uri() + "/report/");
    wait.until(ExpectedConditions.attributeToBe(By.id("service"), "data-loaded", "true"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map.leaflet-container")));
    assertEquals("[]", Browsers.axeViolations(page), "the empty form");

    new Select(page.findElement(By.id("language"))).selectByValue("en");
    assertEquals("Category", page.findElement(By.id("service-label")).getText());
    assertEquals("en", page.findElement(By.tagName("html")).getDomAttribute("lang"));
    page.findElement(By.id("submit")).click();
    wait.until(ExpectedConditions.textToBe(By.id("status"), "Please choose a category."));

    new Select(page.findElement(By.id("service"))).selectByValue("roads-01");
    page.findElement(By.id("description")).sendKeys("Pothole by exit 3");
    page.findElement(By.id("map")).sendKeys(Keys.ARROW_UP, Keys.ARROW_RIGHT);
    page.findElement(By.id("use-centre")).sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.textMatches(By.id("picked"), java.util.regex.Pattern.compile("Place picked: 37\\.\\d+")));
    page.findElement(By.id("photo")).sendKeys("https://photos.example.org/hole.jpg");
    page.findElement(By.id("submit")).sendKeys(Keys.ENTER);

    wait.until(ExpectedConditions.textMatches(By.id("number"), java.util.regex.Pattern.compile("C-\\d{8}-\\d{4}")));
    String number = page.findElement(By.id("number")).getText();
    assertEquals("Thank you, we have your report", page.findElement(By.id("done-title")).getText());
    assertEquals("[]", Browsers.axeViolations(page), "the confirmation");
    Browsers.screenshot(page, "report-filed");

    String json = server.client().toBlocking().retrieve(HttpRequest.GET("/open311/v2/requests/" + number + ".json"));
    @SuppressWarnings("unchecked")
    Map<String, Object> filed = ((List<Map<String, Object>>) server.bean(JsonMapper.class).readValue(json, Object.class))
        .get(0);
    assertEquals("roads-01", filed.get("service_code"));
    assertEquals("Pothole by exit 3", filed.get("description"));
    assertEquals("https://photos.example.org/hole.jpg", filed.get("media_url"));
    assertTrue(Math.abs(((Number) filed.get("lat")).doubleValue() - 37.5665) < 0.05, json);
  }

  @Test
  void aCitizenAttachesAPhotoAndSeesItOnTheTrackingPage() throws Exception {
    Path photo = Files.createTempFile("pothole", ".png");
    BufferedImage image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x55, 0x55, 0x55));
    g.fillRect(0, 0, 48, 32);
    g.setColor(Color.BLACK);
    g.fillOval(12, 8, 24, 16);
    g.dispose();
    ImageIO.write(image, "png", photo.toFile());

    ChromeDriver page = browsers.open();
    WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(20));
    page.get(server.uri() + "/report/");
    wait.until(ExpectedConditions.attributeToBe(By.id("service"), "data-loaded", "true"));
    new Select(page.findElement(By.id("language"))).selectByValue("en");
    assertEquals("Photo (JPEG, PNG, GIF or WebP, up to 5 MB)", page.findElement(By.id("photo-file-label")).getText());
    new Select(page.findElement(By.id("service"))).selectByValue("roads-01");
    page.findElement(By.id("description")).sendKeys("Pothole by exit 3, photo attached");
    page.findElement(By.id("address")).sendKeys("Sejong-daero 110");
    page.findElement(By.id("phone")).sendKeys("010-5555-1234");
    page.findElement(By.id("photo-file")).sendKeys(photo.toString());
    assertEquals("[]", Browsers.axeViolations(page), "the form with a phone and a photo");
    Browsers.screenshot(page, "report-photo-form");
    page.findElement(By.id("submit")).sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.textMatches(By.id("number"), java.util.regex.Pattern.compile("C-\\d{8}-\\d{4}")));
    assertEquals("Follow your report (keep this link)", page.findElement(By.id("track-link")).getText());
    page.findElement(By.id("track-link")).sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
    wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
        "const img = document.querySelector('#photos img'); return !!img && img.complete && img.naturalWidth === 48;"));
    assertTrue(page.findElement(By.cssSelector("#photos img")).getDomAttribute("alt").contains("1"));
    assertEquals("[]", Browsers.axeViolations(page), "the tracking page with the photo");
    Browsers.screenshot(page, "track-photo");
  }

  @Test
  void aDoubleSubmitOfOneFillFilesOneReport() {
    ChromeDriver page = browsers.open();
    WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(30));
    page.get(server.uri() + "/report/");
    wait.until(ExpectedConditions.attributeToBe(By.id("service"), "data-loaded", "true"));
    new Select(page.findElement(By.id("service"))).selectByValue("roads-01");
    page.findElement(By.id("description")).sendKeys("Double submitted pothole");
    page.findElement(By.id("address")).sendKeys("Sejong-daero 110");
    JavascriptExecutor js = (JavascriptExecutor) page;
    // Counts the page's answered posts (not the 409s it retries) and the keys it sent, then
    // submits the form twice before the first answer, as a double click or a double Enter does.
    js.executeScript("window.answered = 0; window.keys = []; const plain = window.fetch;"
        + "window.fetch = (url, init) => plain(url, init).then((r) => {"
        + "  if (String(url).includes('/report/requests')) { window.keys.push(init.headers['Idempotency-Key']);"
        + "    if (r.status !== 409) window.answered++; }"
        + "  return r; });"
        + "const form = document.getElementById('report'); form.requestSubmit(); form.requestSubmit();");
    wait.until(d -> ((Number) js.executeScript("return window.answered")).intValue() == 2);
    wait.until(ExpectedConditions.textMatches(By.id("number"), java.util.regex.Pattern.compile("C-\\d{8}-\\d{4}")));
    @SuppressWarnings("unchecked")
    List<String> keys = (List<String>) js.executeScript("return window.keys");
    assertTrue(keys.size() >= 2 && keys.stream().distinct().count() == 1 && keys.get(0).length() >= 16,
        "one key per fill: " + keys);
    int stored = server.bean(org.onenumber.server.persistence.Jdbc.class).queryOne(
        "select count(*) from open311_request where description = ?", r -> r.getInt(1), "Double submitted pothole")
        .orElseThrow();
    assertEquals(1, stored, "a double submit files one report");
    assertEquals(page.findElement(By.id("number")).getText(), server.bean(org.onenumber.server.persistence.Jdbc.class)
        .queryOne("select service_request_id from open311_request where description = ?", r -> r.getString(1),
            "Double submitted pothole").orElseThrow());
  }
}
