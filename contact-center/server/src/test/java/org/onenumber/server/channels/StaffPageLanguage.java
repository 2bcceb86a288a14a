package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The staff pages' language ({@code /shared/i18n.js}: the wallboard family and the operator console) as a
 * browser test reads it: the page's script errors, the catalogue's gaps, the catalogues downloaded,
 * whether the page speaks a language, and a text of the chosen language.
 */
final class StaffPageLanguage {

  static final List<String> LANGUAGES = List.of("ko", "en", "zh", "ja", "vi", "mn");

  private StaffPageLanguage() {}

  /** A browser that records every script error of every page it opens in {@code window.pageErrors}. */
  static ChromeDriver recordingErrors(Browsers browsers) {
    ChromeDriver driver = browsers.open();
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
        "window.pageErrors = []; addEventListener('error', e => pageErrors.push(String(e.message)));"));
    return driver;
  }

  /** Every key some language lacks against Korean, as JSON ("[]" when none); it loads every catalogue. */
  static String gaps(ChromeDriver driver) {
    return String.valueOf(driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "I18N.gaps().then(g => done(JSON.stringify(g)), e => done('gaps failed: ' + e));"));
  }

  /** The language catalogues this page has downloaded so far (paths like /console/texts-en.js), in order. */
  @SuppressWarnings("unchecked")
  static List<String> cataloguesLoaded(ChromeDriver driver) {
    return (List<String>) driver.executeScript("return performance.getEntriesByType('resource')"
        + ".map(e => new URL(e.name).pathname).filter(p => /\\/texts[/-][a-z]{2}\\.js$/.test(p))");
  }

  /** The page is in {@code language}: html lang, the selector, and no text asked for a key the language lacks. */
  static void speaks(ChromeDriver driver, String language, String name) {
    assertEquals(language, driver.findElement(By.tagName("html")).getDomAttribute("lang"), name);
    assertEquals(language, new Select(driver.findElement(By.id("lang"))).getFirstSelectedOption().getDomAttribute("value"), name);
    assertEquals("[]", driver.executeScript("return JSON.stringify(I18N.missing())"), name + " in " + language);
    assertEquals("[]", driver.executeScript("return JSON.stringify(window.pageErrors)"), name + " script errors, " + language);
  }

  /** The chosen language's text of {@code key}. */
  static String t(ChromeDriver driver, String key) {
    return (String) driver.executeScript("return I18N.t(arguments[0])", key);
  }
}
