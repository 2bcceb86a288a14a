package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A supervisor on the floor, in three browsers (citizen chat, operator console, supervisor's
 * live-conversations page): silent monitoring shows the operator a "monitored" mark and the
 * supervisor the conversation read-only; a whisper reaches only the operator; a barge-in reaches
 * the citizen as the supervisor; stopping removes the mark; every mode is an audited session.
 */
class SupervisorMonitorBrowserIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();
  @RegisterExtension
  final Browsers browsers = new Browsers();

  @SuppressWarnings("unchecked")
  @Test
  void aSupervisorMonitorsWhispersAndBargesIntoALiveChat() {
    ConsoleApi api = new ConsoleApi(server);
    ChromeDriver citizen = browsers.open();
    citizen.get(server.uri() + "/chat/");
    ConsolePage chat = new ConsolePage(citizen, server.uri());
    chat.click("#language-buttons button[lang=en]");
    chat.until(d -> d.findElement(By.id("message")).isDisplayed());
    citizen.findElement(By.id("message")).sendKeys("How do I pay my water bill?", Keys.ENTER);

    ConsolePage operator = new ConsolePage(browsers.open(), server.uri()).signIn("op-022").ready();
    operator.choose("AVAILABLE");
    operator.click("#offers button.accept");
    operator.until(d -> api.held("op-022").size() == 1);
    String contact = (String) api.held("op-022").get(0).get("contactId");
    operator.until(d -> operator.text(ConsolePage.PANEL + ".log").contains("water bill"));
    assertFalse(operator.find(ConsolePage.PANEL + ".monitored").isDisplayed());

    ChromeDriver sv = browsers.open();
    sv.get(server.uri() + "/wallboard/index.html?lang=en");
    ConsolePage supervisor = new ConsolePage(sv, server.uri());
    supervisor.until(d -> d.findElement(By.id("login")).isDisplayed());
    sv.findElement(By.id("username")).sendKeys("sv-01");
    sv.findElement(By.id("password")).sendKeys("demo1234");
    sv.findElement(By.id("login-button")).click();
    supervisor.until(d -> "live".equals(d.findElement(By.id("connection")).getText()));
    sv.get(server.uri() + "/wallboard/monitor.html");
    supervisor.click("#live tr[data-contact='" + contact + "'] button.watch");
    supervisor.until(d -> supervisor.text("#watch-log").contains("How do I pay my water bill?"));
    assertFalse(sv.findElement(By.id("say")).isDisplayed(), "silent monitoring is read-only");
    operator.until(d -> d.findElement(By.cssSelector(ConsolePage.PANEL + ".monitored")).isDisplayed());
    assertTrue(operator.text(ConsolePage.PANEL + ".monitored").contains("sv-01"));
    assertEquals("[]", Browsers.axeViolations(sv), "supervisor's monitoring page");

    sv.findElement(By.cssSelector("[data-mode=WHISPER]")).click();
    supervisor.until(d -> d.findElement(By.id("say")).isDisplayed());
    sv.findElement(By.id("say-text")).sendKeys("Offer the e-bill", Keys.ENTER);
    operator.until(d -> operator.text(ConsolePage.PANEL + ".note-list").contains("Offer the e-bill"));

    sv.findElement(By.cssSelector("[data-mode=BARGE]")).click();
    supervisor.until(d -> "true".equals(d.findElement(By.cssSelector("[data-mode=BARGE]")).getAttribute("aria-pressed")));
    sv.findElement(By.id("say-text")).sendKeys("Hello, this is the duty supervisor.", Keys.ENTER);
    chat.until(d -> Browsers.chatLog(citizen).stream().anyMatch(t -> t.contains("duty supervisor")));
    assertTrue(Browsers.chatLog(citizen).stream().noneMatch(t -> t.contains("e-bill")), "a whisper never reaches the citizen");
    operator.until(d -> operator.text(ConsolePage.PANEL + ".log").contains("duty supervisor"));
    Browsers.screenshot(sv, "monitor-supervisor");
    Browsers.screenshot(operator.driver, "monitor-operator");

    sv.findElement(By.id("stop")).click();
    operator.until(d -> !d.findElement(By.cssSelector(ConsolePage.PANEL + ".monitored")).isDisplayed());
    List<Map<String, Object>> audit = (List<Map<String, Object>>) api.get("/api/v1/monitor/conversations/" + contact
        + "/audit", "sv-01").get("items");
    assertEquals(List.of("SILENT", "WHISPER", "BARGE"), audit.stream().map(s -> s.get("mode")).toList());
    assertTrue(audit.stream().allMatch(s -> s.get("endedAt") != null && "sv-01".equals(s.get("supervisor"))), audit.toString());
    assertEquals(403, api.status("/api/v1/monitor/conversations/" + contact + "/session", Map.of("mode", "SILENT"), "op-001"),
        "operators do not monitor");
    List<Map<String, Object>> viewed = (List<Map<String, Object>>) api.get("/api/v1/audit?actor=sv-01", "admin")
        .get("items");
    assertTrue(viewed.stream().filter(e -> contact.equals(e.get("recordId"))).map(e -> e.get("recordType"))
        .collect(Collectors.toSet()).containsAll(Set.of("monitoring-silent", "monitoring-whisper", "monitoring-barge")),
        "each monitoring mode is a view of the citizen's conversation in the audit log: " + viewed);
  }
}
