package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The department portal in real Chromium: a citizen's SMS is escalated to the water department;
 * its staff member signs in, sees it under "New", accepts it, asks the citizen a question (the
 * local Twilio receives it), the citizen answers by SMS and the answer shows on the case page, the
 * staff member adds a photo (a history row says who, when, type and size), resolves it with a public answer (the local Twilio receives it) and turns that answer
 * into a knowledge-base draft credited to them, and the citizen's
 * tracking page shows "resolved". The inbox, the case page and the tracking page have 0 axe
 * violations.
 */
class DepartmentPortalBrowserIT {

  private static final String PHONE = "+821099990003";

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();
  @RegisterExtension
  final Browsers browsers = new Browsers();

  private void sms(String sid, String body) {
    Map<String, String> form = Map.of("MessageSid", sid, "SmsSid", sid, "AccountSid", ServerHarness.ACCOUNT,
        "From", PHONE, "To", "+8215880120", "Body", body, "NumMedia", "0");
    server.webhook("/webhooks/twilio/sms", form, server.sign("/webhooks/twilio/sms", form));
  }

  @SuppressWarnings("unchecked")
  private String escalated() {
    sms("SM0000000000000000000000000000dd01", "Water is leaking in front of my house");
    String supervisor = server.login("sv-01");
    Map<String, Object> contacts = server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/contacts?phone="
        + PHONE).bearerAuth(supervisor), Map.class);
    String contact = (String) ((List<Map<String, Object>>) contacts.get("items")).get(0).get("id");
    return (String) server.client().toBlocking().retrieve(HttpRequest.POST("/api/v1/contacts/" + contact
        + "/escalate", Map.of("department", "water", "category", "수도 누수", "summary", "Leak in front of the house"))
        .bearerAuth(supervisor), Map.class).get("id");
  }

  /** A 1×1 PNG in a temporary file, for the file input. */
  private static java.nio.file.Path pngFile() {
    try {
      java.nio.file.Path file = java.nio.file.Files.createTempFile("pothole", ".png");
      java.nio.file.Files.write(file, java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ"
          + "AAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
      file.toFile().deleteOnExit();
      return file;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String lastSms() {
    var requests = server.twilio().requests();
    return requests.get(requests.size() - 1).param("Body");
  }

  @Test
  void staffAcceptsAsksHearsTheCitizenResolvesAndTheCitizenTracksIt() {
    String caseId = escalated();
    ChromeDriver driver = browsers.open();
    ConsolePage page = new ConsolePage(driver, server.uri());
    driver.get(server.uri() + "/department/?lang=en");
    page.until(d -> d.findElement(By.id("username")).isDisplayed());
    driver.findElement(By.id("username")).sendKeys("staff-water");
    driver.findElement(By.id("password")).sendKeys("demo1234");
    driver.findElement(By.id("login-button")).click();
    page.until(d -> Browsers.texts(driver, "#cases td button").contains(caseId));
    assertFalse(driver.findElement(By.id("login")).isDisplayed(), "the login form is gone once signed in");
    assertEquals("[]", Browsers.axeViolations(driver), "department inbox");
    Browsers.screenshot(driver, "department-inbox");

    driver.findElement(By.xpath("//td/button[text()='" + caseId + "']")).click();
    page.until(d -> d.findElement(By.id("case")).isDisplayed());
    assertFalse(driver.findElement(By.id("inbox")).isDisplayed());
    assertTrue(driver.findElement(By.id("transcript")).getText().contains("Water is leaking"));
    assertEquals("Leak in front of the house", driver.findElement(By.id("case-summary")).getText());
    assertEquals("[]", Browsers.axeViolations(driver), "department case page");

    driver.findElement(By.id("photo-file")).sendKeys(pngFile().toString());
    driver.findElement(By.id("upload")).click();
    page.until(d -> d.findElement(By.id("history")).getText().contains("photo added"));
    assertTrue(driver.findElement(By.id("history")).getText().contains("staff-water · photo added · image/png"),
        driver.findElement(By.id("history")).getText());
    page.until(d -> d.findElements(By.cssSelector("#photos img")).size() == 1);
    assertEquals("[]", Browsers.axeViolations(driver), "department case page with a photo");

    driver.findElement(By.id("accept")).click();
    page.until(d -> "accepted".equals(d.findElement(By.id("case-status")).getText()));
    driver.findElement(By.id("question")).sendKeys("Which building number?");
    driver.findElement(By.id("ask")).click();
    page.until(d -> "waiting for the citizen".equals(d.findElement(By.id("case-status")).getText()));
    assertTrue(lastSms().endsWith("Which building number?"), lastSms());

    sms("SM0000000000000000000000000000dd02", "Building 101");
    driver.findElement(By.id("back")).click();
    page.until(d -> d.findElement(By.id("inbox")).isDisplayed());
    driver.findElement(By.cssSelector("[data-view=mine]")).click();
    page.until(d -> Browsers.texts(driver, "#cases td button").contains(caseId));
    driver.findElement(By.xpath("//td/button[text()='" + caseId + "']")).click();
    page.until(d -> "in progress".equals(d.findElement(By.id("case-status")).getText()));
    assertTrue(driver.findElement(By.id("history")).getText().contains("Building 101"));

    driver.findElement(By.id("answer")).sendKeys("The pipe was replaced today.");
    driver.findElement(By.id("resolve")).click();
    page.until(d -> "resolved".equals(d.findElement(By.id("case-status")).getText()));
    assertTrue(lastSms().contains("The pipe was replaced today."), lastSms());
    Browsers.screenshot(driver, "department-case");

    driver.findElement(By.id("to-answer")).click();
    page.until(d -> d.findElement(By.id("answer-status")).getText().startsWith("Knowledge-base draft created"));
    String answerId = driver.findElement(By.id("answer-status")).getAttribute("data-answer-id");
    Map<?, ?> draft = server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/answers/" + answerId)
        .bearerAuth(server.login("staff-water")), Map.class);
    assertEquals("DRAFT", draft.get("status"));
    assertEquals("staff-water", draft.get("author"));
    assertEquals("The pipe was replaced today.", draft.get("body"));

    driver.get(server.uri() + "/track/");
    page.until(d -> d.findElement(By.id("number")).isDisplayed());
    driver.findElement(By.id("number")).sendKeys(caseId);
    driver.findElement(By.id("digits")).sendKeys("0003");
    driver.findElement(By.id("submit")).click();
    page.until(d -> d.findElement(By.id("result")).isDisplayed());
    assertEquals("resolved", driver.findElement(By.id("status")).getText());
    assertTrue(driver.findElement(By.id("steps")).getText().contains("The pipe was replaced today."));
    assertEquals("[]", Browsers.axeViolations(driver), "tracking page");
    Browsers.screenshot(driver, "track-resolved");
  }
}
