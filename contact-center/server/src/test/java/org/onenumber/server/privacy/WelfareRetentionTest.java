package org.onenumber.server.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.welfare.CheckInMode;
import org.onenumber.core.welfare.Senior;
import org.onenumber.core.welfare.SeniorId;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcAuditLog;
import org.onenumber.server.telephony.RecordingEraser;
import org.onenumber.server.persistence.JdbcSeniorRegistry;
import org.onenumber.testkit.WelfareScheduleContract;

/**
 * A senior's welfare record anonymised a period after their enrolment ended, on a manual clock:
 * nothing that names or reaches them stays, the program's counts (district, consent, outcomes,
 * escalations) do. H2 here, PostgreSQL in {@link WelfareRetentionPostgresIT}.
 */
class WelfareRetentionTest {

  private static final LocalDate ENDED = LocalDate.of(2026, 3, 31);
  final Jdbc jdbc = new Jdbc(dataSource());

  /** The database the test runs on: H2 here, PostgreSQL in the subclass. */
  DataSource dataSource() {
    return TestDatabases.h2();
  }

  private final PrivacyRows rows = new PrivacyRows(jdbc);
  private final JdbcSeniorRegistry seniors = new JdbcSeniorRegistry(jdbc);
  private Instant now = noon(ENDED);
  private final JdbcAuditLog audit = new JdbcAuditLog(jdbc);
  private final WelfareRetention retention = new WelfareRetention(jdbc, 30, "Asia/Seoul", () -> now,
      new CitizenErasure(jdbc, new RecordingEraser(jdbc, System.getProperty("java.io.tmpdir")), audit, () -> now));

  /** Noon in Seoul on {@code day}. */
  private static Instant noon(LocalDate day) {
    return day.atTime(12, 0).atZone(ZoneId.of("Asia/Seoul")).toInstant();
  }

  private static Senior senior(String id, String phone, LocalDate endsOn) {
    Senior s = WelfareScheduleContract.senior(id, phone, CheckInMode.AUTOMATED);
    return new Senior(s.id(), s.name(), s.phones(), s.address(), s.district(), s.language(), s.consent(),
        s.emergencyContacts(), s.worker(), s.workerPhone(), s.windows(), s.mode(), s.careNotes(),
        LocalDate.of(2025, 1, 6), endsOn);
  }

  private void seed() {
    seniors.saveAll(List.of(senior("WR-1", "+821012340001", ENDED), senior("WR-2", "+821012340002", null)));
    attempt("wr-a1", "WR-1", "DONE", "NO_ANSWER");
    attempt("wr-a2", "WR-1", "DONE", "WELL");
    attempt("wr-a3", "WR-1", "SCHEDULED", null);
    attempt("wr-b1", "WR-2", "SCHEDULED", null);
    jdbc.update("insert into welfare_streak (senior_id, unreached) values ('WR-1', 1)");
    jdbc.update("insert into welfare_escalation (attempt_id, senior_id, reason, contact_id, decided_at, case_id, done)"
        + " values ('wr-a1', 'WR-1', 'UNREACHED', 'wr-k1', ?, 'C-WR-1', true)", noon(ENDED.minusDays(3)));
  }

  private void attempt(String id, String senior, String state, String outcome) {
    jdbc.update("insert into welfare_attempt (id, senior_id, call_day, attempt_no, due_at, check_in_mode, state,"
        + " outcome) values (?, ?, ?, 1, ?, 'AUTOMATED', ?, ?)", id, senior, ENDED.minusDays(3),
        noon(ENDED.minusDays(3)), state, outcome);
  }

  @Test
  void aSeniorIsAnonymisedOnlyAfterTheirEnrolmentEndedAndThePeriodPassed() {
    seed();
    now = noon(ENDED.plusDays(30));
    assertEquals(0, retention.sweep(), "the last day of the period still keeps the record");
    now = noon(ENDED.plusDays(31));
    assertEquals(1, retention.sweep());
    assertTrue(seniors.find(new SeniorId("WR-1")).isEmpty(), "no view finds the anonymised senior");
    assertTrue(seniors.findByPhone(new CitizenIdentity.Phone("+821012340001")).isEmpty());
    assertEquals(0, rows.count("select count(*) from welfare_senior_phone where senior_id = 'WR-1'"));
    assertEquals(0, rows.count("select count(*) from welfare_streak where senior_id = 'WR-1'"));
    assertEquals(1, rows.count("select count(*) from welfare_senior where id = 'WR-1' and name = ? and consent_by = ?"
        + " and phones = '' and address = '' and emergency_contacts = '' and worker = '' and worker_phone is null"
        + " and windows = '' and care_notes = '' and anonymised_at = ?", RetentionSweep.ERASED_TEXT,
        RetentionSweep.ERASED_TEXT, now));
    assertTrue(seniors.find(new SeniorId("WR-2")).isPresent(), "an enrolled senior is untouched");
    assertEquals(0, retention.sweep(), "idempotent");
  }

  @Test
  void theProgramsCountsStay() {
    seed();
    now = noon(ENDED.plusDays(400));
    retention.sweep();
    assertEquals(1, rows.count("select count(*) from welfare_senior where id = 'WR-1' and district = 'Jongno-gu'"
        + " and language = 'ko' and consent_calls and consent_sms and consent_sharing and not consent_emergency"
        + " and enrolled_on = ? and ends_on = ?", LocalDate.of(2025, 1, 6), ENDED));
    assertEquals("NO_ANSWER,WELL,WITHDRAWN", rows.text("select string_agg(outcome, ',' order by outcome)"
        + " from welfare_attempt where senior_id = 'WR-1' and state = 'DONE'"),
        "outcomes stay; the attempt still scheduled is withdrawn, never called");
    assertEquals("C-WR-1", rows.text("select case_id from welfare_escalation where attempt_id = 'wr-a1'"));
    assertEquals(1, rows.count("select count(*) from welfare_attempt where senior_id = 'WR-2' and state = 'SCHEDULED'"));
  }

  @Test
  void importingTheSameIdAgainEnrolsTheSeniorAfresh() {
    seed();
    now = noon(ENDED.plusDays(400));
    retention.sweep();
    Senior back = senior("WR-1", "+821012340009", null);
    seniors.saveAll(List.of(back));
    assertEquals(back, seniors.find(new SeniorId("WR-1")).orElseThrow());
    assertEquals(back, seniors.findByPhone(new CitizenIdentity.Phone("+821012340009")).orElseThrow());
    assertEquals(0, retention.sweep());
  }

  @Test
  void anEnrolmentWithoutAnEndIsNeverSwept() {
    seed();
    now = noon(ENDED.plusDays(5000));
    retention.sweep();
    assertFalse(seniors.find(new SeniorId("WR-2")).isEmpty());
  }

  /** The citizen JournalOutboundContacts created for WR-1's welfare calls, with the contact of attempt wr-a1. */
  private void welfareCitizen(String citizen, String phone) {
    rows.citizen(citizen, "Kim Senior", phone);
    rows.contact("wr-k1", citizen, "VOICE", noon(ENDED.minusDays(3)));
    jdbc.update("update welfare_attempt set contact_id = 'wr-k1' where id = 'wr-a1'");
  }

  @Test
  void aCitizenWithOnlyWelfareContactsIsErasedWithTheSenior() {
    seed();
    welfareCitizen("wr-c1", "+821012340001");
    rows.citizen("wr-c2", "Park Neighbour", "+821099990002");
    now = noon(ENDED.plusDays(31));
    assertEquals(1, retention.sweep());
    assertEquals(0, rows.count("select count(*) from citizen where id = 'wr-c1' and name is not null"), "name erased");
    assertEquals(0, rows.count("select count(*) from citizen_identity where citizen_id = 'wr-c1'"), "phone erased");
    assertEquals(1, rows.count("select count(*) from contact where id = 'wr-k1' and citizen_id = 'wr-c1'"),
        "the welfare contact stays for the counts");
    assertEquals(1, rows.count("select count(*) from audit_log where action = 'erase' and record_id = 'wr-c1'"
        + " and actor = ?", WelfareRetention.ACTOR));
    assertEquals("Park Neighbour", rows.text("select name from citizen where id = 'wr-c2'"), "another citizen is untouched");
    assertEquals(0, retention.sweep(), "idempotent");
  }

  @Test
  void aCitizenWhoAlsoContactedTheCityAboutSomethingElseKeepsTheirRecord() {
    seed();
    welfareCitizen("wr-c1", "+821012340001");
    rows.contact("wr-k2", "wr-c1", "SMS", noon(ENDED.minusDays(2)));
    now = noon(ENDED.plusDays(31));
    assertEquals(1, retention.sweep());
    assertEquals("Kim Senior", rows.text("select name from citizen where id = 'wr-c1'"));
    assertEquals(1, rows.count("select count(*) from citizen_identity where citizen_id = 'wr-c1'"));
  }

  @Test
  void thePeriodMustBeAtLeastADay() {
    assertThrows(IllegalArgumentException.class, () -> new WelfareRetention(jdbc, 0, "Asia/Seoul", () -> now, null));
  }
}
