package org.onenumber.channels.open311;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documents in both formats, against the specification's examples. */
class GeoReportDocumentsTest {

  private static final ServiceRequestView CLOSED = new ServiceRequestView("C-1", "closed", null, "포트홀",
      "roads-01", "Hole & \"crack\" <b>", "Road Management Division", null,
      Instant.parse("2026-11-30T01:02:03.456Z"), Instant.parse("2026-11-30T02:00:00Z"), null,
      "Sejong-daero 110", null, null, 37.5665, 126.978, "https://x.org/1.jpg");

  @Test
  void serviceListIsAnXmlListAndAJsonArrayOfObjects() {
    Node doc = GeoReportDocuments.services(List.of(Catalogue.POTHOLE));
    String xml = Open311Format.XML.render(doc);
    assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<services><service><service_code>roads-01"
        + "</service_code><service_name>포트홀</service_name>"), xml);
    assertTrue(xml.contains("<metadata>true</metadata><type>realtime</type>"), xml);
    assertEquals("[{\"service_code\":\"roads-01\",\"service_name\":\"포트홀\",\"description\":\"Potholes in the road\","
        + "\"metadata\":true,\"type\":\"realtime\",\"keywords\":\"포트홀, pothole\","
        + "\"group\":\"Road Management Division\"}]", Open311Format.JSON.render(doc));
  }

  @Test
  void serviceDefinitionIsAnObjectWithAttributesAndListValues() {
    String json = Open311Format.JSON.render(GeoReportDocuments.definition(Catalogue.POTHOLE));
    assertTrue(json.startsWith("{\"service_code\":\"roads-01\",\"attributes\":[{\"variable\":true,\"code\":\"language\","
        + "\"datatype\":\"singlevaluelist\",\"required\":false,"), json);
    assertTrue(json.contains("\"values\":[{\"key\":\"small\",\"name\":\"Smaller than a hand\"},"), json);
    assertTrue(json.contains("\"datatype_description\":null,\"order\":3"), json);
    String xml = Open311Format.XML.render(GeoReportDocuments.definition(Catalogue.POTHOLE));
    assertTrue(xml.contains("<attributes><attribute><variable>true</variable><code>language</code>"), xml);
    assertTrue(xml.contains("<values><value><key>small</key><name>Smaller than a hand</name></value>"), xml);
    assertTrue(xml.contains("<datatype_description/>"), xml);
  }

  @Test
  void requestsEscapeTextAndWriteW3cDatetimesInUtc() {
    Node doc = GeoReportDocuments.requests(List.of(CLOSED));
    String xml = Open311Format.XML.render(doc);
    assertTrue(xml.contains("<description>Hole &amp; &quot;crack&quot; &lt;b&gt;</description>"), xml);
    assertTrue(xml.contains("<requested_datetime>2026-11-30T01:02:03Z</requested_datetime>"), xml);
    assertTrue(xml.contains("<expected_datetime/>"), xml);
    assertTrue(xml.contains("<lat>37.5665</lat><long>126.978</long>"), xml);
    String json = Open311Format.JSON.render(doc);
    assertTrue(json.startsWith("[{\"service_request_id\":\"C-1\",\"status\":\"closed\",\"status_notes\":null,"), json);
    assertTrue(json.contains("\"description\":\"Hole & \\\"crack\\\" \\u003cb>\""), json);
    assertTrue(json.contains("\"lat\":37.5665,\"long\":126.978,\"media_url\":\"https://x.org/1.jpg\"}]"), json);
  }

  @Test
  void jsonIsUtf8WithControlCharactersAndLineSeparatorsEscaped() {
    Node doc = new Node.ListOf("errors", List.of(new Node.Group("error", List.of(
        Node.leaf("description", "포트홀 a\nb\tc\r\u0001\u001f\b\f \u2028\u2029 </script> \\ é"),
        Node.leaf("code", 7L), Node.leaf("ok", true), Node.leaf("lat", 37.50), Node.leaf("long", 127.0)))));
    String expected = "[{\"description\":\"포트홀 a\\nb\\tc\\r\\u0001\\u001f\\u0008\\u000c \\u2028\\u2029"
        + " \\u003c/script> \\\\ é\",\"code\":7,\"ok\":true,\"lat\":37.5,\"long\":127}]";
    assertEquals(expected, Open311Format.JSON.render(doc));
    assertEquals(expected, new String(Open311Format.JSON.bytes(doc), java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void createdTokenAndErrorDocumentsHaveTheSpecificationsShape() {
    assertEquals("[{\"service_request_id\":\"C-1\",\"service_notice\":\"due\",\"account_id\":null}]",
        Open311Format.JSON.render(GeoReportDocuments.created("C-1", "due")));
    assertTrue(Open311Format.XML.render(GeoReportDocuments.created("C-1", null)).contains(
        "<service_requests><request><service_request_id>C-1</service_request_id><service_notice/><account_id/>"));
    assertEquals("[{\"service_request_id\":\"C-1\",\"token\":\"t\"}]",
        Open311Format.JSON.render(GeoReportDocuments.token("C-1", "t")));
    GeoReportError e = new GeoReportError(403, "api_key is missing or not valid");
    assertEquals("[{\"code\":403,\"description\":\"api_key is missing or not valid\"}]",
        Open311Format.JSON.render(GeoReportDocuments.errors(e)));
    assertTrue(Open311Format.XML.render(GeoReportDocuments.errors(e)).contains(
        "<errors><error><code>403</code><description>api_key is missing or not valid</description></error></errors>"));
  }

  @Test
  void discoveryListsOneEndpointWithBothFormats() {
    Node doc = GeoReportDocuments.discovery(Instant.parse("2026-11-30T00:00:00Z"), "call 120", "ask the city",
        "https://city.example/open311/v2");
    String json = Open311Format.JSON.render(doc);
    assertTrue(json.contains("\"endpoints\":[{\"specification\":\"http://wiki.open311.org/GeoReport_v2\","
        + "\"url\":\"https://city.example/open311/v2\",\"changeset\":\"2026-11-30T00:00:00Z\",\"type\":\"production\","
        + "\"formats\":[\"text/xml\",\"application/json\"]}]"), json);
    assertTrue(Open311Format.XML.render(doc).contains(
        "<formats><format>text/xml</format><format>application/json</format></formats>"));
  }

  @Test
  void endedCaseStatusesAreClosedAndTheRestOpen() {
    assertEquals("closed", ServiceRequestView.statusOf("RESOLVED"));
    assertEquals("closed", ServiceRequestView.statusOf("CLOSED"));
    assertEquals("open", ServiceRequestView.statusOf("WAITING_ON_CITIZEN"));
    assertEquals("open", ServiceRequestView.statusOf("OPEN"));
  }
}
