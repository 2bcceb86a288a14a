package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.core.campaign.Campaigns;
import org.onenumber.server.persistence.JdbcSeniorRegistry;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The supervisors' campaigns page ({@code /wallboard/campaigns.html}) in Chromium, with the
 * keyboard only: a heat-wave text to the seniors of a district is previewed (a count, never a
 * phone number), scheduled with a throughput limit, sent by the campaign rounds and its delivery
 * figures refreshed on the page; axe-core finds no WCAG 2.2 A/AA violation on the way. Rounds are
 * driven by the test ({@code onenumber.campaigns.sender=false}).
 */
class CampaignsBrowserIT {

  private static final String TEXT = "Heat wave tomorrow: stay inside 12-17h, drink water. Seoul 120";

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("onenumber.welfare.dialer", "false",
      "onenumber.campaigns.sender", "false"));
  @RegisterExtension
  final Browsers browsers = new Browsers();

  @Test
  void aSupervisorPreviewsSchedulesAndFollowsAHeatWaveCampaignWithTheKeyboard() {
    server.bean(JdbcSeniorRegistry.class).saveAll(List.of(
        CampaignSmsIT.senior("S-1", "+821044440001", "Jongno-gu"),
        CampaignSmsIT.senior("S-2", "+821044440002", "Jongno-gu"),
        CampaignSmsIT.senior("S-3", "+821044440003", "Mapo-gu")));
    ChromeDriver page = browsers.open();
    WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(20));
    SupervisorPages.open(page, wait, server.uri(), "sv-01", "campaigns.html");
    assertEquals("[]", Browsers.axeViolations(page), "the empty form");

    page.findElement(By.id("name")).sendKeys("heat wave");
    new Select(page.findElement(By.id("audience"))).selectByValue("seniors-of-district");
    page.findElement(By.id("value")).sendKeys("Jongno-gu");
    page.findElement(By.id("text")).sendKeys(TEXT);
    page.findElement(By.id("per-second")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "2");
    page.findElement(By.id("preview")).sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.textMatches(By.id("preview-result"),
        Pattern.compile("^2 recipients\\. The message: .+")));
    assertFalse(page.getPageSource().contains("+8210"), "no phone number on the page");

    page.findElement(By.id("send")).sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.textToBe(By.id("preview-result"), "The campaign is scheduled."));
    String row = "#campaigns tbody tr";
    wait.until(ExpectedConditions.textToBe(By.cssSelector(row + " th"), "heat wave"));
    assertEquals("2", page.findElement(By.cssSelector(row + " td:nth-of-type(4)")).getText(), "recipients");

    int sent = 0;
    for (int round = 0; round < 5 && sent < 2; round++) {
      sent += server.bean(Campaigns.class).sendRound();
    }
    assertEquals(2, sent);
    page.findElement(By.id("refresh")).sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.textToBe(By.cssSelector(row + " td:nth-of-type(5)"), "2"));
    assertEquals("[]", Browsers.axeViolations(page), "the campaign and its figures");
    Browsers.screenshot(page, "campaigns");
  }
}
