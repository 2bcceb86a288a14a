package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * An administrator manages staff accounts on the wallboard's accounts page, by keyboard: finds the
 * operators, unlocks one that wrong passwords locked out, disables another (who then cannot sign
 * in) and enables them again; every listing and change is in the audit log, and the page has no
 * accessibility violations in English or Korean.
 */
class AccountAdminBrowserIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();
  @RegisterExtension
  final Browsers browsers = new Browsers();

  private int login(String user, String password) {
    try {
      return server.client().toBlocking().exchange(HttpRequest.POST("/login",
          Map.of("username", user, "password", password)), String.class).getStatus().getCode();
    } catch (HttpClientResponseException e) {
      return e.getStatus().getCode();
    }
  }

  private String row(ConsolePage page, String login) {
    return page.text("#account-list tr[data-login='" + login + "']");
  }

  @Test
  void anAdministratorUnlocksDisablesAndEnablesAccountsByKeyboardAndEachChangeIsAudited() {
    for (int i = 0; i < 5; i++) {
      login("op-031", "wrong-password");
    }
    assertEquals(401, login("op-031", "demo1234"), "locked out");

    ChromeDriver admin = browsers.open();
    ConsolePage page = new ConsolePage(admin, server.uri());
    admin.get(server.uri() + "/wallboard/index.html?lang=en");
    page.until(d -> d.findElement(By.id("login")).isDisplayed());
    admin.findElement(By.id("username")).sendKeys("admin");
    admin.findElement(By.id("password")).sendKeys("demo1234", Keys.ENTER);
    page.until(d -> d.findElement(By.id("board")).isDisplayed());
    admin.findElement(By.linkText("Accounts")).sendKeys(Keys.ENTER);
    page.until(d -> d.getCurrentUrl().endsWith("/wallboard/accounts.html"));
    page.until(d -> !d.findElements(By.cssSelector("#account-list tr[data-login=admin]")).isEmpty());

    admin.findElement(By.id("q")).sendKeys("op-03", Keys.ENTER);
    page.until(d -> d.findElements(By.cssSelector("#account-list tr[data-login=admin]")).isEmpty());
    assertTrue(row(page, "op-031").contains("locked out"), row(page, "op-031"));
    assertTrue(row(page, "op-032").contains("OPERATOR") && row(page, "op-032").contains("active"), row(page, "op-032"));
    assertEquals("[]", Browsers.axeViolations(admin), "accounts page (en)");
    Browsers.screenshot(admin, "accounts-en");

    admin.findElement(By.cssSelector("button[aria-label='Unlock: op-031']")).sendKeys(Keys.ENTER);
    page.until(d -> !row(page, "op-031").contains("locked out"));
    assertEquals(200, login("op-031", "demo1234"), "unlocked");

    admin.findElement(By.cssSelector("button[aria-label='Disable: op-032']")).sendKeys(Keys.ENTER);
    page.until(d -> row(page, "op-032").contains("disabled"));
    assertEquals("Enable: op-032", admin.switchTo().activeElement().getAttribute("aria-label"),
        "the focus stays on the account just changed");
    assertEquals(401, login("op-032", "demo1234"), "a disabled account cannot sign in");
    admin.switchTo().activeElement().sendKeys(Keys.ENTER);
    page.until(d -> row(page, "op-032").contains("active"));
    assertEquals(200, login("op-032", "demo1234"), "enabled again");

    ConsoleApi api = new ConsoleApi(server);
    assertEquals(400, api.getStatus("/api/v1/accounts?limit=0", "admin"), "bounded pages");
    assertEquals(400, api.getStatus("/api/v1/accounts?q=" + "x".repeat(101), "admin"));
    assertEquals(403, api.getStatus("/api/v1/accounts", "sv-01"), "administrators only");
    String audit = api.get("/api/v1/audit?actor=admin", "admin").toString();
    for (String action : new String[] {"list", "unlock", "disable", "enable"}) {
      assertTrue(audit.contains("action=" + action), action + " audited: " + audit);
    }

    new Select(admin.findElement(By.id("lang"))).selectByValue("ko");
    page.until(d -> "ko".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    page.until(d -> row(page, "op-032").contains("사용 중"));
    assertEquals("[]", Browsers.axeViolations(admin), "accounts page (ko)");
    Browsers.screenshot(admin, "accounts-ko");
  }
}
