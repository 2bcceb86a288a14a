package org.onenumber.server.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onenumber.server.TestDatabases;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The wallboard in a real browser (Debian's Chromium, headless): a supervisor signs in, contacts
 * arrive through the public intake, and the pushed tiles and drill-down change to the expected
 * figures without a reload. Saves {@code target/wallboard.png} and {@code target/wallboard-tv.png}.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WallboardBrowserIT implements TestPropertyProvider {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

  @Inject
  EmbeddedServer server;

  private WebDriver browser;
  private Path profile;

  @Override
  public Map<String, String> getProperties() {
    return Map.of("datasources.default.url", TestDatabases.h2Url());
  }

  @BeforeAll
  void startBrowser() throws Exception {
    assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(), "needs Debian's chromium and chromium-driver");
    profile = Files.createTempDirectory("wallboard-chromium");
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
        "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--disable-dev-shm-usage", "--window-size=1400,1100", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private void waitFor(String what, java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage(what).until(d -> condition.getAsBoolean());
  }

  private void openContact(String phone, String channel) throws Exception {
    HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(server.getURL() + "/api/v1/contacts")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"" + channel + "\",\"phone\":\"" + phone
            + "\",\"language\":\"ko\",\"topic\":\"불법 주정차\""
            + ("VOICE".equals(channel) ? ",\"queue\":\"general-ko\"" : "") + "}")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(201, reply.statusCode(), reply.body());
  }

  @Test
  void tilesFollowArrivingContactsAfterASupervisorSignsIn() throws Exception {
    browser.get(server.getURL() + "/wallboard/index.html?lang=en");
    waitFor("login form", () -> browser.findElement(By.id("login")).isDisplayed());
    browser.findElement(By.id("username")).sendKeys("sv-01");
    browser.findElement(By.id("password")).sendKeys("demo1234");
    browser.findElement(By.id("login-button")).click();
    waitFor("live stream", () -> "live".equals(text("connection")) && "0".equals(text("offered-value")));

    openContact("010-5000-0001", "VOICE");
    openContact("010-5000-0002", "VOICE");
    openContact("010-5000-0003", "SMS");
    waitFor("three offered", () -> "3".equals(text("offered-value")) && "3".equals(text("waiting-value")));
    assertEquals("0.0%", text("sl-value"), "none answered within 15 s of 3 offered");
    assertTrue(browser.findElement(By.id("tile-sl")).getAttribute("class").contains("bad"));
    assertEquals("A(T) ÷ O", text("sl-formula"));
    waitFor("drill-down per queue", () -> !browser.findElements(By.cssSelector("#drill tr[data-id='general-ko']")).isEmpty());
    assertTrue(browser.findElement(By.cssSelector("#drill tr[data-id='general-ko']")).getText().startsWith("general-ko 2 0 0"));
    browser.findElement(By.cssSelector(".tab[data-kind='channel']")).click();
    waitFor("drill-down per channel", () -> !browser.findElements(By.cssSelector("#drill tr[data-id='SMS']")).isEmpty());
    save("wallboard.png");

    browser.findElement(By.id("lang-toggle")).click();
    assertEquals("서비스 레벨", browser.findElement(By.cssSelector("#tile-sl h3")).getText());
    browser.findElement(By.id("tv-toggle")).click();
    assertTrue(browser.findElement(By.tagName("body")).getAttribute("class").contains("tv"));
    openContact("010-5000-0004", "VOICE");
    waitFor("fourth contact pushed in TV mode", () -> "4".equals(text("offered-value")));
    save("wallboard-tv.png");
  }

  private void save(String name) throws Exception {
    File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Path target = Path.of("target", name);
    Files.createDirectories(target.getParent());
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
  }
}
