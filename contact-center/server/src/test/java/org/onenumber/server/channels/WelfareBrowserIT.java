package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcSeniorRegistry;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The welfare program's page ({@code /wallboard/welfare.html}) in Chromium, with the keyboard
 * only: today's figures, a senior's card opened by id (and the look written to the audit log), and
 * a CSV import checked row by row (a bad file stores nothing); axe-core finds no WCAG 2.2 A/AA
 * violation on the way.
 */
class WelfareBrowserIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("onenumber.welfare.dialer", "false",
      "onenumber.campaigns.sender", "false"));
  @RegisterExtension
  final Browsers browsers = new Browsers();

  private long seniorLooks() {
    return server.bean(Jdbc.class).queryOne("select count(*) from audit_log where record_type = 'senior'"
        + " and record_id = 'S-1' and actor = 'sv-01'", r -> r.getLong(1)).orElseThrow();
  }

  @Test
  void aWelfareSupervisorReadsTodaysProgramASeniorsCardAndAnImportReport() {
    server.bean(JdbcSeniorRegistry.class).saveAll(List.of(
        CampaignSmsIT.senior("S-1", "+821044440001", "Jongno-gu"),
        CampaignSmsIT.senior("S-2", "+821044440002", "Mapo-gu")));
    ChromeDriver page = browsers.open();
    WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(20));
    SupervisorPages.open(page, wait, server.uri(), "sv-01", "welfare.html");
    wait.until(ExpectedConditions.textMatches(By.id("today"), Pattern.compile("Enrolled\\s+2")));
    assertEquals("[]", Browsers.axeViolations(page), "today's program");

    long before = seniorLooks();
    page.findElement(By.id("senior-id")).sendKeys("S-1", Keys.ENTER);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card")));
    String card = page.findElement(By.id("card")).getText();
    assertTrue(card.contains("Jongno-gu"), card);
    assertEquals(before + 1, seniorLooks(), "the look is audited");
    assertEquals("[]", Browsers.axeViolations(page), "a senior's card");

    page.findElement(By.id("csv")).sendKeys("id,name,phones,address,district,language,consent_calls,consent_sms,"
        + "consent_sharing,consent_emergency,consent_by,consent_at,emergency_contacts,worker,worker_phone,windows,mode,"
        + "care_notes,enrolled_on,ends_on\nS-9,Kim,not-a-phone,Sejong-daero 1,Jongno-gu,ko,yes,yes,no,no,sv-01,"
        + "2026-01-01T00:00:00Z,,,,,SMS,,2020-01-01,\n");
    page.findElement(By.id("check")).sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.textMatches(By.id("import-result"), Pattern.compile("^\\d+ rows refused")));
    assertTrue(page.findElement(By.id("refused")).isDisplayed());
    assertEquals(2L, server.bean(Jdbc.class).queryOne("select count(*) from welfare_senior", r -> r.getLong(1))
        .orElseThrow(), "nothing stored");
    assertEquals("[]", Browsers.axeViolations(page), "the import report");
    Browsers.screenshot(page, "welfare");
  }
}
