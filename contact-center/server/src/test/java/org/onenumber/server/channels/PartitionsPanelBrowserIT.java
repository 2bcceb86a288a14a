package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The wallboard's "routing partitions" panel in real Chromium (issue 11), on a node alone: a
 * supervisor signs in and sees the one partition, {@code routing}, with every queue, routed by
 * this node without a lease and the number waiting in it; Refresh is reached with the keyboard and
 * reads the view again; 0 axe violations in English and Korean. The cluster's answers (another
 * node's partition, a takeover) are {@code PartitionFailoverPostgresIT}'s. Saves {@code
 * target/browser/wallboard-partitions.png}.
 */
class PartitionsPanelBrowserIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();
  @RegisterExtension
  final Browsers browsers = new Browsers();

  @Test
  void aSupervisorSeesWhoRoutesWhichQueuesAndRefreshesWithTheKeyboard() {
    ChromeDriver driver = browsers.open();
    ConsolePage page = new ConsolePage(driver, server.uri());
    page.signInOnWallboard("sv-01");
    page.until(d -> d.findElements(By.cssSelector("#partitions tbody tr")).size() == 1);
    List<String> row = Browsers.texts(driver, "#partitions tbody tr > *");
    assertEquals("routing", row.get(0));
    assertTrue(row.get(1).contains("english") && row.get(1).contains("messaging-ko"), "every queue: " + row.get(1));
    assertEquals(List.of("single", "one node (no lease)", "yes"), row.subList(2, 5));
    assertTrue(row.get(5).matches("\\d+ \\(\\d+s\\)"), "waiting (oldest): " + row.get(5));
    assertTrue(page.text("#partitions-node").startsWith("This page is served by node single"), page.text("#partitions-node"));

    String loads = driver.findElement(By.id("partitions-section")).getDomAttribute("data-loads");
    driver.executeScript("document.getElementById('partitions-node').setAttribute('tabindex', '-1');"
        + "document.getElementById('partitions-node').focus()");
    new Actions(driver).sendKeys(Keys.TAB).perform();
    assertEquals("partitions-refresh", driver.switchTo().activeElement().getDomAttribute("id"), "Refresh by Tab");
    new Actions(driver).sendKeys(Keys.ENTER).perform();
    page.until(d -> !loads.equals(d.findElement(By.id("partitions-section")).getDomAttribute("data-loads")));
    assertEquals("[]", Browsers.axeViolations(driver), "wallboard with the partitions panel, English");
    driver.executeScript("document.getElementById('partitions-section').scrollIntoView()");
    Browsers.screenshot(driver, "wallboard-partitions");

    driver.findElement(By.id("lang-toggle")).click();
    page.until(d -> "라우팅 파티션 (누가 어느 큐를 배분하나)".equals(d.findElement(By.id("partitions-title")).getText()));
    page.until(d -> Browsers.texts(driver, "#partitions tbody tr > *").contains("예"));
    assertEquals("[]", Browsers.axeViolations(driver), "wallboard with the partitions panel, Korean");
  }
}
