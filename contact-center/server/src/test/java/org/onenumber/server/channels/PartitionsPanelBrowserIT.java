package org.onenumber.server.channels;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.routing.RoutingHost;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The wallboard's "routing partitions" panel in real Chromium (issue 11), pushed: two cluster nodes
 * on one PostgreSQL; a supervisor's wallboard on the standby, node-b, shows the one partition,
 * {@code routing}, routed by node-a (not here). Right after the panel's frame (when a page that polls
 * every 5 s had just read), node-a stops: node-b takes the partition over at its next heartbeat, and
 * the panel must show node-b routing it here within 2 s of that, with the change announced
 * ({@code role=status}), without a click and without one read of {@code GET /api/v1/cluster/partitions}
 * (the page before session 16 read it every 5 s: it fails both). 0 axe violations in English and
 * Korean. Saves {@code target/browser/wallboard-partitions.png}. The single node's view (one
 * partition, no lease) is {@code PartitionsController}'s javadoc and the API's tests.
 */
class PartitionsPanelBrowserIT {

  @RegisterExtension
  final Browsers browsers = new Browsers();

  @Test
  void aFailoverShowsOnAStandbysPanelWithoutAClick() throws Exception {
    Map<String, String> db = TestDatabases.postgresProperties("partitions_panel");
    List<Integer> ports = List.of(freePort(), freePort());
    ServerHarness a = ServerHarness.perTest(node(db, "node-a", ports, 0));
    ServerHarness b = ServerHarness.perTest(node(db, "node-b", ports, 1));
    try {
      a.start();
      b.start();
      RoutingHost routingB = b.bean(RoutingHost.class);
      ChromeDriver driver = browsers.open();
      ConsolePage page = new ConsolePage(driver, b.uri()).signInOnWallboard("sv-01");
      page.until(d -> row(driver).size() == 6 && row(driver).get(2).equals("node-a"));
      List<String> before = row(driver);
      assertTrue(before.get(1).contains("english") && before.get(1).contains("messaging-ko"), "every queue: " + before);
      assertEquals("no", before.get(4), "routed by this node: " + before);
      assertTrue(before.get(3).matches("\\d+\\.\\d s left \\(epoch \\d+\\)"), "lease: " + before);
      page.until(d -> "live".equals(page.text("#partitions-state")));
      assertEquals("[]", Browsers.axeViolations(driver), "wallboard with the partitions panel, English");

      String at = page.text("#partitions-node");
      page.until(d -> !at.equals(page.text("#partitions-node"))); // a frame just came: a polling page just read
      a.stop();
      await("node-b routes the partition").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
          .until(() -> routingB.routedHere().contains("routing"));
      long tookOver = System.nanoTime();
      page.until(d -> row(driver).get(2).equals("node-b") && row(driver).get(4).equals("yes"));
      double shownSeconds = (System.nanoTime() - tookOver) / 1e9;
      System.out.printf("RESULT partitions-panel shown_after_takeover_s=%.2f%n", shownSeconds);
      assertTrue(shownSeconds < 2, "the panel showed the takeover " + shownSeconds + " s after it");
      assertTrue(page.text("#partitions-change").matches("routing: (moved from node node-a to|taken by) node node-b.*"),
          page.text("#partitions-change"));
      assertEquals(0L, driver.executeScript("return performance.getEntriesByType('resource')"
          + ".filter(e => e.name.endsWith('/api/v1/cluster/partitions')).length"), "the panel never polls");
      driver.executeScript("document.getElementById('partitions-section').scrollIntoView()");
      Browsers.screenshot(driver, "wallboard-partitions");

      new org.openqa.selenium.support.ui.Select(driver.findElement(org.openqa.selenium.By.id("lang"))).selectByValue("ko");
      page.until(d -> "라우팅 파티션 (누가 어느 큐를 배분하나)".equals(page.text("#partitions-title")));
      page.until(d -> row(driver).contains("예"));
      assertEquals("[]", Browsers.axeViolations(driver), "wallboard with the partitions panel, Korean");
    } finally {
      b.afterEach(null);
      a.afterEach(null);
    }
  }

  private static List<String> row(ChromeDriver driver) {
    return Browsers.texts(driver, "#partitions tbody tr[data-partition='routing'] > *");
  }

  /** A cluster node's settings: the shared database, its name, and a Hazelcast membership of the two. */
  private static Map<String, Object> node(Map<String, String> db, String name, List<Integer> ports, int index) {
    Map<String, Object> settings = new HashMap<>(db);
    settings.putAll(Map.of("onenumber.cluster.enabled", "true", "onenumber.cluster.node-id", name,
        "onenumber.cluster.name", "panel-" + ProcessHandle.current().pid() + "-" + ports.get(0),
        "onenumber.cluster.members", "127.0.0.1:" + ports.get(0) + ",127.0.0.1:" + ports.get(1),
        "onenumber.cluster.port", String.valueOf(ports.get(index))));
    return settings;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
