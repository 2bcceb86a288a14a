package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The monitoring roster page in real Chromium, by keyboard: a supervisor adds a volunteer with a
 * login, opens them, accepts the observation they handed in (10 points in the ledger and on the
 * roster), then takes them off the roster: their login is refused, nothing more is filed for them
 * (409), their ledger stays. 0 axe violations in English and Korean; analysts and operators are
 * refused the ledger. Saves {@code target/browser/monitoring-roster.png}.
 */
class MonitoringRosterBrowserIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();
  @RegisterExtension
  final Browsers browsers = new Browsers();

  @Test
  void aSupervisorAddsAMemberAcceptsTheirObservationAndTakesThemOffTheRoster() throws Exception {
    ChromeDriver driver = browsers.open();
    ConsolePage page = new ConsolePage(driver, server.uri());
    page.signInOnWallboard("sv-01");

    driver.get(server.uri() + "/wallboard/members.html?lang=en");
    page.until(d -> "Citizen monitoring roster".equals(d.findElement(By.tagName("h1")).getText()));
    driver.findElement(By.name("name")).sendKeys("Park Minji");
    driver.findElement(By.name("login")).sendKeys("park.minji");
    driver.findElement(By.name("password")).sendKeys("volunteer-2026", Keys.ENTER);
    page.until(d -> "Park Minji added".equals(d.findElement(By.id("status")).getText()));
    WebElement member = page.until(d -> d.findElement(By.xpath("//table[@id='roster']//tr[td='Park Minji']")));
    String id = member.getDomAttribute("data-id");
    assertEquals(200, loginStatus("park.minji", "volunteer-2026"), "the member may sign in");

    ConsoleApi api = new ConsoleApi(server);
    api.post("/api/v1/reform/members/" + id + "/observations", Map.of("text",
        "The crossing light at Sejong-daero now gives pedestrians 30 seconds"), "sv-01");
    member.findElement(By.cssSelector("button.open-member")).sendKeys(Keys.ENTER);
    page.until(d -> d.findElement(By.id("member")).isDisplayed()
        && d.findElements(By.cssSelector("#observations button.accept")).size() == 1);
    assertEquals("member-title", driver.switchTo().activeElement().getDomAttribute("id"), "focus moves to the member");
    driver.findElement(By.cssSelector("#observations button.accept")).sendKeys(Keys.ENTER);
    page.until(d -> d.findElements(By.cssSelector("#ledger tbody tr")).size() == 1);
    assertEquals(List.of("The crossing light at Sejong-daero now gives pedestrians 30 seconds", "10"),
        Browsers.texts(driver, "#ledger tbody td").subList(1, 3));
    page.until(d -> Browsers.texts(driver, "#roster tr[data-id='" + id + "'] td").get(2).equals("10"));
    assertEquals("[]", Browsers.axeViolations(driver), "roster with a member open, English");

    driver.findElement(By.cssSelector("#roster tr[data-id='" + id + "'] button.deactivate")).sendKeys(Keys.ENTER);
    page.until(d -> "Park Minji left the roster (login disabled)".equals(d.findElement(By.id("status")).getText()));
    page.until(d -> Browsers.texts(driver, "#roster tr[data-id='" + id + "'] td").get(4).equals("Left the roster"));
    assertTrue(driver.findElements(By.cssSelector("#roster tr[data-id='" + id + "'] button.deactivate")).isEmpty());
    assertEquals(401, loginStatus("park.minji", "volunteer-2026"), "a member who left cannot sign in");
    assertEquals(409, api.status("/api/v1/reform/members/" + id + "/observations", Map.of("text", "more"), "sv-01"));
    assertEquals(409, api.status("/api/v1/reform/members/" + id + "/deactivate", Map.of(), "sv-01"));
    Map<String, Object> ledger = api.get("/api/v1/reform/members/" + id + "/ledger", "sv-01");
    assertEquals(10, ledger.get("balance"), "the ledger is kept");
    assertEquals(false, ledger.get("active"));
    assertEquals(403, api.getStatus("/api/v1/reform/members/" + id + "/ledger", "analyst-01"));
    assertEquals(403, api.getStatus("/api/v1/reform/members/" + id + "/ledger", "op-001"));
    assertEquals(404, api.getStatus("/api/v1/reform/members/no-such-member/ledger", "sv-01"));
    Browsers.screenshot(driver, "monitoring-roster");

    new Select(driver.findElement(By.id("lang"))).selectByValue("ko");
    page.until(d -> "시민 모니터링 위원 명단".equals(d.findElement(By.tagName("h1")).getText()));
    assertEquals("[]", Browsers.axeViolations(driver), "roster, Korean");
  }

  private int loginStatus(String user, String password) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.uri() + "/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
        .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
