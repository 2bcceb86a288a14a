package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcSeniorRegistry;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The welfare program page's reports in Chromium, by keyboard: the per-district figures (a bar per
 * district and the same table) and the escalations list (each senior listed audited; the id opens
 * the card, audited as a view), in English and Korean, axe-core finding no WCAG 2.2 A/AA violation.
 */
class WelfareReportsBrowserIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("onenumber.welfare.dialer", "false",
      "onenumber.campaigns.sender", "false"));
  @RegisterExtension
  final Browsers browsers = new Browsers();

  private void seed() {
    server.bean(JdbcSeniorRegistry.class).saveAll(List.of(
        CampaignSmsIT.senior("S-1", "+821044440011", "Jongno-gu"),
        CampaignSmsIT.senior("S-2", "+821044440012", "Mapo-gu")));
    Jdbc jdbc = server.bean(Jdbc.class);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
    attempt(jdbc, "wr-1", "S-1", today, "WELL");
    attempt(jdbc, "wr-2", "S-1", today, "NO_ANSWER");
    attempt(jdbc, "wr-3", "S-2", today, "WELL");
    jdbc.update("insert into welfare_escalation (attempt_id, senior_id, reason, contact_id, decided_at, case_id, done)"
        + " values ('wr-2', 'S-1', 'UNREACHED', 'wr-k2', ?, null, false)", Instant.now().minusSeconds(60));
  }

  private static void attempt(Jdbc jdbc, String id, String senior, LocalDate day, String outcome) {
    jdbc.update("insert into welfare_attempt (id, senior_id, call_day, attempt_no, due_at, check_in_mode, state,"
        + " outcome, ended_at) values (?, ?, ?, 1, ?, 'SMS', 'DONE', ?, ?)", id, senior, day, Instant.now(), outcome,
        Instant.now());
  }

  private long audited(String action) {
    return server.bean(Jdbc.class).queryOne("select count(*) from audit_log where record_type = 'senior'"
        + " and record_id = 'S-1' and actor = 'sv-01' and action = ?", r -> r.getLong(1), action).orElseThrow();
  }

  @Test
  void aWelfareSupervisorSeesEachDistrictAndTheEscalationsAndOpensACardFromTheList() {
    seed();
    ChromeDriver page = browsers.open();
    WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(20));
    SupervisorPages.open(page, wait, server.uri(), "sv-01", "welfare.html");
    wait.until(ExpectedConditions.textMatches(By.id("districts"), Pattern.compile("Jongno-gu\\s+1\\s+2\\s+1\\s+1\\s+1"
        + "\\s+50\\.0%")));
    assertTrue(page.findElement(By.id("districts")).getText().matches("(?s).*Mapo-gu\\s+1\\s+1\\s+1\\s+0\\s+0\\s+100\\.0%.*"),
        page.findElement(By.id("districts")).getText());
    assertEquals(2, page.findElements(By.cssSelector("#district-chart rect.bar")).size(), "a bar per district");
    String escalations = page.findElement(By.id("escalations")).getText();
    assertTrue(escalations.contains("S-1") && escalations.contains("Not reached several times")
        && escalations.contains("Case being opened") && !escalations.contains("S-2"), escalations);
    assertEquals(1, audited("list"), "the senior listed is audited");
    assertEquals("[]", Browsers.axeViolations(page), "the reports in English");

    WebElement open = page.findElement(By.cssSelector("#escalations tbody button"));
    long views = audited("view");
    for (int tabs = 0; tabs < 80 && !open.equals(page.switchTo().activeElement()); tabs++) {
      page.switchTo().activeElement().sendKeys(Keys.TAB);
    }
    assertEquals(open, page.switchTo().activeElement(), "the senior's id is reached with Tab");
    open.sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card")));
    assertTrue(page.findElement(By.id("card")).getText().contains("Jongno-gu"));
    assertEquals(views + 1, audited("view"), "the card opened from the list is audited as a view");

    new Select(page.findElement(By.id("lang"))).selectByValue("ko");
    wait.until(ExpectedConditions.textToBe(By.id("escalations-title"), "복지 이관 (최근 7일)"));
    assertTrue(page.findElement(By.id("escalations")).getText().contains("여러 번 연결 안 됨"));
    assertEquals("[]", Browsers.axeViolations(page), "the reports in Korean");
    Browsers.screenshot(page, "welfare-reports");
  }
}
