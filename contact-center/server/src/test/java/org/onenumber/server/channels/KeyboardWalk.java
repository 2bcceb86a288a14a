package org.onenumber.server.channels;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Walks a page with the Tab key only, as a keyboard user does: from the top (a focus point put before
 * everything, taken away after), one real key press at a time, until every tab stop had its turn. A tab stop is a shown control or region whose tabIndex is 0
 * or more (links, buttons, selects, fields, {@code tabindex=0} regions; one radio of a group, the
 * selected tab of a roving tablist; not the content of a closed {@code <details>}); what the walk never focused is what a keyboard cannot reach.
 */
final class KeyboardWalk {

  private static final String MARK = "document.querySelectorAll('[data-kb]').forEach(e => { delete e.dataset.kb; });"
      + "const stops = [...document.querySelectorAll("
      + "'a[href], button, select, input, textarea, [tabindex]')].filter(e => e.tabIndex >= 0 && !e.disabled"
      + " && e.getClientRects().length > 0 && !(e.type === 'radio' && !e.checked)"
      // A closed <details> keeps its content's boxes in Chromium (content-visibility) but no focus: not a stop.
      + " && !(e.closest('details:not([open])') && !e.closest('summary')));"
      + "stops.forEach((e, i) => { e.dataset.kb = String(i); });"
      + "window.kbSeen = new Set();"
      + "document.addEventListener('focusin', ev => { if (ev.target.dataset && ev.target.dataset.kb) window.kbSeen.add(ev.target.dataset.kb); });"
      + "const start = Object.assign(document.createElement('span'), {id: 'kb-start', tabIndex: -1});"
      + "document.body.prepend(start); start.focus();"
      + "return stops.length;";
  private static final String RESULT = "const name = e => e.id || e.getAttribute('aria-label') || e.textContent.trim().slice(0, 40)"
      + " || e.outerHTML.slice(0, 60);"
      + "const stops = [...document.querySelectorAll('[data-kb]')];"
      + "const walk = {reached: stops.filter(e => window.kbSeen.has(e.dataset.kb)).map(name),"
      + " unreached: stops.filter(e => !window.kbSeen.has(e.dataset.kb)).map(name)};"
      + "document.getElementById('kb-start').remove(); return walk;";

  private KeyboardWalk() {}

  /** The tab stops reached and not reached by pressing Tab from the top of the page, by name (id, label or text). */
  @SuppressWarnings("unchecked")
  static Map<String, List<String>> tab(ChromeDriver driver) {
    long stops = (Long) driver.executeScript(MARK);
    // Chromium also stops on scrollable boxes without tabindex: up to twice the stops, until all had a turn.
    for (long i = 0; i < 2 * stops + 4; i++) {
      new Actions(driver).sendKeys(Keys.TAB).perform(); // an Actions is spent by perform()
      if (i >= stops && (i - stops) % 4 == 0 && (Long) driver.executeScript("return window.kbSeen.size") == stops) {
        break;
      }
    }
    return (Map<String, List<String>>) driver.executeScript(RESULT);
  }
}
