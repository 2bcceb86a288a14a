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
 * The pages stay signed in across access-token expiry: with a 4-second access token (by
 * configuration) the console (its own api.js) and the department portal (the shared
 * session-renewal.js) renew it with their refresh token before it expires; the first token is
 * refused by the server once expired, and the next action still goes through without a login
 * form. The portal's logout then revokes the session on the server.
 */
class SessionRenewalBrowserIT {

  /** Staff of the water department only: 401 tells an expired or revoked token. */
  private static final String INBOX = "/api/v1/departments/water/inbox?view=new";

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of(
      "micronaut.security.token.generator.access-token.expiration", "4"));
  @RegisterExtension
  final Browsers browsers = new Browsers();

  private static String stored(ChromeDriver page, String key) {
    return (String) page.executeScript("return sessionStorage.getItem(arguments[0])", key);
  }

  private String storedToken(ChromeDriver console) {
    return stored(console, "onenumber.console.token");
  }

  /** Waits until the page has held three different access tokens (two renewals) under {@code key}. */
  private static void twoRenewals(ChromeDriver page, String key) {
    Set<String> seen = new HashSet<>();
    waitFor(page).until(d -> {
      seen.add(stored(page, key));
      return seen.size() >= 3;
    });
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

  /** Opens {@code page}, signs {@code login} in and waits for {@code signedIn} to show. */
  private ChromeDriver signIn(String page, String login, String signedIn) {
    ChromeDriver driver = browsers.open();
    driver.get(server.uri() + page);
    waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(login);
    driver.findElement(By.id("password")).sendKeys("demo1234", Keys.ENTER);
    waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id(signedIn)));
    return driver;
  }

  @Test
  void theConsoleRenewsItsAccessTokenBeforeExpiryAndStaysSignedIn() {
    ChromeDriver console = signIn("/console/", "op-001", "workspace");
    String first = storedToken(console);

    twoRenewals(console, "onenumber.console.token");
    waitFor(console).until(d -> status("/api/v1/agents/op-001", first) == 401);
    assertTrue(console.findElement(By.id("workspace")).isDisplayed(), "still signed in");

    new Select(console.findElement(By.id("state"))).selectByValue("AVAILABLE");
    waitFor(console).until(d -> "AVAILABLE".equals(availability("op-001")));
    assertEquals(200, status("/api/v1/agents/op-001", storedToken(console)), "the renewed token is good");
    assertTrue(console.findElement(By.id("workspace")).isDisplayed(), "no login form after the first token expired");
  }

  @Test
  void theDepartmentPortalRenewsItsAccessTokenAndItsLogoutEndsTheSessionOnTheServer() {
    ChromeDriver portal = signIn("/department/?lang=en", "staff-water", "inbox");
    String first = stored(portal, "onenumber.dept.token");

    twoRenewals(portal, "onenumber.dept.token");
    waitFor(portal).until(d -> status(INBOX, first) == 401);
    Object answered = portal.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "fetch('" + INBOX + "', {headers: {Authorization: 'Bearer ' + arguments[0]}})"
        + ".then(r => done(r.status), e => done(String(e)));", first);
    assertEquals(200L, answered, "the page's expired token is replaced by the renewed one on the way out");
    assertTrue(portal.findElement(By.id("inbox")).isDisplayed(), "still signed in after the first token expired");

    String refreshToken = stored(portal, "onenumber.refresh");
    String current = stored(portal, "onenumber.dept.token");
    portal.findElement(By.id("logout")).sendKeys(Keys.ENTER);
    waitFor(portal).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    waitFor(portal).until(d -> status(INBOX, current) == 401);
    try {
      server.client().toBlocking().exchange(HttpRequest.POST("/api/v1/session/refresh",
          Map.of("refresh_token", refreshToken)), String.class);
      org.junit.jupiter.api.Assertions.fail("the refresh token outlived the logout");
    } catch (HttpClientResponseException e) {
      assertEquals(400, e.getStatus().getCode());
    }
  }
}
