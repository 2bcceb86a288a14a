package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.server.persistence.Jdbc;

/**
 * A citizen's photo from the {@code /report/} form becomes the case's attachment, through the real
 * server: the road department's staff list and read it (each read audited, served with the sniffed
 * type and a sandbox), another department gets 403 and nobody anonymous gets it; the citizen sees
 * it on tracking with their case number and phone digits. A photo that is no picture, or too
 * large, files nothing. The report's token tracks it too; five wrong digits lock a case number.
 */
class CaseAttachmentsIT {

  /** A 1×1 PNG. */
  private static final byte[] PNG = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("onenumber.cases.attachments.max-bytes", 4096));

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest.Builder at(String path) {
    return HttpRequest.newBuilder(server.uri().resolve(path));
  }

  private HttpResponse<byte[]> report(String photo) throws Exception {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("service_code", "roads-01");
    fields.put("description", "Pothole in front of the library");
    fields.put("address_string", "Sejong-daero 110");
    fields.put("phone", "010-5555-1234");
    fields.put("photo", photo);
    String form = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
        StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return send(at("/report/requests").header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private Object json(HttpResponse<byte[]> response) throws IOException {
    return server.bean(JsonMapper.class).readValue(response.body(), Object.class);
  }

  private HttpResponse<byte[]> get(String path, String token) throws Exception {
    HttpRequest.Builder request = at(path).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  private HttpResponse<byte[]> track(String path, String caseNumber, String digits) throws Exception {
    String body = "{\"caseNumber\":\"" + caseNumber + "\",\"phoneLast4\":\"" + digits + "\"}";
    return send(at(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private long count(String sql) {
    return server.bean(Jdbc.class).queryOne(sql, row -> row.getLong(1)).orElseThrow();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aPhotoFromTheWebFormReachesTheDepartmentAndTheCitizenOnly() throws Exception {
    HttpResponse<byte[]> filed = report("data:image/png;base64," + Base64.getEncoder().encodeToString(PNG));
    assertEquals(200, filed.statusCode(), new String(filed.body(), StandardCharsets.UTF_8));
    String caseId = (String) ((List<Map<String, Object>>) json(filed)).get(0).get("service_request_id");

    String staff = server.login("staff-roads");
    String base = "/api/v1/cases/" + caseId + "/attachments";
    HttpResponse<byte[]> listed = get(base, staff);
    assertEquals(200, listed.statusCode());
    List<Map<String, Object>> items = (List<Map<String, Object>>) ((Map<String, Object>) json(listed)).get("items");
    assertEquals(1, items.size());
    Map<String, Object> photo = items.get(0);
    assertEquals("image/png", photo.get("mediaType"));
    assertEquals(PNG.length, ((Number) photo.get("sizeBytes")).intValue());
    assertEquals("web-form", photo.get("source"));

    long auditedBefore = count("select count(*) from audit_log where record_type = 'case-attachment'");
    HttpResponse<byte[]> bytes = get(base + "/" + photo.get("id"), staff);
    assertEquals(200, bytes.statusCode());
    assertArrayEquals(PNG, bytes.body());
    assertEquals("image/png", bytes.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("nosniff", bytes.headers().firstValue("X-Content-Type-Options").orElseThrow());
    assertTrue(bytes.headers().firstValue("Content-Security-Policy").orElseThrow().contains("sandbox"));
    assertEquals(auditedBefore + 1, count("select count(*) from audit_log where record_type = 'case-attachment'"
        + " and actor = 'staff-roads' and action = 'view'"));

    String water = server.login("staff-water");
    assertEquals(403, get(base, water).statusCode());
    assertEquals(403, get(base + "/" + photo.get("id"), water).statusCode());
    assertEquals(401, get(base + "/" + photo.get("id"), null).statusCode());
    assertEquals(404, get(base + "/no-such-photo", staff).statusCode());
    assertEquals(200, get(base, server.login("sv-01")).statusCode());

    HttpResponse<byte[]> tracked = track("/api/v1/track", caseId, "1234");
    assertEquals(200, tracked.statusCode());
    List<Map<String, Object>> mine = (List<Map<String, Object>>) ((Map<String, Object>) json(tracked))
        .get("attachments");
    assertEquals(List.of(photo.get("id")), mine.stream().map(a -> a.get("id")).toList());
    HttpResponse<byte[]> own = track("/api/v1/track/attachments/" + photo.get("id"), caseId, "1234");
    assertEquals(200, own.statusCode());
    assertArrayEquals(PNG, own.body());
    HttpResponse<byte[]> wrongDigits = track("/api/v1/track/attachments/" + photo.get("id"), caseId, "9999");
    assertEquals(404, wrongDigits.statusCode());
    assertFalse(new String(wrongDigits.body(), StandardCharsets.UTF_8).contains("5555"));
  }

  private HttpResponse<byte[]> upload(String caseId, String photo, String token) throws Exception {
    return send(at("/api/v1/cases/" + caseId + "/attachments").header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString("{\"photo\":\"" + photo + "\"}")));
  }

  @Test
  @SuppressWarnings("unchecked")
  void staffOfTheDepartmentAddAPhotoThatIsAuditedAndListedWithWhoAddedIt() throws Exception {
    HttpResponse<byte[]> filed = report("");
    assertEquals(200, filed.statusCode(), new String(filed.body(), StandardCharsets.UTF_8));
    String caseId = (String) ((List<Map<String, Object>>) json(filed)).get(0).get("service_request_id");
    String png = "data:image/png;base64," + Base64.getEncoder().encodeToString(PNG);

    String water = server.login("staff-water");
    assertEquals(403, upload(caseId, png, water).statusCode());
    String staff = server.login("staff-roads");
    HttpResponse<byte[]> added = upload(caseId, png, staff);
    assertEquals(201, added.statusCode(), new String(added.body(), StandardCharsets.UTF_8));
    Map<String, Object> photo = (Map<String, Object>) json(added);
    assertEquals("staff", photo.get("source"));
    assertEquals("staff-roads", photo.get("addedBy"));
    assertEquals("image/png", photo.get("mediaType"));
    assertEquals(1, count("select count(*) from audit_log where action = 'attach' and record_type = 'case-attachment'"
        + " and actor = 'staff-roads' and record_id = '" + photo.get("id") + "'"));

    HttpResponse<byte[]> listed = get("/api/v1/cases/" + caseId + "/attachments", staff);
    List<Map<String, Object>> items = (List<Map<String, Object>>) ((Map<String, Object>) json(listed)).get("items");
    assertEquals(List.of("staff-roads"), items.stream().map(a -> a.get("addedBy")).toList());
    HttpResponse<byte[]> tracked = track("/api/v1/track", caseId, "1234");
    assertEquals(200, tracked.statusCode());
    assertFalse(new String(tracked.body(), StandardCharsets.UTF_8).contains("staff-roads"), "the citizen never sees who");

    HttpResponse<byte[]> html = upload(caseId, Base64.getEncoder().encodeToString("<html>".getBytes()), staff);
    assertEquals(400, html.statusCode());
    assertEquals(413, upload(caseId, Base64.getEncoder().encodeToString(new byte[8192]), staff).statusCode());
    assertEquals(400, upload(caseId, "not base64 !", staff).statusCode());
    assertEquals(1, count("select count(*) from case_attachment"));
  }

  @Test
  void aPhotoThatIsNoPictureOrTooLargeFilesNothing() throws Exception {
    long cases = count("select count(*) from case_file");
    String html = Base64.getEncoder().encodeToString("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> notAPicture = report(html);
    assertEquals(400, notAPicture.statusCode());
    assertTrue(new String(notAPicture.body(), StandardCharsets.UTF_8).contains("JPEG, PNG, GIF or WebP"));

    byte[] big = Arrays.copyOf(PNG, 4097);
    HttpResponse<byte[]> tooLarge = report(Base64.getEncoder().encodeToString(big));
    assertEquals(413, tooLarge.statusCode());

    assertEquals(400, report("not base64 at all!").statusCode());
    assertEquals(cases, count("select count(*) from case_file"));
    assertEquals(0, count("select count(*) from case_attachment"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aReportsTokenTracksItAndWrongDigitsLockTheCaseNumber() throws Exception {
    Map<String, Object> created = ((List<Map<String, Object>>) json(report(""))).get(0);
    String caseId = (String) created.get("service_request_id");
    String token = (String) created.get("token");
    assertTrue(token.matches("[0-9a-f]{24}"), token);
    HttpResponse<byte[]> byToken = send(at("/api/v1/track").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}")));
    assertEquals(200, byToken.statusCode());
    assertEquals(caseId, ((Map<String, Object>) json(byToken)).get("caseNumber"));
    assertEquals(404, send(at("/api/v1/track").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + "0".repeat(24) + "\"}"))).statusCode());

    for (String wrong : List.of("0000", "1111", "2222", "3333", "4444")) {
      assertEquals(404, track("/api/v1/track", caseId, wrong).statusCode());
    }
    assertEquals(404, track("/api/v1/track", caseId, "1234").statusCode(), "locked after five wrong guesses");
  }
}
