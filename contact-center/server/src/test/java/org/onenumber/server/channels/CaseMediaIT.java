package org.onenumber.server.channels;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.media.MediaFetchJob;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.port.in.EscalateCase;
import org.onenumber.core.port.in.EscalateCaseCommand;
import org.onenumber.server.persistence.JdbcMediaFetchJobs;

/**
 * Linked pictures become case attachments through the real server: an Open311 {@code media_url}
 * on a local HTTP server is fetched (loopback explicitly allowed for the test) and refused without a
 * connection when loopback is not allowed; an MMS picture at the local Twilio peer is fetched with
 * the account's Basic credentials once its contact becomes a case. The webhook and the POST answer
 * before anything is fetched.
 */
class CaseMediaIT {

  private static final byte[] JPEG = LocalPhotos.JPEG;
  private static final Map<String, Object> LOOPBACK_ALLOWED = Map.of("onenumber.media.allow-http", true,
      "onenumber.media.allowed-ranges", "127.0.0.0/8", "onenumber.media.fetch-every", "200ms", "onenumber.media.case-check-every", "200ms");

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(properties());
  /** The server's properties; the PostgreSQL subclass adds its database. */
  Map<String, Object> properties() {
    return LOOPBACK_ALLOWED;
  }

  private final LocalPhotos photos = new LocalPhotos();

  @AfterEach
  void stopPhotos() {
    photos.close();
  }

  private String fileWithPhoto() throws Exception {
    return photos.fileWithPhoto(server.uri());
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> attachments(String caseId) {
    Map<String, Object> body = server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/cases/" + caseId
        + "/attachments").bearerAuth(server.login("sv-01")), Map.class);
    return (List<Map<String, Object>>) body.get("items");
  }

  private List<MediaFetchJob> jobs(String caseId) {
    return server.bean(JdbcMediaFetchJobs.class).ofCase(new CaseId(caseId));
  }

  @Test
  void anOpen311PhotoOnAnAllowedHostBecomesAJpegAttachment() throws Exception {
    String caseId = fileWithPhoto();
    await().atMost(Duration.ofSeconds(20)).until(() -> !attachments(caseId).isEmpty());
    Map<String, Object> photo = attachments(caseId).get(0);
    assertEquals("image/jpeg", photo.get("mediaType"));
    assertEquals("open311", photo.get("source"));
    assertEquals(JPEG.length, ((Number) photo.get("sizeBytes")).intValue());
    assertEquals(MediaFetchJob.State.DONE, jobs(caseId).get(0).state());
    assertEquals(List.of("/hole.jpg"), photos.served());
  }

  @Test
  void anOpen311PhotoResolvingToLoopbackIsRefusedWhenLoopbackIsNotAllowed() throws Exception {
    server.stop();
    server.override("onenumber.media.allowed-ranges", "");
    server.start();
    String caseId = fileWithPhoto();
    await().atMost(Duration.ofSeconds(20)).until(() -> jobs(caseId).get(0).state() == MediaFetchJob.State.FAILED);
    assertTrue(jobs(caseId).get(0).error().contains("127.0.0.1"), jobs(caseId).get(0).error());
    assertTrue(attachments(caseId).isEmpty());
    assertTrue(photos.served().isEmpty(), "nothing was connected to: " + photos.served());
    Map<?, ?> links = server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/cases/" + caseId
        + "/media-links").bearerAuth(server.login("staff-roads")), Map.class);
    Map<?, ?> link = (Map<?, ?>) ((List<?>) links.get("items")).get(0);
    assertEquals("FAILED", link.get("state"));
    assertEquals(photos.url(), link.get("url"));
    assertTrue(((String) link.get("error")).contains("127.0.0.1"), link.toString());
  }

  @Test
  void anMmsPictureIsFetchedWithTheTwilioAccountOnceItsContactBecomesACase() {
    URI media = server.twilio().servesMedia("/2010-04-01/Accounts/" + ServerHarness.ACCOUNT
        + "/Messages/MM0000000000000000000000000000bb01/Media/ME0000000000000000000000000000bb01", JPEG,
        ServerHarness.ACCOUNT, ServerHarness.TOKEN);
    Map<String, String> form = new HashMap<>(Map.of("MessageSid", "MM0000000000000000000000000000bb01",
        "AccountSid", ServerHarness.ACCOUNT, "From", "+821099990077", "To", "+8215880120", "Body",
        "도로가 파였어요", "NumMedia", "1", "MediaUrl0", media.toString(), "MediaContentType0", "image/jpeg"));
    var ack = server.webhook("/webhooks/twilio/sms", form, server.sign("/webhooks/twilio/sms", form));
    assertEquals(HttpStatus.OK, ack.getStatus());
    var again = server.webhook("/webhooks/twilio/sms", form, server.sign("/webhooks/twilio/sms", form));
    assertEquals(HttpStatus.OK, again.getStatus());

    String contactId = server.bean(org.onenumber.server.persistence.Jdbc.class).queryOne(
        "select contact_id from media_fetch", r -> r.getString(1)).orElseThrow();
    assertEquals(1, server.bean(org.onenumber.server.persistence.Jdbc.class).queryOne(
        "select count(*) from media_fetch", r -> r.getInt(1)).orElseThrow(), "Twilio's retry queued nothing more");
    String caseId = server.bean(EscalateCase.class).escalate(new EscalateCaseCommand(new ContactId(contactId),
        new DepartmentId("roads"), "포트홀", "도로 파임, 사진 첨부", null, "op-001")).id().value();
    await().atMost(Duration.ofSeconds(20)).until(() -> !attachments(caseId).isEmpty());
    assertEquals("mms", attachments(caseId).get(0).get("source"));
    var fetched = server.twilio().requests().stream().filter(r -> r.method().equals("GET")).toList();
    assertEquals(1, fetched.size());
    assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString((ServerHarness.ACCOUNT + ":"
        + ServerHarness.TOKEN).getBytes(StandardCharsets.UTF_8)), fetched.get(0).authorization());
  }
}
