package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onenumber.server.channels.StaffPageLanguage.LANGUAGES;
import static org.onenumber.server.channels.StaffPageLanguage.speaks;
import static org.onenumber.server.channels.StaffPageLanguage.t;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The operator console in the six citizen languages in real Chromium, one server start (H2), one
 * browser. Opened with {@code ?lang=ja} it downloads one catalogue, Japanese's ({@code /console/texts-ja.js});
 * every language's catalogue has every Korean key ({@code I18N.gaps()}); the sign-in page speaks
 * Japanese without violations. Then an operator with a conversation open (an SMS in Vietnamese from a named citizen)
 * and a second offer waiting switches through ko, en, zh, ja, vi and mn with the header's selector
 * (the last by keyboard alone): {@code <html lang>} follows, no text was asked for a key the language
 * lacks ({@code I18N.missing()}), the offer, state, outcome and tab texts are the catalogue's, the
 * citizen's language and identity kind are words (Tiếng Việt, not vi), the department names are the
 * server's Korean or English, axe-core finds no WCAG 2.2 A/AA violation,
 * and a Tab-only walk from the top reaches every control, the language selector among them. The
 * choice is kept, and Mongolian times read the 24-hour clock (Chromium's mn-MN says AM/PM unasked).
 * Saves {@code target/browser/console-<lang>.png}.
 */
class ConsoleLanguagesBrowserIT {

  private static final String PANEL = ConsolePage.PANEL;

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();
  @RegisterExtension
  final Browsers browsers = new Browsers();

  @Test
  void theConsoleSpeaksSixLanguagesByKeyboardWithoutViolations() {
    ChromeDriver driver = StaffPageLanguage.recordingErrors(browsers);
    ConsolePage page = new ConsolePage(driver, server.uri());
    driver.get(server.uri() + "/console/?lang=ja");
    page.until(d -> d.findElements(By.cssSelector("#lang option")).size() == LANGUAGES.size());
    assertEquals(List.of("/console/texts-ja.js"), StaffPageLanguage.cataloguesLoaded(driver), "one catalogue, the chosen language's");
    assertEquals("[]", StaffPageLanguage.gaps(driver), "keys some language lacks");
    speaks(driver, "ja", "sign-in page");
    assertEquals(t(driver, "signInTitle"), page.text("#login-title"));
    assertEquals("[]", Browsers.axeViolations(driver), "sign-in page in ja");

    driver.findElement(By.id("username")).sendKeys("op-031");
    driver.findElement(By.id("password")).sendKeys("demo1234\n");
    page.ready();
    ConsoleApi api = new ConsoleApi(server);
    page.choose("AVAILABLE");
    page.until(d -> "AVAILABLE".equals(api.availability("op-031")));
    api.open(Map.of("channel", "SMS", "phone", "010-5555-3101", "name", "Nguyen Thi Lan", "language", "vi",
        "queue", "vietnamese", "topic", "water bill"));
    page.click("#offers button.accept");
    page.until(d -> page.text("#tabs").contains("Nguyen Thi Lan"));
    speaks(driver, "ja", "console signed in");
    assertEquals(t(driver, "resolve"), page.text(PANEL + ".resolve"), "a new conversation's panel speaks the page's language");
    assertEquals(t(driver, "knowledge"), page.text(PANEL + ".knowledge h3"));
    api.offerTimeoutSeconds("vietnamese", 900); // the walk through six languages outlasts 20 s on a loaded machine
    api.open(Map.of("channel", "SMS", "phone", "010-5555-3102", "language", "vi", "queue", "vietnamese", "topic", "road"));
    page.find("#offers button.decline");
    page.click(PANEL + ".show-escalate");
    page.click(PANEL + ".link-identity summary");

    for (String language : LANGUAGES) {
      if (language.equals("mn")) {
        driver.findElement(By.id("lang")).sendKeys(Keys.END); // the last language, by keyboard alone
      } else {
        new Select(driver.findElement(By.id("lang"))).selectByValue(language);
      }
      page.until(d -> language.equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
      page.until(d -> page.text("#offers button.decline").equals(t(driver, "decline")));
      speaks(driver, language, "console");
      assertEquals(t(driver, "stAvailable"), new Select(driver.findElement(By.id("state"))).getFirstSelectedOption().getText());
      assertEquals(t(driver, "resolve"), page.text(PANEL + ".resolve"));
      assertEquals(t(driver, "sc_resolve"), page.text("#shortcut-sheet tbody tr:nth-child(5) td"));
      page.until(d -> page.text("#tabs").equals("Nguyen Thi Lan · " + t(driver, "ch_SMS")));
      assertTrue(page.text("#offers strong").contains(" · Tiếng Việt · "), "the offer names the language: " + page.text("#offers strong"));
      page.until(d -> page.text(PANEL + ".facts").contains(t(driver, "phone") + "+82"));
      assertTrue(page.text(PANEL + ".facts").contains(t(driver, "language") + "Tiếng Việt"), page.text(PANEL + ".facts"));
      String water = page.text(PANEL + "select[name=department] option[value=water]");
      if (language.equals("ko")) {
        assertTrue(water.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL), water);
      } else {
        assertTrue(water.startsWith("Waterworks Headquarters"), "the server's English name: " + water);
        assertNotEquals(language.equals("en"), water.contains(" · "), "Korean beside English in zh, ja, vi, mn: " + water);
      }
      Browsers.screenshot(driver, "console-" + language);
      assertEquals("[]", Browsers.axeViolations(driver), "console in " + language);
      Map<String, List<String>> walk = KeyboardWalk.tab(driver);
      assertEquals(List.of(), walk.get("unreached"), "console controls Tab does not reach, " + language);
      assertTrue(walk.get("reached").contains("lang"), "the language selector is a tab stop: " + walk);
      speaks(driver, language, "console after the walk");
    }
    assertEquals("mn", driver.executeScript("return localStorage.getItem('onenumber.lang')"), "the choice is kept");
    String clock = (String) driver.executeScript("return I18N.time('2026-12-05T14:03:05Z') + ' ' + I18N.dateTime('2026-12-05T14:03:05Z')");
    assertTrue(!clock.contains("AM") && !clock.contains("PM"), "Mongolian times on the 24-hour clock: " + clock);
  }
}
