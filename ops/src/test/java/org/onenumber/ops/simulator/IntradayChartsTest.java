package org.onenumber.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class IntradayChartsTest {

  @Test
  void writesFourWellFormedChartsWithASolidSimulatorLineAndADashedServerLineBrokenWhereTheServerHasNoValue(
      @TempDir Path dir) throws Exception {
    List<IntradayReport.Row> rows = List.of(
        new IntradayReport.Row(LocalTime.of(9, 0), 40, 40, 90, 88, 5, 6, 2.5, 2.5),
        new IntradayReport.Row(LocalTime.of(9, 15), 60, 60, 80, Double.NaN, 9, Double.NaN, 5, 5),
        new IntradayReport.Row(LocalTime.of(9, 30), 70, 71, 70, 71, 12, 11, 7, 7));
    List<Path> files = IntradayCharts.write(dir, "seoul-120 & <test>", rows);
    assertEquals(List.of("offered.svg", "sl15.svg", "asa.svg", "abandonment.svg"),
        files.stream().map(f -> f.getFileName().toString()).toList());
    for (Path f : files) {
      Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile());
      assertEquals("svg", svg.getDocumentElement().getTagName());
      assertTrue(svg.getElementsByTagName("title").item(0).getTextContent().contains("seoul-120 & <test>"));
    }
    Document sl = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("sl15.svg").toFile());
    var lines = sl.getElementsByTagName("polyline");
    assertEquals(3, lines.getLength(), "one simulator line, the server's broken in two at 09:15");
    assertTrue(lines.item(1).getAttributes().getNamedItem("stroke-dasharray") != null);
    assertEquals(3, lines.item(0).getAttributes().getNamedItem("points").getTextContent().split(" ").length);
    assertTrue(Files.readString(dir.resolve("offered.svg")).contains(">100<"), "the axis rounds 71 up to 100");
  }

  @Test
  void roundsTheAxisUpToOneTwoOrFiveTimesAPowerOfTen() {
    assertEquals(100, IntradayCharts.niceCeiling(71));
    assertEquals(2, IntradayCharts.niceCeiling(1.3));
    assertEquals(500, IntradayCharts.niceCeiling(420));
    assertEquals(1, IntradayCharts.niceCeiling(Double.NaN));
  }
}
