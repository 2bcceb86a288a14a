package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.testkit.TcpProxy;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The operator's network drops in the middle of a conversation (the console reaches the server
 * through a TCP proxy that is cut and restored): the console says the connection is lost, and
 * once it is back — without a reload — the conversation is still open with the citizen's message
 * written meanwhile, the state is unchanged, and an offer made during the cut can be accepted.
 */
class ConsoleReconnectBrowserIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();
  @RegisterExtension
  final Browsers browsers = new Browsers();

  @Test
  void theConsoleComesBackAfterTheNetworkDropsWithoutAReload() {
    ConsoleApi api = new ConsoleApi(server);
    ChromeDriver citizen = browsers.open();
    citizen.get(server.uri() + "/chat/");
    ConsolePage chat = new ConsolePage(citizen, server.uri());
    chat.click("#language-buttons button[lang=en]");
    chat.until(d -> d.findElement(By.id("message")).isDisplayed());
    citizen.findElement(By.id("message")).sendKeys("Is the library open on Sunday?", Keys.ENTER);

    try (TcpProxy network = new TcpProxy("127.0.0.1", server.uri().getPort())) {
      URI viaProxy = URI.create("http://127.0.0.1:" + network.port());
      ConsolePage operator = new ConsolePage(browsers.open(), viaProxy).signIn("op-022").ready();
      operator.choose("AVAILABLE");
      operator.click("#offers button.accept");
      operator.until(d -> api.held("op-022").size() == 1);
      operator.until(d -> operator.text(ConsolePage.PANEL + ".log").contains("library"));
      assertTrue(!operator.driver.findElement(By.id("connection-lost")).isDisplayed());

      network.cut();
      operator.until(d -> d.findElement(By.id("connection-lost")).isDisplayed());
      Browsers.screenshot(operator.driver, "reconnect-lost");
      citizen.findElement(By.id("message")).sendKeys("And on holidays?", Keys.ENTER);
      String second = api.open(Map.of("channel", "SMS", "phone", "010-5555-0777", "language", "en", "queue", "english",
          "topic", "parking permit"));
      operator.until(d -> "OFFERED".equals(api.contactState(second)));

      network.restore();
      operator.until(d -> !d.findElement(By.id("connection-lost")).isDisplayed());
      operator.until(d -> operator.text(ConsolePage.PANEL + ".log").contains("And on holidays?"));
      operator.click("#offers button.accept");
      operator.until(d -> api.held("op-022").size() == 2);
      operator.until(d -> operator.tabs() == 2); // the server holds it before the console draws its tab
      assertEquals(2, operator.tabs(), "both conversations open, no reload");
      assertTrue(!"NOT_RESPONDING".equals(api.availability("op-022")), "the offer made during the cut was not missed");
      Browsers.screenshot(operator.driver, "reconnect-back");
    }
  }
}
