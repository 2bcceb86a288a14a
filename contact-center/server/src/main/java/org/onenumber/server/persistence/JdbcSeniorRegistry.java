package org.onenumber.server.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.directory.Language;
import org.onenumber.core.port.out.SeniorRegistry;
import org.onenumber.core.welfare.CallWindow;
import org.onenumber.core.welfare.CheckInMode;
import org.onenumber.core.welfare.EmergencyContact;
import org.onenumber.core.welfare.Senior;
import org.onenumber.core.welfare.SeniorId;
import org.onenumber.core.welfare.WelfareConsent;

/**
 * Seniors on tables {@code welfare_senior} and {@code welfare_senior_phone} (one row per phone, for
 * the text replies). Phones, windows and emergency contacts are delimited text, written and read
 * whole. A senior anonymised by the welfare retention ({@code anonymised_at} set) is no longer
 * found; saving the same id again re-enrols them. Thread-safe.
 */
@Singleton
public final class JdbcSeniorRegistry implements SeniorRegistry {

  private final Jdbc jdbc;

  public JdbcSeniorRegistry(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Senior> find(SeniorId id) {
    return jdbc.queryOne("select * from welfare_senior where id = ? and anonymised_at is null", JdbcSeniorRegistry::read, id.value());
  }

  @Override
  public Optional<Senior> findByPhone(CitizenIdentity.Phone phone) {
    return jdbc.queryOne("select s.* from welfare_senior s join welfare_senior_phone p on p.senior_id = s.id"
        + " where p.phone = ? and s.anonymised_at is null", JdbcSeniorRegistry::read, phone.value());
  }

  @Override
  public List<Senior> enrolledBetween(LocalDate from, LocalDate to) {
    return jdbc.query("select * from welfare_senior where enrolled_on <= ? and (ends_on is null or ends_on >= ?)"
        + " and anonymised_at is null order by id", JdbcSeniorRegistry::read, to, from);
  }

  @Override
  public void saveAll(List<Senior> seniors) {
    jdbc.inTransaction(() -> {
      for (Senior s : seniors) {
        jdbc.update("delete from welfare_senior_phone where senior_id = ?", s.id().value());
        Object[] values = {s.name(), join(s.phones().stream().map(CitizenIdentity.Phone::value).toList(), ","),
            s.address(), s.district(), s.language().code(), s.consent().calls(), s.consent().sms(),
            s.consent().sharing(), s.consent().emergencyContact(), s.consent().givenBy(), s.consent().givenAt(),
            join(s.emergencyContacts().stream().map(e -> e.name() + "|" + e.relation() + "|" + e.phone().value())
                .toList(), "\n"),
            s.worker(), s.workerPhone() == null ? null : s.workerPhone().value(),
            join(s.windows().stream().map(CallWindow::toString).toList(), ";"), s.mode().name(), s.careNotes(),
            s.enrolledOn(), s.endsOn(), s.id().value()};
        int updated = jdbc.update("update welfare_senior set name = ?, phones = ?, address = ?, district = ?,"
            + " language = ?, consent_calls = ?, consent_sms = ?, consent_sharing = ?, consent_emergency = ?,"
            + " consent_by = ?, consent_at = ?, emergency_contacts = ?, worker = ?, worker_phone = ?, windows = ?,"
            + " check_in_mode = ?, care_notes = ?, enrolled_on = ?, ends_on = ?, anonymised_at = null"
            + " where id = ?", values);
        if (updated == 0) {
          jdbc.update("insert into welfare_senior (name, phones, address, district, language, consent_calls,"
              + " consent_sms, consent_sharing, consent_emergency, consent_by, consent_at, emergency_contacts, worker,"
              + " worker_phone, windows, check_in_mode, care_notes, enrolled_on, ends_on, id)"
              + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        }
        for (CitizenIdentity.Phone phone : s.phones()) {
          jdbc.update("delete from welfare_senior_phone where phone = ?", phone.value());
          jdbc.update("insert into welfare_senior_phone (phone, senior_id) values (?, ?)", phone.value(),
              s.id().value());
        }
      }
      return null;
    });
  }

  /** How many seniors are enrolled on {@code day}. */
  public int enrolledOn(LocalDate day) {
    return jdbc.queryOne("select count(*) from welfare_senior where enrolled_on <= ? and (ends_on is null"
        + " or ends_on >= ?)", row -> row.getInt(1), day, day).orElse(0);
  }

  private static String join(List<String> parts, String delimiter) {
    return String.join(delimiter, parts);
  }

  static Senior read(ResultSet row) throws SQLException {
    List<CitizenIdentity.Phone> phones = Arrays.stream(row.getString("phones").split(","))
        .map(CitizenIdentity.Phone::new).toList();
    List<EmergencyContact> contacts = new ArrayList<>();
    for (String line : row.getString("emergency_contacts").split("\n")) {
      if (!line.isBlank()) {
        String[] f = line.split("\\|", -1);
        contacts.add(new EmergencyContact(f[0], f[1], new CitizenIdentity.Phone(f[2])));
      }
    }
    List<CallWindow> windows = Arrays.stream(row.getString("windows").split(";")).map(CallWindow::parse).toList();
    String workerPhone = row.getString("worker_phone");
    return new Senior(new SeniorId(row.getString("id")), row.getString("name"), phones, row.getString("address"),
        row.getString("district"), new Language(row.getString("language")),
        new WelfareConsent(row.getBoolean("consent_calls"), row.getBoolean("consent_sms"),
            row.getBoolean("consent_sharing"), row.getBoolean("consent_emergency"), row.getString("consent_by"),
            Jdbc.instant(row, "consent_at")),
        contacts, row.getString("worker"), workerPhone == null ? null : new CitizenIdentity.Phone(workerPhone),
        windows, CheckInMode.valueOf(row.getString("check_in_mode")), row.getString("care_notes"),
        row.getObject("enrolled_on", LocalDate.class), row.getObject("ends_on", LocalDate.class));
  }
}
