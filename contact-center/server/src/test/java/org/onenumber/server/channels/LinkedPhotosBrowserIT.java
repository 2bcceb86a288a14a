package org.onenumber.server.channels;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The department case page in real Chromium, by keyboard: a pothole filed through Open311 with a
 * photo link (a local HTTP server; loopback allowed for the test) is fetched into the case; the
 * road department's staff member opens the case from the inbox with Enter, sees "Linked photos"
 * with the link attached and moves to the picture with "Show the photo"; then corrects the case's
 * category from the city's tree (the stored category says "corrected by staff"). axe-core finds no
 * violation on the case page.
 */
class LinkedPhotosBrowserIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("onenumber.media.allow-http", true,
      "onenumber.media.allowed-ranges", "127.0.0.0/8", "onenumber.media.fetch-every", "200ms"));
  @RegisterExtension
  final Browsers browsers = new Browsers();
  private final LocalPhotos photos = new LocalPhotos();

  @AfterEach
  void stopPhotos() {
    photos.close();
  }

  private Map<?, ?> get(String path) {
    return server.client().toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(server.login("staff-roads")),
        Map.class);
  }

  private static void keys(ChromeDriver driver, CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  @Test
  void staffSeeTheLinkedPhotoAndCorrectTheCategoryByKeyboard() throws Exception {
    String caseId = photos.fileWithPhoto(server.uri());
    await().atMost(Duration.ofSeconds(30)).until(() -> ((List<?>) get("/api/v1/cases/" + caseId + "/attachments")
        .get("items")).size() == 1);
    ChromeDriver driver = browsers.open();
    ConsolePage page = new ConsolePage(driver, server.uri());
    driver.get(server.uri() + "/department/?lang=en");
    page.until(d -> d.findElement(By.id("username")).isDisplayed());
    driver.findElement(By.id("username")).sendKeys("staff-roads");
    driver.findElement(By.id("password")).sendKeys("demo1234", Keys.ENTER);
    page.until(d -> Browsers.texts(driver, "#cases td button").contains(caseId));

    WebElement open = driver.findElements(By.cssSelector("#cases td button")).stream()
        .filter(b -> b.getText().equals(caseId)).findFirst().orElseThrow();
    new Actions(driver).moveToElement(open).perform();
    driver.executeScript("arguments[0].focus()", open);
    keys(driver, Keys.ENTER);
    page.until(d -> d.findElement(By.id("links-section")).isDisplayed()
        && d.findElements(By.cssSelector("#photos img")).size() == 1);
    String link = driver.findElement(By.cssSelector("#media-links li")).getText();
    assertTrue(link.contains("attached") && link.contains(photos.url()), link);
    WebElement show = driver.findElement(By.cssSelector("#media-links li button"));
    driver.executeScript("arguments[0].focus()", show);
    keys(driver, Keys.ENTER);
    page.until(d -> d.switchTo().activeElement().getDomAttribute("id").startsWith("photo-"));
    assertEquals("[]", Browsers.axeViolations(driver), "the case page with its linked photo");

    page.until(d -> d.findElement(By.id("category-form")).isDisplayed());
    Select categories = new Select(driver.findElement(By.id("category-select")));
    String before = categories.getFirstSelectedOption().getDomAttribute("value");
    driver.executeScript("arguments[0].focus()", driver.findElement(By.id("category-select")));
    keys(driver, Keys.ARROW_DOWN);
    String chosen = categories.getFirstSelectedOption().getDomAttribute("value");
    assertTrue(!chosen.equals(before), "the arrow key chose another type");
    keys(driver, Keys.TAB, Keys.ENTER);
    page.until(d -> d.findElement(By.id("category-status")).getText().equals("The category was changed."));
    assertTrue(driver.findElement(By.id("case-category")).getText().endsWith("corrected by staff"),
        driver.findElement(By.id("case-category")).getText());
    assertEquals(chosen, get("/api/v1/cases/" + caseId + "/category").get("category"));
    assertEquals("[]", Browsers.axeViolations(driver), "the case page after the correction");
    Browsers.screenshot(driver, "department-linked-photos");
  }
}
