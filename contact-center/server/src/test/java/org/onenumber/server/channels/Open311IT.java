package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.testkit.SharedData;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Open311 GeoReport v2 through the real server (H2, demo city with its Open311 catalogue and the
 * demo key): every endpoint in XML and JSON against the specification's shapes, the refusals in
 * the spec's error shape, and the Chicago records of {@code shared/data/open311/} posted and read
 * back field by field.
 *
 * <p>What round-trips from a Chicago record: service_code, service_name, address, lat, long (and
 * the description and media_url a client sends). What the specification lets the server set, so
 * it does not: service_request_id (the city's case number), token, status ({@code open} for a new
 * request; Chicago's were closed), requested_datetime and updated_datetime (when this server
 * received it), expected_datetime (the department's due date), agency_responsible.
 */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class Open311IT {

  private static final String KEY = "demo-open311-key";
  private static final Set<String> REQUEST_FIELDS = Set.of("service_request_id", "status", "status_notes",
      "service_name", "service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
      "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");

  private static ServerHarness server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Extra server properties; the PostgreSQL subclass names its database here. */
  Map<String, Object> properties() {
    return Map.of();
  }

  @BeforeAll
  void start() throws IOException {
    server = new ServerHarness(Files.createTempDirectory("onenumber-open311"), properties()).start();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(path))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }

  private static Object json(HttpResponse<String> response) throws IOException {
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        response.headers().toString());
    return server.bean(JsonMapper.class).readValue(response.body(), Object.class);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> jsonList(HttpResponse<String> response) throws IOException {
    return (List<Map<String, Object>>) json(response);
  }

  private static Element xml(HttpResponse<String> response, String root) throws Exception {
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
    assertTrue(response.body().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), response.body());
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
    assertEquals(root, doc.getDocumentElement().getTagName());
    return doc.getDocumentElement();
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        assertEquals(name, e.getTagName(), "every child of <" + parent.getTagName() + "> is <" + name + ">");
        out.add(e);
      }
    }
    return out;
  }

  private static Map<String, String> fields(Element parent) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.put(e.getTagName(), e.getTextContent());
      }
    }
    return out;
  }

  private static String file(String format, Map<String, String> fields) throws Exception {
    HttpResponse<String> response = post("/open311/v2/requests." + format, form(fields));
    assertEquals(200, response.statusCode(), response.body());
    if (format.equals("json")) {
      List<Map<String, Object>> created = jsonList(response);
      assertEquals(1, created.size());
      assertEquals(Set.of("service_request_id", "service_notice", "account_id"), created.get(0).keySet());
      return (String) created.get(0).get("service_request_id");
    }
    Element request = children(xml(response, "service_requests"), "request").get(0);
    return fields(request).get("service_request_id");
  }

  private static Map<String, String> pothole(String description) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("api_key", KEY);
    f.put("service_code", "roads-01");
    f.put("lat", "37.5665");
    f.put("long", "126.978");
    f.put("description", description);
    return f;
  }

  private static int stored() {
    return server.bean(Jdbc.class).queryOne("select count(*) from open311_request", r -> r.getInt(1)).orElseThrow();
  }

  @Test
  void discoveryListsTheV2EndpointInBothFormats() throws Exception {
    Element discovery = xml(get("/open311/discovery.xml"), "discovery");
    Map<String, String> top = fields(discovery);
    assertEquals(List.of("changeset", "contact", "key_service", "endpoints"), List.copyOf(top.keySet()));
    Element endpoint = children((Element) discovery.getElementsByTagName("endpoints").item(0), "endpoint").get(0);
    assertEquals("http://wiki.open311.org/GeoReport_v2", fields(endpoint).get("specification"));
    assertTrue(fields(endpoint).get("url").endsWith("/open311/v2"));
    assertEquals(2, children((Element) endpoint.getElementsByTagName("formats").item(0), "format").size());

    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) json(get("/open311/discovery.json"));
    List<?> endpoints = (List<?>) json.get("endpoints");
    assertEquals(List.of("text/xml", "application/json"), ((Map<?, ?>) endpoints.get(0)).get("formats"));
  }

  @Test
  void serviceListHasEveryDepartmentCategoryInBothFormats() throws Exception {
    List<Map<String, Object>> services = jsonList(get("/open311/v2/services.json"));
    assertTrue(services.size() >= 40, "4 categories for each demo department: " + services.size());
    Map<String, Object> roads = services.stream().filter(s -> s.get("service_code").equals("roads-01")).findFirst()
        .orElseThrow();
    assertEquals(Set.of("service_code", "service_name", "description", "metadata", "type", "keywords", "group"),
        roads.keySet());
    assertEquals("포트홀", roads.get("service_name"));
    assertEquals(true, roads.get("metadata"));
    assertEquals("realtime", roads.get("type"));
    assertEquals("Road Management Division", roads.get("group"));

    List<Element> xmlServices = children(xml(get("/open311/v2/services.xml?jurisdiction_id=onenumber.example"),
        "services"), "service");
    assertEquals(services.size(), xmlServices.size());
    assertEquals(roads.keySet(), fields(xmlServices.get(0)).keySet());
    assertEquals(404, get("/open311/v2/services.json?jurisdiction_id=sfgov.org").statusCode());
  }

  @Test
  void serviceDefinitionListsTheAttributesInBothFormats() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> definition = (Map<String, Object>) json(get("/open311/v2/services/roads-01.json"));
    assertEquals("roads-01", definition.get("service_code"));
    List<?> attributes = (List<?>) definition.get("attributes");
    Map<?, ?> language = (Map<?, ?>) attributes.get(0);
    assertEquals(Set.of("variable", "code", "datatype", "required", "datatype_description", "order", "description",
        "values"), language.keySet());
    assertEquals("singlevaluelist", language.get("datatype"));
    assertEquals(6, ((List<?>) language.get("values")).size());

    Element xml = xml(get("/open311/v2/services/roads-01.xml"), "service_definition");
    Element attrs = (Element) xml.getElementsByTagName("attributes").item(0);
    assertEquals(attributes.size(), children(attrs, "attribute").size());
    HttpResponse<String> unknown = get("/open311/v2/services/nope.xml");
    assertEquals(404, unknown.statusCode());
    assertEquals("404", fields(children(xml(unknown, "errors"), "error").get(0)).get("code"));
  }

  @Test
  void aPostFilesAContactAndACaseReadBackByIdTokenAndFilters() throws Exception {
    Map<String, String> f = pothole("A deep hole\nnear the bus stop");
    f.put("email", "citizen@example.org");
    f.put("media_url", "https://photos.example.org/hole.jpg");
    f.put("attribute[language]", "en");
    f.put("attribute[place_detail]", "in front of exit 3");
    String id = file("json", f);
    String idXml = file("xml", pothole("Another hole"));

    List<Map<String, Object>> one = jsonList(get("/open311/v2/requests/" + id + ".json"));
    assertEquals(REQUEST_FIELDS, one.get(0).keySet());
    Map<String, Object> r = one.get(0);
    assertEquals("open", r.get("status"));
    assertEquals("roads-01", r.get("service_code"));
    assertEquals("포트홀", r.get("service_name"));
    assertEquals("A deep hole\nnear the bus stop", r.get("description"));
    assertEquals("Road Management Division", r.get("agency_responsible"));
    assertEquals(37.5665, ((Number) r.get("lat")).doubleValue());
    assertEquals("https://photos.example.org/hole.jpg", r.get("media_url"));
    Instant requested = Instant.parse((String) r.get("requested_datetime"));
    assertTrue(Duration.between(requested, Instant.now()).abs().toMinutes() < 5);
    assertNotNull(r.get("expected_datetime"));
    assertFalse(one.toString().contains("citizen@example.org"), "no personal data is written back");

    Element xmlOne = children(xml(get("/open311/v2/requests/" + idXml + ".xml"), "service_requests"), "request")
        .get(0);
    assertEquals(REQUEST_FIELDS, fields(xmlOne).keySet());

    // The case exists for the department, with the contact it came from.
    String supervisor = server.login("sv-01");
    Map<?, ?> found = server.client().toBlocking().retrieve(io.micronaut.http.HttpRequest.GET("/api/v1/cases/" + id)
        .bearerAuth(supervisor), Map.class);
    assertEquals("roads", found.get("department"));
    assertEquals(1, ((List<?>) found.get("contacts")).size());

    String token = server.bean(org.onenumber.server.open311.JdbcOpen311Store.class).request(id).orElseThrow().token();
    assertEquals(List.of(Map.of("service_request_id", id, "token", token)),
        jsonList(get("/open311/v2/tokens/" + token + ".json")));
    assertEquals(Map.of("service_request_id", id, "token", token),
        fields(children(xml(get("/open311/v2/tokens/" + token + ".xml"), "service_requests"), "request").get(0)));
    assertEquals(404, get("/open311/v2/tokens/0000.json").statusCode());
    assertEquals(404, get("/open311/v2/requests/C-00000000-0000.json").statusCode());

    List<Map<String, Object>> both = jsonList(get("/open311/v2/requests.json?service_request_id=" + id + ","
        + idXml + "&status=closed"));
    assertEquals(2, both.size(), "service_request_id overrides every other filter");
    List<Map<String, Object>> open = jsonList(get("/open311/v2/requests.json?service_code=roads-01&status=open"));
    assertTrue(open.stream().map(m -> m.get("service_request_id")).toList().containsAll(List.of(id, idXml)));
    assertEquals(idXml, open.get(0).get("service_request_id"), "newest first");
    assertTrue(jsonList(get("/open311/v2/requests.json?service_code=roads-01&status=closed")).isEmpty());
    assertTrue(jsonList(get("/open311/v2/requests.json?service_code=water-01")).stream()
        .noneMatch(m -> m.get("service_request_id").equals(id)));
    String start = Instant.now().plus(Duration.ofDays(1)).toString();
    assertTrue(jsonList(get("/open311/v2/requests.json?start_date=" + start)).isEmpty());
    List<Element> xmlList = children(xml(get("/open311/v2/requests.xml?status=open"), "service_requests"), "request");
    assertTrue(xmlList.size() >= 2);
    assertEquals(400, get("/open311/v2/requests.json?status=pending").statusCode());
    assertEquals(400, get("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z")
        .statusCode());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aResolvedRequestShowsTheAnswerAsStatusNotesAndCountsInTheDepartmentsReplyRate() throws Exception {
    String id = file("json", pothole("A hole to be answered"));
    Map<String, Object> filed = jsonList(get("/open311/v2/requests/" + id + ".json")).get(0);
    assertNull(filed.get("status_notes"));
    assertTrue(jsonList(get("/open311/v2/requests.json?status=open")).contains(filed), "listed as open");
    String supervisor = server.login("sv-01");
    var http = server.client().toBlocking();
    Map<?, ?> c = http.retrieve(io.micronaut.http.HttpRequest.GET("/api/v1/cases/" + id).bearerAuth(supervisor),
        Map.class);
    http.retrieve(io.micronaut.http.HttpRequest.POST("/api/v1/cases/" + id + "/resolve",
        Map.of("version", c.get("version"), "publicAnswer", "The hole was filled on Tuesday."))
        .bearerAuth(supervisor), Map.class);

    Map<String, Object> r = jsonList(get("/open311/v2/requests/" + id + ".json")).get(0);
    assertEquals("closed", r.get("status"));
    assertEquals("The hole was filled on Tuesday.", r.get("status_notes"));
    assertEquals("The hole was filled on Tuesday.",
        fields(children(xml(get("/open311/v2/requests/" + id + ".xml"), "service_requests"), "request").get(0))
            .get("status_notes"));
    // Listings read the case's columns kept on the request row (V380): the same as the request's own view.
    assertEquals(List.of(r), jsonList(get("/open311/v2/requests.json?service_request_id=" + id)));
    assertTrue(jsonList(get("/open311/v2/requests.json?status=closed")).contains(r), "listed as closed");
    assertTrue(jsonList(get("/open311/v2/requests.json?status=open")).stream()
        .noneMatch(o -> id.equals(o.get("service_request_id"))), "no longer listed as open");
    assertEquals("The hole was filled on Tuesday.", children(xml(get("/open311/v2/requests.xml?status=closed"),
        "service_requests"), "request").stream().map(Open311IT::fields)
        .filter(f -> id.equals(f.get("service_request_id"))).findFirst().orElseThrow().get("status_notes"));

    Map<String, Object> batch = (Map<String, Object>) server.bean(JsonMapper.class).readValue(http.retrieve(
        io.micronaut.http.HttpRequest.GET("/api/v1/reports/departments?department=roads&source=batch")
            .bearerAuth(supervisor), String.class), Object.class);
    Map<String, Object> roads = ((List<Map<String, Object>>) batch.get("rows")).get(0);
    assertEquals("*", roads.get("category"));
    assertTrue(((Number) roads.get("replyRate")).doubleValue() > 0, roads.toString());
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    Object live;
    do {
      live = server.bean(JsonMapper.class).readValue(http.retrieve(
          io.micronaut.http.HttpRequest.GET("/api/v1/reports/departments?department=roads")
              .bearerAuth(supervisor), String.class), Object.class);
    } while (!((Map<String, Object>) live).get("rows").equals(batch.get("rows")) && System.nanoTime() < deadline);
    assertEquals(batch.get("rows"), ((Map<String, Object>) live).get("rows"), "live equals batch");
    String csv = http.retrieve(io.micronaut.http.HttpRequest.GET("/api/v1/reports/departments?format=csv")
        .bearerAuth(supervisor), String.class);
    assertTrue(csv.startsWith("department,category,received,answeredOnTime,"), csv);
    assertTrue(csv.contains("\nroads,\"*\","), csv);
  }

  @Test
  void refusalsUseTheSpecsErrorShapeAndStoreNothing() throws Exception {
    int before = stored();
    Map<String, String> noKey = pothole("x");
    noKey.remove("api_key");
    assertError(post("/open311/v2/requests.json", form(noKey)), 403);
    Map<String, String> badKey = pothole("x");
    badKey.put("api_key", "not-a-key");
    assertError(post("/open311/v2/requests.xml", form(badKey)), 403);
    Map<String, String> noCode = pothole("x");
    noCode.remove("service_code");
    assertError(post("/open311/v2/requests.json", form(noCode)), 400);
    Map<String, String> noPlace = pothole("x");
    noPlace.remove("lat");
    noPlace.remove("long");
    assertError(post("/open311/v2/requests.json", form(noPlace)), 400);
    Map<String, String> badMedia = pothole("x");
    badMedia.put("media_url", "javascript:alert(1)");
    assertError(post("/open311/v2/requests.json", form(badMedia)), 400);
    Map<String, String> unknownService = pothole("x");
    unknownService.put("service_code", "no-such-service");
    assertError(post("/open311/v2/requests.json", form(unknownService)), 404);
    assertError(post("/open311/v2/requests.json", form(pothole("x".repeat(10 * 1024 * 1024)))), 413);
    assertError(post("/open311/v2/requests.json", form(pothole("x".repeat(4_001)))), 413);
    assertEquals(before, stored(), "nothing is stored for a refused request");
    assertEquals(404, get("/open311/v2/services.html").statusCode());
  }

  private static void assertError(HttpResponse<String> response, int status) throws Exception {
    assertEquals(status, response.statusCode(), response.body().length() > 500 ? "(long body)" : response.body());
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (type.startsWith("application/json")) {
      List<Map<String, Object>> errors = jsonList(response);
      assertEquals(Set.of("code", "description"), errors.get(0).keySet());
      assertEquals(status, ((Number) errors.get(0).get("code")).intValue());
    } else {
      Element error = children(xml(response, "errors"), "error").get(0);
      assertEquals(String.valueOf(status), fields(error).get("code"));
    }
  }

  @Test
  void theChicagoRecordsRoundTripFieldByField() throws Exception {
    Path records = chicagoRecords();
    JsonMapper mapper = server.bean(JsonMapper.class);
    Jdbc jdbc = server.bean(Jdbc.class);
    List<String> lines = Files.readAllLines(records).stream().filter(l -> !l.isBlank()).toList();
    assertEquals(16, lines.size());
    Map<String, Map<?, ?>> sentById = new LinkedHashMap<>();
    for (String line : lines) {
      Map<?, ?> chicago = mapper.readValue(line, Map.class);
      String code = (String) chicago.get("service_code");
      // A city's catalogue is rows of open311_service: Chicago's service types, under one department.
      if (jdbc.queryOne("select code from open311_service where code = ?", row -> row.getString(1), code).isEmpty()) {
        jdbc.update("insert into open311_service (code, name, description, keywords, service_group, department_id,"
            + " category, position) values (?, ?, ?, ?, ?, ?, ?, ?)", code, chicago.get("service_name"),
            chicago.get("service_name"), null, "Chicago", "civil-registry", chicago.get("service_name"), 1000);
      }
      Map<String, String> f = new LinkedHashMap<>();
      f.put("api_key", KEY);
      f.put("jurisdiction_id", "onenumber.example");
      f.put("service_code", code);
      f.put("lat", String.valueOf(chicago.get("lat")));
      f.put("long", String.valueOf(chicago.get("long")));
      f.put("address_string", (String) chicago.get("address"));
      f.put("description", "Chicago " + chicago.get("service_request_id"));
      sentById.put(file(sentById.size() % 2 == 0 ? "json" : "xml", f), chicago);
    }
    List<Map<String, Object>> back = jsonList(get("/open311/v2/requests.json?service_request_id="
        + String.join(",", sentById.keySet())));
    assertEquals(16, back.size());
    for (Map<String, Object> r : back) {
      Map<?, ?> chicago = sentById.get((String) r.get("service_request_id"));
      String which = (String) chicago.get("service_request_id");
      assertEquals(chicago.get("service_code"), r.get("service_code"), which);
      assertEquals(chicago.get("service_name"), r.get("service_name"), which);
      assertEquals(chicago.get("address"), r.get("address"), which);
      assertEquals(((Number) chicago.get("lat")).doubleValue(), ((Number) r.get("lat")).doubleValue(), which);
      assertEquals(((Number) chicago.get("long")).doubleValue(), ((Number) r.get("long")).doubleValue(), which);
      assertEquals("Chicago " + which, r.get("description"));
      assertNull(r.get("media_url"));
      // Set by this server, as the specification allows: a new request is open, dated now.
      assertEquals("open", r.get("status"));
      assertTrue(Instant.parse((String) r.get("requested_datetime"))
          .isAfter(Instant.parse((String) chicago.get("requested_datetime"))));
    }
    // The XML list carries the same values.
    for (Element e : children(xml(get("/open311/v2/requests.xml?service_request_id="
        + String.join(",", sentById.keySet())), "service_requests"), "request")) {
      Map<String, String> x = fields(e);
      Map<?, ?> chicago = sentById.get(x.get("service_request_id"));
      assertEquals(chicago.get("address"), x.get("address"));
      assertEquals(((Number) chicago.get("lat")).doubleValue(), Double.parseDouble(x.get("lat")));
    }
  }

  private static Path chicagoRecords() {
    return SharedData.file("open311/chicago-georeport-sample.jsonl");
  }
}
