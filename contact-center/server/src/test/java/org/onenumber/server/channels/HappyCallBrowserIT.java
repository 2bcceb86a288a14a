package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.server.persistence.Jdbc;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Happy-call page ({@code /wallboard/happy-calls.html}) in Chromium: the last 7 days' results
 * (sent, answered, answer rate, average score), the answers per score as bars and a table, and the
 * follow-up tasks of low scores, in English and Korean with the keyboard; axe-core finds no WCAG
 * 2.2 A/AA violation. The summary takes 1–31 days (else 400).
 */
class HappyCallBrowserIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("onenumber.welfare.dialer", "false",
      "onenumber.campaigns.sender", "false"));
  @RegisterExtension
  final Browsers browsers = new Browsers();

  private void seed() {
    Jdbc jdbc = server.bean(Jdbc.class);
    Instant at = Instant.now().minus(Duration.ofHours(3));
    jdbc.update("insert into citizen (id, name, preferred_language, store_history, record_calls, sms_opt_out)"
        + " values ('hc-citizen', 'Happy Citizen', 'ko', true, true, false)");
    Object[][] surveys = {{"hc-k1", "ANSWERED", 5}, {"hc-k2", "ANSWERED", 2}, {"hc-k3", "SENT", null},
        {"hc-k4", "SCHEDULED", null}};
    for (Object[] s : surveys) {
      jdbc.update("insert into contact (id, channel, citizen_id, language, required_skills, priority, topic, state,"
          + " created_at, updated_at) values (?, 'SMS', 'hc-citizen', 'ko', '', 1, 'pothole', 'CLOSED', ?, ?)", s[0], at,
          at);
      jdbc.update("insert into happy_call (contact_id, citizen_id, due_at, state, phone, sent_at, score, answered_at)"
          + " values (?, 'hc-citizen', ?, ?, ?, ?, ?, ?)", s[0], at.plusSeconds(3600), s[1],
          "SCHEDULED".equals(s[1]) ? null : "+821055550001", "SCHEDULED".equals(s[1]) ? null : at.plusSeconds(3600),
          s[2], s[2] == null ? null : at.plusSeconds(4000));
    }
    jdbc.update("insert into happy_follow_up (contact_id, score, opened_at) values ('hc-k2', 2, ?)",
        at.plusSeconds(4000));
  }

  @Test
  void aSupervisorReadsTheSurveyResultsAndTheLowScoreFollowUps() {
    seed();
    ChromeDriver page = browsers.open();
    WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(20));
    SupervisorPages.open(page, wait, server.uri(), "sv-01", "happy-calls.html");
    wait.until(ExpectedConditions.textMatches(By.id("results"), Pattern.compile("Surveys\\s+4")));
    String results = page.findElement(By.id("results")).getText();
    assertTrue(results.matches("(?s).*Sent\\s+3.*Answered\\s+2.*Answered %\\s+66\\.7%.*Average score\\s+3\\.50.*"),
        results);
    assertEquals(5, page.findElements(By.cssSelector("#score-chart rect.bar")).size(), "a bar per score");
    assertTrue(page.findElement(By.id("scores")).getText().matches("(?s).*2\\s+1.*5\\s+1.*"),
        page.findElement(By.id("scores")).getText());
    assertTrue(page.findElement(By.id("follow-ups")).getText().contains("hc-k2"));
    assertEquals("[]", Browsers.axeViolations(page), "in English");

    new Select(page.findElement(By.id("lang"))).selectByValue("ko");
    wait.until(ExpectedConditions.textToBe(By.id("results-title"), "최근 7일 결과"));
    assertTrue(page.findElement(By.id("results")).getText().contains("응답률"));
    assertEquals("[]", Browsers.axeViolations(page), "in Korean");
    Browsers.screenshot(page, "happy-calls");

    String token = server.login("sv-01");
    HttpClientResponseException tooMany = org.junit.jupiter.api.Assertions.assertThrows(
        HttpClientResponseException.class, () -> server.client().toBlocking().retrieve(
            HttpRequest.GET("/api/v1/happy-calls/summary?days=32").bearerAuth(token)));
    assertEquals(400, tooMany.getStatus().getCode());
  }
}
