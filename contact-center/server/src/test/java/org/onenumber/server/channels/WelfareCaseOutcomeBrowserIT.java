package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcSeniorRegistry;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A welfare case ends with its outcome (#16), in Chromium: the welfare team's staff open the case in
 * the department portal, whose resolve form asks for the outcome (required: the form does not go
 * without it), choose "Senior safe" and resolve; the welfare program's page then lists the escalation
 * with that outcome as what was done. axe-core finds no violation on the case page.
 */
class WelfareCaseOutcomeBrowserIT {

  private static final String PHONE = "+821044440019";

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("onenumber.welfare.dialer", "false",
      "onenumber.campaigns.sender", "false"));
  @RegisterExtension
  final Browsers browsers = new Browsers();

  /** A senior's welfare escalation and the case it opened for the welfare department (as the ladder does). */
  @SuppressWarnings("unchecked")
  private String welfareCase() {
    Map<String, String> form = Map.of("MessageSid", "SM0000000000000000000000000000ee01", "SmsSid",
        "SM0000000000000000000000000000ee01", "AccountSid", ServerHarness.ACCOUNT, "From", PHONE, "To", "+8215880120",
        "Body", "check on my mother please", "NumMedia", "0");
    server.webhook("/webhooks/twilio/sms", form, server.sign("/webhooks/twilio/sms", form));
    String supervisor = server.login("sv-01");
    Map<String, Object> contacts = server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/contacts?phone="
        + PHONE).bearerAuth(supervisor), Map.class);
    String contact = (String) ((List<Map<String, Object>>) contacts.get("items")).get(0).get("id");
    String caseId = (String) server.client().toBlocking().retrieve(HttpRequest.POST("/api/v1/contacts/" + contact
        + "/escalate", Map.of("department", "welfare", "category", "welfare-check", "summary",
            "Welfare check for senior S-9: UNREACHED")).bearerAuth(supervisor), Map.class).get("id");
    server.bean(JdbcSeniorRegistry.class).saveAll(List.of(CampaignSmsIT.senior("S-9", PHONE, "Jongno-gu")));
    Jdbc jdbc = server.bean(Jdbc.class);
    jdbc.update("insert into welfare_attempt (id, senior_id, call_day, attempt_no, due_at, check_in_mode, state,"
        + " outcome, ended_at) values ('wo-1', 'S-9', ?, 1, ?, 'AUTOMATED', 'DONE', 'NO_ANSWER', ?)",
        LocalDate.now(ZoneId.of("Asia/Seoul")), Instant.now(), Instant.now());
    jdbc.update("insert into welfare_escalation (attempt_id, senior_id, reason, contact_id, decided_at, case_id, done)"
        + " values ('wo-1', 'S-9', 'UNREACHED', ?, ?, ?, true)", contact, Instant.now().minusSeconds(60), caseId);
    return caseId;
  }

  private String outcome() {
    return server.bean(Jdbc.class).queryOne("select coalesce(outcome, '') from welfare_escalation"
        + " where attempt_id = 'wo-1'", r -> r.getString(1)).orElseThrow();
  }

  @Test
  void theWelfareTeamResolvesWithTheOutcomeAndTheProgramPageShowsIt() {
    String caseId = welfareCase();
    ChromeDriver driver = browsers.open();
    ConsolePage page = new ConsolePage(driver, server.uri());
    driver.get(server.uri() + "/department/?lang=en");
    page.until(d -> d.findElement(By.id("username")).isDisplayed());
    driver.findElement(By.id("username")).sendKeys("staff-welfare");
    driver.findElement(By.id("password")).sendKeys("demo1234");
    driver.findElement(By.id("login-button")).click();
    page.until(d -> Browsers.texts(driver, "#cases td button").contains(caseId));
    driver.findElement(By.xpath("//td/button[text()='" + caseId + "']")).click();
    page.until(d -> d.findElement(By.id("welfare-outcome")).isDisplayed());
    assertEquals("Welfare outcome", driver.findElement(By.cssSelector("label[for=welfare-outcome]")).getText());
    assertEquals("[]", Browsers.axeViolations(driver), "the welfare case page");

    driver.findElement(By.id("answer")).sendKeys("A volunteer found her well.");
    driver.findElement(By.id("resolve")).click();
    assertEquals(Boolean.TRUE, ((JavascriptExecutor) driver).executeScript(
        "return document.getElementById('welfare-outcome').validity.valueMissing"), "the outcome is required");
    assertEquals("", outcome(), "nothing was sent without the outcome");

    new Select(driver.findElement(By.id("welfare-outcome"))).selectByVisibleText("Senior safe");
    driver.findElement(By.id("resolve")).click();
    page.until(d -> "resolved".equals(d.findElement(By.id("case-status")).getText()));
    assertEquals("SENIOR_SAFE", outcome());
    Browsers.screenshot(driver, "welfare-case-outcome");

    ChromeDriver wallboard = browsers.open();
    WebDriverWait wait = new WebDriverWait(wallboard, Duration.ofSeconds(20));
    SupervisorPages.open(wallboard, wait, server.uri(), "sv-01", "welfare.html");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("escalations"), "Senior safe"));
    assertTrue(wallboard.findElement(By.id("escalations")).getText().contains(caseId));
  }
}
