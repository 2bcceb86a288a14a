package org.onenumber.server.channels;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The operator console in one browser, as an operator uses it: sign in, choose a state, work the tab in view. */
final class ConsolePage {

  /** The conversation in view. */
  static final String PANEL = "[role=tabpanel]:not([hidden]) ";

  final ChromeDriver driver;
  private final URI base;

  ConsolePage(ChromeDriver driver, URI base) {
    this.driver = driver;
    this.base = base;
  }

  ConsolePage signIn(String user) {
    driver.get(base + "/console/");
    until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys("demo1234\n");
    return this;
  }

  /** Signs {@code user} in on the wallboard (English) and waits for its live stream: the staff pages' token. */
  ConsolePage signInOnWallboard(String user) {
    driver.get(base + "/wallboard/index.html?lang=en");
    until(d -> d.findElement(By.id("login")).isDisplayed());
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys("demo1234");
    driver.findElement(By.id("login-button")).click();
    until(d -> "live".equals(d.findElement(By.id("connection")).getText()));
    return this;
  }

  ConsolePage ready() {
    until(ExpectedConditions.visibilityOfElementLocated(By.id("workspace")));
    until(d -> select().getOptions().size() > 3);
    return this;
  }

  Select select() {
    return new Select(driver.findElement(By.id("state")));
  }

  /** Chooses a state in the selector, e.g. AVAILABLE or BREAK:lunch. */
  void choose(String value) {
    select().selectByValue(value);
  }

  String selected() {
    return (String) driver.executeScript("return document.getElementById('state').value");
  }

  <T> T until(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(45), Duration.ofMillis(50))
        .ignoring(StaleElementReferenceException.class).until(condition);
  }

  /** Waits until the selector shows {@code value}. */
  void shows(String value) {
    until(d -> value.equals(selected()));
  }

  void click(String css) {
    // not interactable: still hidden until the server's answer shows it (a wrap-up's "Close now" after Resolve)
    new WebDriverWait(driver, Duration.ofSeconds(45)).ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchElementException.class).ignoring(ElementNotInteractableException.class).until(d -> {
          d.findElement(By.cssSelector(css)).click();
          return true;
        });
  }

  WebElement find(String css) {
    return until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  String text(String css) {
    return String.valueOf(driver.executeScript("const e = document.querySelector(arguments[0]); return e ? e.textContent : null;", css));
  }

  long tabs() {
    return (Long) driver.executeScript("return document.querySelectorAll('#tabs [role=tab]').length");
  }
}
