package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * A supervisor manages the operators' macros on the wallboard's macro page, by keyboard: writes a
 * water-department macro with a variable (the preview fills it), saves it, edits it, and deletes
 * another; operators find the saved macro for that language and department, and the page has no
 * accessibility violations in Korean or English.
 */
class MacroAdminBrowserIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();
  @RegisterExtension
  final Browsers browsers = new Browsers();

  @SuppressWarnings("unchecked")
  @Test
  void aSupervisorWritesEditsAndDeletesMacrosThatOperatorsThenUse() {
    ConsoleApi api = new ConsoleApi(server);
    ChromeDriver sv = browsers.open();
    ConsolePage page = new ConsolePage(sv, server.uri());
    sv.get(server.uri() + "/wallboard/index.html?lang=en");
    page.until(d -> d.findElement(By.id("login")).isDisplayed());
    sv.findElement(By.id("username")).sendKeys("sv-01");
    sv.findElement(By.id("password")).sendKeys("demo1234", Keys.ENTER);
    page.until(d -> "live".equals(d.findElement(By.id("connection")).getText()));
    sv.findElement(By.linkText("Macros")).click();
    page.until(d -> d.getCurrentUrl().endsWith("/wallboard/macros.html"));
    page.until(d -> !d.findElements(By.cssSelector("#m-department option[value=water]")).isEmpty());
    int before = sv.findElements(By.cssSelector("#macro-list tbody tr")).size();

    sv.findElement(By.id("m-title")).sendKeys("Water bill by e-mail");
    assertEquals("water-bill-by-e-mail", sv.findElement(By.id("m-id")).getAttribute("value"), "the id follows the title");
    new Select(sv.findElement(By.id("m-language"))).selectByValue("en");
    new Select(sv.findElement(By.id("m-department"))).selectByValue("water");
    sv.findElement(By.id("m-body")).sendKeys("Dear ");
    sv.findElement(By.cssSelector("[data-variable=citizenName]")).click();
    sv.findElement(By.id("m-body")).sendKeys(", your e-bill starts next month.");
    assertEquals("Dear 김민원, your e-bill starts next month.", sv.findElement(By.id("m-preview")).getText());
    assertEquals("[]", Browsers.axeViolations(sv), "macro page (en)");
    sv.findElement(By.id("m-body")).sendKeys(Keys.TAB, Keys.TAB, Keys.TAB, Keys.TAB, Keys.ENTER);
    page.until(d -> page.text("#form-status").contains("Saved"));
    page.until(d -> d.findElements(By.cssSelector("#macro-list tr[data-macro=water-bill-by-e-mail]")).size() == 1);
    assertEquals(before + 1, sv.findElements(By.cssSelector("#macro-list tbody tr")).size());

    List<Map<String, Object>> water = (List<Map<String, Object>>) api.get("/api/v1/macros?language=en&department=water",
        "op-022").get("items");
    assertTrue(water.stream().anyMatch(m -> "water-bill-by-e-mail".equals(m.get("id"))
        && "Dear {citizenName}, your e-bill starts next month.".equals(m.get("body"))), water.toString());

    sv.findElement(By.cssSelector("#macro-list tr[data-macro=water-bill-by-e-mail] button")).click();
    assertTrue(Boolean.parseBoolean(sv.findElement(By.id("m-id")).getAttribute("readOnly")), "an edit keeps the id");
    sv.findElement(By.id("m-title")).sendKeys(" (paperless)", Keys.ENTER);
    page.until(d -> page.text("#macro-list tr[data-macro=water-bill-by-e-mail]").contains("(paperless)"));

    String other = sv.findElements(By.cssSelector("#macro-list tbody tr")).stream()
        .map(r -> r.getAttribute("data-macro")).filter(id -> !"water-bill-by-e-mail".equals(id)).findFirst().orElseThrow();
    sv.findElements(By.cssSelector("#macro-list tr[data-macro='" + other + "'] button")).get(1).click();
    sv.switchTo().alert().accept();
    page.until(d -> d.findElements(By.cssSelector("#macro-list tr[data-macro='" + other + "']")).isEmpty());
    assertFalse(((List<Map<String, Object>>) api.get("/api/v1/macros/all", "sv-01").get("items")).stream()
        .anyMatch(m -> other.equals(m.get("id"))), "deleted on the server");
    Browsers.screenshot(sv, "macros-en");

    new Select(sv.findElement(By.id("lang"))).selectByValue("ko");
    page.until(d -> "ko".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    assertEquals("[]", Browsers.axeViolations(sv), "macro page (ko)");
  }
}
