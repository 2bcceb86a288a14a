package org.onenumber.server.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onenumber.core.audit.AuditEntry;
import org.onenumber.core.casework.attachment.AttachToCase;
import org.onenumber.core.casework.attachment.AttachmentRules;
import org.onenumber.core.casework.media.FetchCaseMedia;
import org.onenumber.core.casework.media.MediaFetchPolicy;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcAuditLog;
import org.onenumber.server.persistence.JdbcCaseAttachments;
import org.onenumber.server.persistence.JdbcCaseRegistry;
import org.onenumber.server.persistence.JdbcMediaFetchJobs;
import org.onenumber.server.telephony.RecordingEraser;
import org.onenumber.testkit.FakeRemoteMedia;

/** A citizen's erasure on H2: personal data gone, another citizen untouched, statistics and audit chain kept. */
class CitizenErasureTest {

  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  final Jdbc jdbc = new Jdbc(dataSource());

  /** The database the test runs on: H2 here, PostgreSQL in the subclass. */
  DataSource dataSource() {
    return TestDatabases.h2();
  }
  private final PrivacyRows rows = new PrivacyRows(jdbc);
  private final JdbcAuditLog audit = new JdbcAuditLog(jdbc);

  @TempDir
  Path recordings;

  private CitizenErasure erasure() {
    return new CitizenErasure(jdbc, new RecordingEraser(jdbc, recordings.toString()), audit, () -> T0.plusSeconds(3600));
  }

  private String statistics() {
    return rows.count("select count(*) from contact") + " contacts, "
        + rows.count("select count(*) from contact_step") + " steps, "
        + rows.count("select count(*) from contact where connected_at is not null and abandoned_at is null") + " answered, "
        + rows.count("select count(*) from case_file") + " cases, " + rows.count("select count(*) from case_status")
        + " case steps, " + rows.count("select count(*) from message") + " messages";
  }

  private void seed() throws Exception {
    rows.department("er-dept");
    rows.citizen("er-c1", "Kim Minji", "01055550001");
    rows.citizen("er-c2", "Lee Jun", "01055550002");
    rows.contact("er-k1", "er-c1", "VOICE", T0);
    rows.contact("er-k2", "er-c1", "SMS", T0);
    rows.contact("er-k3", "er-c2", "SMS", T0);
    rows.message("er-m1", "er-k2", "SMS", "01055550001", "the water main burst", T0);
    rows.message("er-m2", "er-k3", "SMS", "01055550002", "a pothole", T0);
    rows.note("er-k1", "Ms Kim sounds distressed", T0);
    for (String contact : new String[] {"er-k1", "er-k3"}) {
      jdbc.update("insert into intake_key (scope, idem_key, body_sha256, contact_id, answer, expires_at)"
          + " values ('anonymous', ?, ?, ?, '{\"topic\":\"the water main burst\"}', ?)",
          "key-of-" + contact + "-0123456789", "0".repeat(64), contact, T0.plusSeconds(86_400));
    }
    rows.caseFile("ER-1", "er-dept", "er-c1", "er-k1", T0);
    for (String[] link : new String[][] {{"er-j1", "ER-1", null}, {"er-j2", null, "er-k2"}, {"er-j3", null, "er-k3"}}) {
      jdbc.update("insert into media_fetch (id, origin, case_id, contact_id, url, source, state, attempts, next_at,"
          + " created_at) values (?, ?, ?, ?, 'https://photos.example.org/a.jpg', 'mms', 'PENDING', 0, ?, ?)",
          link[0], "mms:" + link[0], link[1], link[2], T0, T0);
    }
    Files.writeString(recordings.resolve("er-k1.wav"), "RIFF");
    rows.recording("er-k1", "/var/spool/asterisk/monitor/er-k1.wav", T0);
    audit.append(new AuditEntry("sv-01", "SUPERVISOR", "view", "citizen", "er-c1", "er-c1", "supervision", null, T0));
  }

  @Test
  void aPictureFetchedWhileItsCitizenIsErasedIsNotAttached() throws Exception {
    seed();
    AtomicInteger ids = new AtomicInteger();
    JdbcCaseRegistry cases = new JdbcCaseRegistry(jdbc);
    JdbcCaseAttachments attachments = new JdbcCaseAttachments(jdbc);
    FakeRemoteMedia remote = new FakeRemoteMedia().answer(URI.create("https://photos.example.org/a.jpg"), () -> {
      erasure().erase("er-c1", "request during a fetch", "admin", "ADMIN", "10.0.0.1");
      return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
    });
    FetchCaseMedia media = new FetchCaseMedia(new JdbcMediaFetchJobs(jdbc), remote, new AttachToCase(cases,
        attachments, AttachmentRules.DEFAULT, () -> T0, () -> "att-" + ids.incrementAndGet()), attachments, cases,
        MediaFetchPolicy.DEFAULT, () -> T0, () -> "job-" + ids.incrementAndGet());
    media.runDue(10);
    assertEquals(1, remote.fetched().size(), "the case's photo was being fetched when the erasure came");
    assertEquals(0, rows.count("select count(*) from case_attachment"));
    assertEquals(List.of("er-j3"), jdbc.query("select id from media_fetch", r -> r.getString(1)));
  }

  @Test
  void erasesTheCitizensPersonalDataAndNothingElse() throws Exception {
    seed();
    String before = statistics();
    CitizenErasure.Erased erased = erasure().erase("er-c1", "request 2026-77", "admin", "ADMIN", "10.0.0.1");
    assertEquals(new CitizenErasure.Erased("er-c1", 2, 1, 1, 1, 1), erased);
    assertEquals(before, statistics(), "counts and service levels unchanged");
    assertEquals(1, rows.count("select count(*) from citizen where id = 'er-c1' and name is null"));
    assertEquals(0, rows.count("select count(*) from citizen_identity where citizen_id = 'er-c1'"));
    assertEquals(RetentionSweep.ERASED_TEXT, rows.text("select body from message where id = 'er-m1'"));
    assertEquals(RetentionSweep.ERASED, rows.text("select peer from message where id = 'er-m1'"));
    assertEquals(0, rows.count("select count(*) from contact_note where contact_id = 'er-k1'"));
    assertEquals(0, rows.count("select count(*) from intake_key where contact_id = 'er-k1'"));
    assertEquals(1, rows.count("select count(*) from intake_key where contact_id = 'er-k3'"), "another citizen's key stays");
    assertEquals(0, rows.count("select count(*) from contact where citizen_id = 'er-c1' and topic is not null"));
    assertEquals(RetentionSweep.ERASED_TEXT, rows.text("select summary from case_file where id = 'ER-1'"));
    assertEquals(0, rows.count("select count(*) from case_status where case_id = 'ER-1' and note is not null"));
    assertEquals(0, rows.count("select count(*) from call_recordings where contact_id = 'er-k1'"));
    assertEquals(List.of("er-j3"), jdbc.query("select id from media_fetch", r -> r.getString(1)),
        "the citizen's linked photos are forgotten, the other citizen's kept");
    assertFalse(Files.exists(recordings.resolve("er-k1.wav")));
    assertEquals("Lee Jun", rows.text("select name from citizen where id = 'er-c2'"));
    assertEquals("a pothole", rows.text("select body from message where id = 'er-m2'"));
  }

  @Test
  void theErasureIsAuditedWithIdsOnlyAndTheChainStaysValid() throws Exception {
    seed();
    erasure().erase("er-c1", "request 2026-77", "admin", "ADMIN", "10.0.0.1");
    AuditEntry last = audit.find("er-c1", null, null, null, 10).getLast();
    assertEquals("erase", last.action());
    assertEquals("er-c1", last.recordId());
    assertEquals("request 2026-77", last.reason());
    assertTrue(audit.verify().intact());
    String trail = jdbc.query("select * from audit_log", r -> r.getString("reason") + r.getString("record_id")).toString();
    assertFalse(trail.contains("Kim") || trail.contains("01055550001"), trail);
  }

  @Test
  void repeatingAnErasureIsHarmlessAndAnUnknownCitizenIsNotFound() throws Exception {
    seed();
    erasure().erase("er-c1", "request 2026-77", "admin", "ADMIN", null);
    assertEquals(new CitizenErasure.Erased("er-c1", 2, 1, 0, 0, 0),
        erasure().erase("er-c1", "request 2026-77", "admin", "ADMIN", null));
    assertThrows(NotFoundException.class, () -> erasure().erase("nobody", "request 2026-78", "admin", "ADMIN", null));
  }
}
