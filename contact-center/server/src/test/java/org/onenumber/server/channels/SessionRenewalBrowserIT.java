package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onenumber.server.channels.BrowserStoryIT.waitFor;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console stays signed in across access-token expiry: with a 4-second access token (by
 * configuration) the console renews it with its refresh token before it expires, the first token
 * is refused by the server once expired, and the operator's next action still goes through without
 * a login form.
 */
class ConsoleSessionRefreshBrowserIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of(
      "micronaut.security.token.generator.access-token.expiration", "4"));
  @RegisterExtension
  final Browsers browsers = new Browsers();

  private String storedToken(ChromeDriver console) {
    return (String) console.executeScript("return sessionStorage.getItem('onenumber.console.token')");
  }

  private int status(String path, String token) {
    try {
      return server.client().toBlocking().exchange(HttpRequest.GET(path).bearerAuth(token), String.class)
          .getStatus().getCode();
    } catch (HttpClientResponseException e) {
      return e.getStatus().getCode();
    }
  }

  private Object availability(String agent) {
    return server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/agents/" + agent)
        .bearerAuth(server.login("sv-01")), Map.class).get("availability");
  }

  @Test
  void theConsoleRenewsItsAccessTokenBeforeExpiryAndStaysSignedIn() {
    ChromeDriver console = browsers.open();
    console.get(server.uri() + "/console/");
    waitFor(console).until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("op-001");
    console.findElement(By.id("password")).sendKeys("demo1234", Keys.ENTER);
    waitFor(console).until(ExpectedConditions.visibilityOfElementLocated(By.id("workspace")));
    String first = storedToken(console);

    Set<String> seen = new HashSet<>();
    waitFor(console).until(d -> {
      seen.add(storedToken(console));
      return seen.size() >= 3;
    });
    waitFor(console).until(d -> status("/api/v1/agents/op-001", first) == 401);
    assertTrue(console.findElement(By.id("workspace")).isDisplayed(), "still signed in");

    new Select(console.findElement(By.id("state"))).selectByValue("AVAILABLE");
    waitFor(console).until(d -> "AVAILABLE".equals(availability("op-001")));
    assertEquals(200, status("/api/v1/agents/op-001", storedToken(console)), "the renewed token is good");
    assertTrue(console.findElement(By.id("workspace")).isDisplayed(), "no login form after the first token expired");
  }
}
