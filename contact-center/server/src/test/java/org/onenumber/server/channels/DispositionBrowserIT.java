package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.server.analytics.JdbcComplaintCategories;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Issue 18 in Chromium: the operator picks the request's category (service → category → type) in
 * the console by keyboard alone and resolves with Alt+R; the disposition is stored with the
 * contact. axe finds no violation with the picker filled.
 */
class DispositionBrowserIT {

  private static final String OP = "op-022";

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();
  @RegisterExtension
  final Browsers browsers = new Browsers();

  @Test
  void anOperatorChoosesTheCategoryByKeyboardAndItIsStoredWithTheContact() {
    ConsoleApi api = new ConsoleApi(server);
    ConsolePage page = new ConsolePage(browsers.open(), server.uri()).signIn(OP).ready();
    page.choose("AVAILABLE");
    page.until(d -> "AVAILABLE".equals(api.availability(OP)));
    String contact = api.open(Map.of("channel", "SMS", "phone", "010-5555-0901", "language", "en", "queue", "english",
        "topic", "no water since this morning"));
    page.find("#offers button.accept");
    page.driver.findElement(By.tagName("body")).sendKeys(Keys.chord(Keys.ALT, "a"));
    page.until(d -> api.held(OP).size() == 1);
    page.until(d -> page.driver.findElement(By.id("panel-" + contact)).isDisplayed());

    WebElement service = page.find(ConsolePage.PANEL + "select[name=dispositionService]");
    page.until(d -> service.findElements(By.tagName("option")).size() > 5);
    service.sendKeys("Water");
    page.until(d -> "water".equals(service.getAttribute("value")));
    WebElement category = page.find(ConsolePage.PANEL + "select[name=dispositionCategory]");
    service.sendKeys(Keys.TAB);
    category.sendKeys("Water supply");
    page.until(d -> "water.supply".equals(category.getAttribute("value")));
    WebElement type = page.find(ConsolePage.PANEL + "select[name=dispositionType]");
    category.sendKeys(Keys.TAB);
    type.sendKeys("No water");
    page.until(d -> "water.supply.outage".equals(type.getAttribute("value")));
    assertEquals("[]", Browsers.axeViolations(page.driver), "console with the category picker filled");
    Browsers.screenshot(page.driver, "console-disposition");

    type.sendKeys(Keys.chord(Keys.ALT, "r"));
    // the contact's state changes before the disposition row is written (same request): wait for the row
    JdbcComplaintCategories stored = server.bean(JdbcComplaintCategories.class);
    page.until(d -> stored.disposition(contact).isPresent());
    assertEquals("water.supply.outage", stored.disposition(contact).orElseThrow());
    assertTrue(Set.of("WRAP_UP", "CLOSED").contains(api.contactState(contact)), "resolved by Alt+R");
  }
}
