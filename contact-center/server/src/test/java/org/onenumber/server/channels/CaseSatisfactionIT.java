package org.onenumber.server.channels;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The citizen rates a department's answer through the real server: the resolution SMS asks for a
 * score, the SMS reply "2 …" becomes a RATED row and the department's follow-up, the tracking API
 * refuses a second rating (409) and takes one for the next answer, bad scores are 400 JSON errors
 * without the input, and the figures (batch, transparency) count the latest ratings per department.
 */
@SuppressWarnings("unchecked")
class CaseSatisfactionIT {

  private static final String PHONE = "+821099990071";
  private static final Map<String, String> PROOF = Map.of("phoneLast4", "0071");

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("onenumber.rate-limits.track-per-minute", 100));

  private void sms(String sid, String body) {
    Map<String, String> form = Map.of("MessageSid", sid, "SmsSid", sid, "AccountSid", ServerHarness.ACCOUNT,
        "From", PHONE, "To", "+8215880120", "Body", body, "NumMedia", "0");
    server.webhook("/webhooks/twilio/sms", form, server.sign("/webhooks/twilio/sms", form));
  }

  private Map<?, ?> get(String path, String token) {
    return server.client().toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Map.class);
  }

  private Map<?, ?> post(String path, Object body, String token) {
    MutableHttpRequest<Object> request = HttpRequest.POST(path, body);
    return server.client().toBlocking().retrieve(token == null ? request : request.bearerAuth(token), Map.class);
  }

  private Map<?, ?> track(String path, String caseId, Object... more) {
    Map<String, Object> body = new java.util.HashMap<>(PROOF);
    body.put("caseNumber", caseId);
    for (int i = 0; i < more.length; i += 2) {
      body.put((String) more[i], more[i + 1]);
    }
    return post("/api/v1/track" + path, body, null);
  }

  private String resolvedCase(String staff) {
    sms("SM0000000000000000000000000000sa01", "가로등이 꺼져 있어요");
    String supervisor = server.login("sv-01");
    String contactId = (String) ((List<Map<?, ?>>) get("/api/v1/contacts?phone=" + PHONE, supervisor).get("items"))
        .get(0).get("id");
    String caseId = (String) post("/api/v1/contacts/" + contactId + "/escalate", Map.of("department", "water",
        "category", "수도 누수", "summary", "누수"), supervisor).get("id");
    post("/api/v1/cases/" + caseId + "/resolve", Map.of("version", 1, "publicAnswer", "수리했습니다."), staff);
    return caseId;
  }

  private List<String> followUps(String staff) {
    return ((List<Map<?, ?>>) get("/api/v1/departments/water/inbox?view=follow-up", staff).get("items")).stream()
        .map(c -> (String) c.get("id")).toList();
  }

  private Map<?, ?> waterTotal(String token) {
    return ((List<Map<?, ?>>) get("/api/v1/reports/departments?department=water&source=batch", token).get("rows"))
        .stream().filter(r -> "*".equals(r.get("category"))).findFirst().orElseThrow();
  }

  @Test
  void theCitizenRatesTheAnswerBySmsAndOnTheTrackingPageAndTheDepartmentFollowsUpALowScore() {
    String staff = server.login("staff-water");
    String caseId = resolvedCase(staff);
    var requests = server.twilio().requests();
    String resolution = requests.get(requests.size() - 1).param("Body");
    assertTrue(resolution.contains("수리했습니다.") && resolution.contains("1(매우 불만족)~5(매우 만족)"), resolution);

    sms("SM0000000000000000000000000000sa02", "2 너무 오래 걸렸어요");
    Map<?, ?> tracked = track("", caseId);
    assertEquals(2, tracked.get("rating"));
    assertEquals(false, tracked.get("canRate"));
    assertFalse(tracked.toString().contains("너무 오래"), "the comment is for staff only: " + tracked);
    assertEquals(List.of(caseId), followUps(staff));
    Map<?, ?> low = waterTotal(server.login("sv-01"));
    assertEquals(2.0, ((Number) low.get("satisfaction")).doubleValue());
    assertEquals(1, low.get("rated"));
    assertEquals(1, low.get("lowRated"));

    HttpClientResponseException twice = assertThrows(HttpClientResponseException.class,
        () -> track("/rating", caseId, "score", 5));
    assertEquals(HttpStatus.CONFLICT, twice.getStatus());
    for (Object bad : List.of(7, 0)) {
      HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
          () -> track("/rating", caseId, "score", bad, "comment", "<b>x</b>"));
      assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
      String body = refused.getResponse().getBody(String.class).orElse("");
      assertTrue(body.contains("\"error\"") && !body.contains("<b>"), body);
    }
    assertEquals(HttpStatus.NOT_FOUND, assertThrows(HttpClientResponseException.class, () -> post(
        "/api/v1/track/rating", Map.of("caseNumber", caseId, "phoneLast4", "9999", "score", 4), null)).getStatus());

    track("/reopen", caseId, "reason", "또 꺼졌어요");
    Map<?, ?> again = (Map<?, ?>) get("/api/v1/cases/" + caseId, staff);
    post("/api/v1/cases/" + caseId + "/resolve", Map.of("version", again.get("version"), "publicAnswer",
        "전구를 교체했습니다."), staff);
    assertEquals(true, track("", caseId).get("canRate"));
    Map<?, ?> rated = track("/rating", caseId, "score", 5, "comment", "빨리 고쳐 주셔서 감사합니다");
    assertEquals(5, rated.get("rating"));
    assertEquals(false, rated.get("canRate"));
    Map<?, ?> high = waterTotal(staff);
    assertEquals(5.0, ((Number) high.get("satisfaction")).doubleValue(), "the latest rating counts");
    assertEquals(0, high.get("lowRated"));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> server.client().toBlocking()
        .retrieve(HttpRequest.GET("/api/v1/transparency"), String.class).contains("\"rated\":1"));

    assertEquals(List.of(caseId), followUps(staff), "the low score still waits for a staff note");
    Map<?, ?> current = (Map<?, ?>) get("/api/v1/cases/" + caseId, staff);
    post("/api/v1/cases/" + caseId + "/notes", Map.of("version", current.get("version"), "note",
        "시민에게 전화해 사과했습니다"), server.login("staff-water"));
    assertEquals(List.of(), followUps(staff));
  }
}
