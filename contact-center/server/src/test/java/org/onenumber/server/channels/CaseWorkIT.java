package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A case from an SMS to the department and back, through the real server: escalate, accept, ask,
 * the citizen answers by SMS, resolve; every public step reaches the local Twilio; the public
 * tracking API shows the steps; other departments get 403, stale versions 409, unknown departments 400.
 */
class CaseWorkIT {

  private static final String PHONE = "+821099990002";

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("onenumber.rate-limits.track-per-minute", 4));

  private static Map<String, String> sms(String sid, String body) {
    return Map.of("MessageSid", sid, "SmsSid", sid, "AccountSid", ServerHarness.ACCOUNT, "From", PHONE,
        "To", "+8215880120", "Body", body, "NumMedia", "0");
  }

  private void inbound(String sid, String body) {
    Map<String, String> form = sms(sid, body);
    server.webhook("/webhooks/twilio/sms", form, server.sign("/webhooks/twilio/sms", form));
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> items(String path, String token) {
    Map<String, Object> body = server.client().toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Map.class);
    return (List<Map<String, Object>>) body.get("items");
  }

  private Map<?, ?> post(String path, Object body, String token) {
    return server.client().toBlocking().retrieve(HttpRequest.POST(path, body).bearerAuth(token), Map.class);
  }

  private Map<?, ?> act(String caseId, String action, String token, Map<String, Object> body) {
    return post("/api/v1/cases/" + caseId + "/" + action, body, token);
  }

  private static Map<String, Object> body(int version, Object... kv) {
    Map<String, Object> body = new HashMap<>();
    body.put("version", version);
    for (int i = 0; i < kv.length; i += 2) {
      body.put((String) kv[i], kv[i + 1]);
    }
    return body;
  }

  private String lastSms() {
    var requests = server.twilio().requests();
    return requests.get(requests.size() - 1).param("Body");
  }

  private String escalatedCase() {
    inbound("SM0000000000000000000000000000cc01", "집 앞 도로에서 수도가 샙니다");
    String supervisor = server.login("sv-01");
    String contactId = (String) items("/api/v1/contacts?phone=" + PHONE, supervisor).get(0).get("id");
    return (String) post("/api/v1/contacts/" + contactId + "/escalate", Map.of("department", "water",
        "category", "수도 누수", "summary", "도로 누수, 집 앞"), supervisor).get("id");
  }

  private static HttpStatus status(org.junit.jupiter.api.function.Executable call) {
    return assertThrows(HttpClientResponseException.class, call).getStatus();
  }

  @Test
  void aCaseGoesToTheDepartmentAndBackToTheCitizenWhoTracksIt() {
    String caseId = escalatedCase();
    String staff = server.login("staff-water");
    assertEquals(List.of(caseId), items("/api/v1/departments/water/inbox?view=new", staff).stream()
        .map(c -> c.get("id")).toList());

    assertEquals(HttpStatus.FORBIDDEN, status(() -> act(caseId, "accept", server.login("staff-roads"), body(1))));
    Map<?, ?> accepted = act(caseId, "accept", staff, body(1));
    assertEquals("ACCEPTED", accepted.get("status"));
    assertEquals("staff-water", accepted.get("assignee"));
    assertTrue(lastSms().startsWith("[" + caseId + "] 담당 부서 확인"), lastSms());
    assertEquals(List.of(caseId), items("/api/v1/departments/water/inbox?view=mine", staff).stream()
        .map(c -> c.get("id")).toList());

    HttpClientResponseException stale = assertThrows(HttpClientResponseException.class,
        () -> act(caseId, "notes", staff, body(1, "note", "late")));
    assertEquals(HttpStatus.CONFLICT, stale.getStatus());
    assertEquals("2", stale.getResponse().header("X-Current-Version"));
    assertEquals(HttpStatus.BAD_REQUEST, status(() -> act(caseId, "reassign", staff,
        body(2, "department", "no-such-department", "reason", "not ours"))));

    act(caseId, "questions", staff, body(2, "question", "몇 동 앞인가요?"));
    assertTrue(lastSms().endsWith("몇 동 앞인가요?"), lastSms());
    inbound("SM0000000000000000000000000000cc02", "101동 앞입니다");
    Map<?, ?> answered = server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/cases/" + caseId)
        .bearerAuth(staff), Map.class);
    assertEquals("IN_PROGRESS", answered.get("status"));
    List<?> history = (List<?>) answered.get("history");
    Map<?, ?> reply = (Map<?, ?>) history.get(history.size() - 1);
    assertEquals("CITIZEN_REPLY", reply.get("kind"));
    assertEquals("101동 앞입니다", reply.get("note"));

    act(caseId, "resolve", staff, body(4, "publicAnswer", "배관을 교체했습니다.", "note", "crew 7"));
    assertTrue(lastSms().contains("배관을 교체했습니다."), lastSms());

    Map<?, ?> tracked = server.client().toBlocking().retrieve(HttpRequest.POST("/api/v1/track",
        Map.of("caseNumber", caseId, "phoneLast4", "0002")), Map.class);
    assertEquals("RESOLVED", tracked.get("status"));
    String shown = tracked.toString();
    assertTrue(shown.contains("배관을 교체했습니다."), shown);
    assertFalse(shown.contains("crew 7") || shown.contains("101동") || shown.contains("도로 누수"), shown);
    assertEquals(HttpStatus.NOT_FOUND, status(() -> server.client().toBlocking().retrieve(HttpRequest.POST(
        "/api/v1/track", Map.of("caseNumber", caseId, "phoneLast4", "9999")), Map.class)));
  }

  @Test
  void trackingIsRateLimitedPerAddressAgainstGuessing() {
    for (int i = 0; i < 4; i++) {
      String guess = String.format("%04d", i);
      assertEquals(HttpStatus.NOT_FOUND, status(() -> server.client().toBlocking().retrieve(HttpRequest.POST(
          "/api/v1/track", Map.of("caseNumber", "C-20261123-0001", "phoneLast4", guess)), Map.class)));
    }
    HttpClientResponseException limited = assertThrows(HttpClientResponseException.class, () -> server.client()
        .toBlocking().retrieve(HttpRequest.POST("/api/v1/track", Map.of("caseNumber", "C-20261123-0001",
            "phoneLast4", "0005")), Map.class));
    assertEquals(HttpStatus.TOO_MANY_REQUESTS, limited.getStatus());
    assertTrue(limited.getResponse().header("Retry-After") != null);
  }
}
