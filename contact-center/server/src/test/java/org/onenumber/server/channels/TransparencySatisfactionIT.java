package org.onenumber.server.channels;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micronaut.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Citizen satisfaction with case answers per category on the public transparency API: two potholes
 * rated 5 and 3 show 2 ratings, mean 4.0 and half satisfied (4–5) under the English name from the
 * city's category tree; a single water-leak rating is below the small-cell threshold (here 2) and
 * shows as suppressed with no count and no figures; the live figures equal the batch ones.
 */
@SuppressWarnings("unchecked")
class TransparencySatisfactionIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("onenumber.analytics.export.min-cell", 2,
      "onenumber.rate-limits.track-per-minute", 100, "onenumber.rate-limits.transparency-per-minute", 100));

  private Map<?, ?> get(String path, String token) {
    return server.client().toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Map.class);
  }

  private Map<?, ?> post(String path, Object body, String token) {
    var request = HttpRequest.POST(path, body);
    return server.client().toBlocking().retrieve(token == null ? request : request.bearerAuth(token), Map.class);
  }

  private void ratedCase(String phone, String sid, String department, String category, int score) {
    Map<String, String> form = Map.of("MessageSid", sid, "SmsSid", sid, "AccountSid", ServerHarness.ACCOUNT,
        "From", phone, "To", "+8215880120", "Body", category + " 신고합니다", "NumMedia", "0");
    server.webhook("/webhooks/twilio/sms", form, server.sign("/webhooks/twilio/sms", form));
    String supervisor = server.login("sv-01");
    String contactId = (String) ((List<Map<?, ?>>) get("/api/v1/contacts?phone=" + phone, supervisor).get("items"))
        .get(0).get("id");
    String caseId = (String) post("/api/v1/contacts/" + contactId + "/escalate", Map.of("department", department,
        "category", category, "summary", category), supervisor).get("id");
    post("/api/v1/cases/" + caseId + "/resolve", Map.of("version", 1, "publicAnswer", "처리했습니다."), supervisor);
    post("/api/v1/track/rating", Map.of("caseNumber", caseId, "phoneLast4", phone.substring(phone.length() - 4),
        "score", score), null);
  }

  private Map<?, ?> category(Map<?, ?> figures, String department, String nameKo) {
    return ((List<Map<?, ?>>) figures.get("categories")).stream()
        .filter(r -> department.equals(r.get("department")) && nameKo.equals(r.get("nameKo"))).findFirst()
        .orElseThrow(() -> new AssertionError(department + "/" + nameKo + " in " + figures.get("categories")));
  }

  @Test
  void satisfactionPerCategoryWithSmallCellsSuppressed() {
    ratedCase("+821099990081", "SM0000000000000000000000000000tr01", "roads", "포트홀", 5);
    ratedCase("+821099990082", "SM0000000000000000000000000000tr02", "roads", "포트홀", 3);
    ratedCase("+821099990083", "SM0000000000000000000000000000tr03", "water", "수도 누수", 4);

    Map<?, ?> figures = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
        .until(() -> server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/transparency"), Map.class),
            f -> Integer.valueOf(2).equals(category(f, "roads", "포트홀").get("rated")));
    assertEquals(2, figures.get("minRatings"));
    Map<?, ?> pothole = category(figures, "roads", "포트홀");
    assertEquals("Pothole", pothole.get("nameEn"));
    assertEquals(false, pothole.get("suppressed"));
    assertEquals(4.0, ((Number) pothole.get("satisfaction")).doubleValue());
    assertEquals(0.5, ((Number) pothole.get("satisfiedShare")).doubleValue());

    Map<?, ?> leak = category(figures, "water", "수도 누수");
    assertEquals(true, leak.get("suppressed"));
    assertNull(leak.get("rated"));
    assertNull(leak.get("satisfaction"));
    assertNull(leak.get("satisfiedShare"));
    assertFalse(figures.toString().contains("+8210"), "no phone number in the public figures");

    Map<?, ?> batch = ((List<Map<?, ?>>) get("/api/v1/reports/departments?department=roads&source=batch",
        server.login("sv-01")).get("rows")).stream().filter(r -> "포트홀".equals(r.get("category"))).findFirst()
        .orElseThrow();
    assertEquals(pothole.get("rated"), batch.get("rated"), "live equals batch");
    assertEquals(((Number) pothole.get("satisfaction")).doubleValue(), ((Number) batch.get("satisfaction")).doubleValue());
  }
}
