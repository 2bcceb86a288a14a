package org.onenumber.server.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.onenumber.testkit.SharedData;

/**
 * The knowledge API over HTTP, against whichever database the subclass configures: import the
 * shared FAQ corpus, search it, author an answer through draft → review → published, see edits
 * in search, suggestions, nearest facilities and the index rebuild.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class KnowledgeApiTestBase {

  @Inject
  EmbeddedServer server;

  @Inject
  JsonMapper json;

  private final HttpClient http = HttpClient.newHttpClient();

  private static final String JSON = "application/json";

  record Reply(int status, String body) {}

  private Reply send(String method, String path, String contentType, String body, String token) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(server.getURL() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      r.header("Content-Type", contentType);
    }
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> map(String body) throws Exception {
    return json.readValue(body, Map.class);
  }

  private String login(String user) throws Exception {
    Reply r = send("POST", "/login", "application/json", "{\"username\":\"" + user + "\",\"password\":\"demo1234\"}", null);
    assertEquals(200, r.status(), r.body());
    return (String) map(r.body()).get("access_token");
  }

  private Map<String, Object> search(String q, String token) throws Exception {
    Reply r = send("GET", "/api/v1/answers/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null, null, token);
    assertEquals(200, r.status(), r.body());
    return map(r.body());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> hits(Map<String, Object> result) {
    return (List<Map<String, Object>>) result.get("hits");
  }

  private static Path sharedTsv() {
    return SharedData.file("faq/gov-covid-faq.tsv");
  }

  @Test
  @Order(1)
  void importsTheSharedCorpusAsPublishedAnswersAndSearchesIt() throws Exception {
    String admin = login("admin");
    String tsv = Files.readString(sharedTsv());
    Reply imported = send("POST", "/api/v1/answers/import?format=faq-tsv", "text/tab-separated-values", tsv, admin);
    assertEquals(200, imported.status(), imported.body());
    assertEquals(2261, ((Number) map(imported.body()).get("accepted")).intValue(), imported.body());
    Map<String, Object> progress = map(send("GET", "/api/v1/answer-index/import-progress", null, null, admin).body());
    assertEquals(100.0, ((Number) progress.get("percent")).doubleValue());

    String operator = login("op-001");
    await().atMost(Duration.ofSeconds(5)).until(() -> !hits(search("contraception family planning", operator)).isEmpty());
    Map<String, Object> result = search("contraception family planning", operator);
    Map<String, Object> first = hits(result).get(0);
    assertEquals("World Health Organization (WHO)", first.get("department"));
    assertTrue(((String) first.get("externalId")).startsWith("World Health Organization (WHO)|||"));
    assertTrue(((Number) result.get("total")).longValue() > 0);
    assertTrue(((Map<?, ?>) result.get("facets")).containsKey("department"));
    assertEquals(401, send("GET", "/api/v1/answers/search?q=mask", null, null, null).status());
    Map<String, Object> none = search("疫苗", operator);
    assertEquals(0, ((Number) none.get("total")).intValue());
    assertEquals(List.of(), none.get("hits"), "hits is there, empty, when nothing matches");
  }

  @Test
  @Order(2)
  void authorsAnAnswerThroughReviewAndSeesEditsInSearch() throws Exception {
    String staff = login("staff-transport");
    String supervisor = login("sv-01");
    String operator = login("op-001");
    String draft = "{\"title\":\"Bus card refund for lost cards\",\"body\":\"Registered cards are refunded.\","
        + "\"language\":\"en\",\"department\":\"transport\",\"category\":\"교통카드\",\"keywords\":[\"t-money\"],"
        + "\"facility\":{\"latitude\":37.5665,\"longitude\":126.978,\"address\":\"City Hall\",\"type\":\"service-desk\"}}";
    Reply created = send("POST", "/api/v1/answers", "application/json", draft, staff);
    assertEquals(201, created.status(), created.body());
    String id = (String) map(created.body()).get("id");
    assertTrue(hits(search("refund lost card", operator)).stream().noneMatch(h -> id.equals(h.get("id"))),
        "drafts are not searchable");

    assertEquals(200, send("POST", "/api/v1/answers/" + id + "/submit", null, null, staff).status());
    assertEquals(403, send("POST", "/api/v1/answers/" + id + "/publish", null, null, staff).status());
    assertEquals(200, send("POST", "/api/v1/answers/" + id + "/publish", null, null, supervisor).status());
    await().atMost(Duration.ofSeconds(1)).until(() -> hits(search("refund lost card", operator)).stream()
        .anyMatch(h -> id.equals(h.get("id"))));

    Reply reopened = send("POST", "/api/v1/answers/" + id + "/reopen", null, null, staff);
    int version = ((Number) map(reopened.body()).get("version")).intValue();
    String edited = draft.replace("Bus card refund for lost cards", "Transit card refund for stolen cards")
        .replace("{\"title\"", "{\"version\":" + version + ",\"title\"");
    assertEquals(200, send("PUT", "/api/v1/answers/" + id, "application/json", edited, staff).status());
    assertEquals(409, send("PUT", "/api/v1/answers/" + id, "application/json", edited, staff).status(),
        "a stale version is a conflict");
    send("POST", "/api/v1/answers/" + id + "/submit", null, null, staff);
    send("POST", "/api/v1/answers/" + id + "/publish", null, null, supervisor);
    await().atMost(Duration.ofSeconds(1)).until(() -> hits(search("stolen transit card", operator)).stream()
        .anyMatch(h -> "Transit card refund for stolen cards".equals(h.get("title"))));

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> history = (List<Map<String, Object>>) map(
        send("GET", "/api/v1/answers/" + id + "/history", null, null, operator).body()).get("items");
    assertEquals(7, history.size());
    assertEquals("staff-transport", history.get(0).get("author"));
    assertEquals("sv-01", history.get(2).get("author"));

    Reply suggest = send("GET", "/api/v1/answers/suggest?q=transit%20ca", null, null, operator);
    assertTrue(suggest.body().contains("Transit card refund for stolen cards"), suggest.body());
    Reply nearest = send("GET", "/api/v1/facilities/nearest?lat=37.56&lon=126.97&type=service-desk", null, null, null);
    assertEquals(200, nearest.status(), nearest.body());
    assertTrue(nearest.body().contains(id), nearest.body());
  }

  @Test
  @Order(2)
  @SuppressWarnings("unchecked")
  void suggestsDemoAnswersForACitizensMessageInTheOperatorsLanguages() throws Exception {
    String operator = login("op-001");
    Reply sofa = send("POST", "/api/v1/answers/suggestions", JSON,
        "{\"message\":\"3인용 소파예요\",\"lang\":\"ko\",\"languages\":[\"en\"]}", operator);
    assertEquals(200, sofa.status(), sofa.body());
    List<Map<String, Object>> items = (List<Map<String, Object>>) map(sofa.body()).get("items");
    assertEquals("demo-bulky-waste-ko", items.get(0).get("externalId"), sofa.body());
    Reply hello = send("POST", "/api/v1/answers/suggestions", JSON,
        "{\"message\":\"안녕하세요 감사합니다\",\"languages\":[\"ko\",\"en\"]}", operator);
    assertEquals(List.of(), map(hello.body()).get("items"), "small talk gets no suggestion");

    Reply both = send("GET", "/api/v1/answers/search?q=bulky%20waste&languages=ko,en", null, null, operator);
    assertTrue(hits(map(both.body())).stream().anyMatch(h -> "demo-bulky-waste-en".equals(h.get("externalId"))),
        both.body());
    Reply koreanOnly = send("GET", "/api/v1/answers/search?q=bulky%20waste&lang=ko", null, null, operator);
    assertEquals(0, ((Number) map(koreanOnly.body()).get("total")).intValue(), koreanOnly.body());
    Reply bad = send("POST", "/api/v1/answers/suggestions", JSON, "{\"message\":\"x\",\"languages\":[\"ko\",\"1x\"]}",
        operator);
    assertEquals(400, bad.status(), bad.body());
    assertEquals(400, send("POST", "/api/v1/answers/suggestions", JSON, "{\"message\":\"x\",\"limit\":11}", operator)
        .status());
    // A malformed body is a 400 JSON error that does not repeat the citizen's words.
    Reply broken = send("POST", "/api/v1/answers/suggestions", JSON, "{\"message\":\"Kim Minji 010-5550-1234\",",
        operator);
    assertEquals(400, broken.status(), broken.body());
    assertTrue(broken.body().startsWith("{"), broken.body());
    assertFalse(broken.body().contains("Minji") || broken.body().contains("5550"), broken.body());
    Reply wrongType = send("POST", "/api/v1/answers/suggestions", JSON, "{\"message\":\"Kim Minji\",\"limit\":\"many\"}",
        operator);
    assertEquals(400, wrongType.status(), wrongType.body());
    assertFalse(wrongType.body().contains("Minji") || wrongType.body().contains("many"), wrongType.body());
    Reply asGet = send("GET", "/api/v1/answers/suggestions?message=x", null, null, operator);
    assertFalse(asGet.body().contains("items"), "the message never travels in a URL: " + asGet.body());
  }

  @Test
  @Order(2)
  void departmentStaffWriteOnlyTheirOwnDepartmentsAnswers() throws Exception {
    String transport = login("staff-transport");
    String water = login("staff-water");
    String draft = "{\"title\":\"Burst water main\",\"body\":\"Call the water office.\",\"language\":\"en\","
        + "\"department\":\"water\"}";
    Reply refused = send("POST", "/api/v1/answers", "application/json", draft, transport);
    assertEquals(403, refused.status(), refused.body());
    assertTrue(refused.body().contains("staff-transport may only write answers of department transport"), refused.body());

    Reply created = send("POST", "/api/v1/answers", "application/json", draft, water);
    assertEquals(201, created.status(), created.body());
    String id = (String) map(created.body()).get("id");
    String edit = draft.replace("{\"title\"", "{\"version\":1,\"title\"");
    assertEquals(403, send("PUT", "/api/v1/answers/" + id, "application/json", edit, transport).status());
    assertEquals(403, send("POST", "/api/v1/answers/" + id + "/submit", null, null, transport).status());
    assertEquals(403, send("PUT", "/api/v1/answers/" + id, "application/json",
        edit.replace("\"water\"", "\"transport\""), water).status(), "nor move an answer to another department");
    assertEquals(200, send("POST", "/api/v1/answers/" + id + "/submit", null, null, water).status());
    assertEquals(200, send("POST", "/api/v1/answers/" + id + "/reopen", null, null, login("sv-01")).status());
  }

  @Test
  @Order(3)
  void rebuildsTheIndexFromTheDatabaseWithProgress() throws Exception {
    String admin = login("admin");
    assertEquals(202, send("POST", "/api/v1/answer-index/rebuild", null, null, admin).status());
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      Map<String, Object> p = map(send("GET", "/api/v1/answer-index", null, null, admin).body());
      return !(Boolean) p.get("running") && ((Number) p.get("done")).intValue() >= 2262;
    });
    assertTrue(!hits(search("contraception family planning", login("op-001"))).isEmpty());
  }
}
