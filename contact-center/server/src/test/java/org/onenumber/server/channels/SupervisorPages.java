package org.onenumber.server.channels;

import java.net.URI;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The supervisors' pages beside the wallboard (campaigns, welfare), opened as in a browser. */
final class SupervisorPages {

  private SupervisorPages() {}

  /**
   * Signs {@code user} in on the wallboard (the pages share its login), then opens
   * {@code /wallboard/<page>} in English, with the keyboard.
   */
  static void open(ChromeDriver browser, WebDriverWait wait, URI server, String user, String page) {
    browser.get(server + "/wallboard/index.html?lang=en");
    wait.until(d -> d.findElement(By.id("login")).isDisplayed());
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys("demo1234", Keys.ENTER);
    wait.until(d -> "live".equals(d.findElement(By.id("connection")).getText()));
    browser.get(server + "/wallboard/" + page);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#lang option[value=en]")));
    if (!"en".equals(browser.findElement(By.tagName("html")).getDomAttribute("lang"))) {
      new Select(browser.findElement(By.id("lang"))).selectByValue("en");
    }
    wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
  }
}
