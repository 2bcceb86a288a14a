package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * One person across channels in the console: a citizen who texted earlier from their phone now
 * writes in the web chat; the operator confirms who they are and links the phone number in the
 * citizen panel, and the panel then shows the earlier text and its phone — one history, audited
 * with how the operator verified it.
 */
class IdentityLinkBrowserIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();
  @RegisterExtension
  final Browsers browsers = new Browsers();

  @SuppressWarnings("unchecked")
  @Test
  void anOperatorLinksAVerifiedPhoneAndSeesOneHistory() {
    ConsoleApi api = new ConsoleApi(server);
    String earlier = api.open(Map.of("channel", "SMS", "phone", "010-5555-0901", "language", "zh", "queue", "chinese",
        "topic", "streetlight out"));

    ChromeDriver citizen = browsers.open();
    citizen.get(server.uri() + "/chat/");
    ConsolePage chat = new ConsolePage(citizen, server.uri());
    chat.click("#language-buttons button[lang=en]");
    chat.until(d -> d.findElement(By.id("message")).isDisplayed());
    citizen.findElement(By.id("message")).sendKeys("I texted you last week about a streetlight", Keys.ENTER);

    ConsolePage operator = new ConsolePage(browsers.open(), server.uri()).signIn("op-022").ready();
    operator.choose("AVAILABLE");
    operator.click("#offers button.accept");
    operator.until(d -> api.held("op-022").size() == 1);
    String contact = (String) api.held("op-022").get(0).get("contactId");
    operator.until(d -> operator.text(ConsolePage.PANEL + ".open-cases").contains("none"));
    assertTrue(!operator.text(ConsolePage.PANEL + ".history").contains("streetlight out"), "not linked yet");

    operator.find(ConsolePage.PANEL + ".link-identity summary").click();
    operator.find(ConsolePage.PANEL + ".link-form input[name=value]").sendKeys("010-5555-0901");
    new Select(operator.find(ConsolePage.PANEL + ".link-form select[name=verification]")).selectByValue("known-facts");
    assertEquals("[]", Browsers.axeViolations(operator.driver), "console with the link form open");
    operator.find(ConsolePage.PANEL + ".link-form input[name=value]").sendKeys(Keys.ENTER);
    operator.until(d -> operator.text(ConsolePage.PANEL + ".link-status").contains("Linked"));
    assertTrue(operator.text(ConsolePage.PANEL + ".facts").contains("+821055550901"), operator.text(ConsolePage.PANEL + ".facts"));
    assertTrue(operator.text(ConsolePage.PANEL + ".history").contains("streetlight out"), "the earlier text shows");
    Browsers.screenshot(operator.driver, "identity-linked");

    String citizenId = (String) api.get("/api/v1/contacts/" + contact, "op-022").get("citizenId");
    List<Map<String, Object>> contacts = (List<Map<String, Object>>) api.get("/api/v1/citizens/" + citizenId, "sv-01")
        .get("contacts");
    assertTrue(contacts.stream().anyMatch(c -> earlier.equals(c.get("id"))), "the earlier contact is the citizen's now");
    List<Map<String, Object>> audit = (List<Map<String, Object>>) api.get("/api/v1/audit?actor=op-022", "admin")
        .get("items");
    assertTrue(audit.stream().anyMatch(e -> "link".equals(e.get("action")) && citizenId.equals(e.get("recordId"))
        && String.valueOf(e.get("reason")).contains("known-facts")), audit.toString());
    assertEquals(403, api.status("/api/v1/citizens/" + citizenId + "/identities",
        Map.of("kind", "phone", "value", "010-5555-0902", "verification", "known-facts"), "op-001"),
        "an operator who does not hold the citizen's contact may not link");
  }
}
