package org.onenumber.server.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.CasePriority;
import org.onenumber.core.casework.CaseStatus;
import org.onenumber.core.casework.CaseStatusChange;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.port.out.CaseRegistry;

/** Cases on tables {@code case_file}, {@code case_contact} and {@code case_status}. Thread-safe. */
@Singleton
public final class JdbcCaseRegistry implements CaseRegistry {

  private final Jdbc jdbc;

  public JdbcCaseRegistry(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void save(Case c) {
    jdbc.inTransaction(() -> {
      int updated = jdbc.update("update case_file set status = ? where id = ?", c.status().name(), c.id().value());
      if (updated == 0) {
        jdbc.update("insert into case_file (id, department_id, category, priority, summary, citizen_id, due_at,"
                + " status, opened_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", c.id().value(), c.department().value(),
            c.category(), c.priority().name(), c.summary(), c.citizen().value(), c.dueAt(), c.status().name(),
            c.openedAt());
      }
      int contacts = count("case_contact", c.id());
      for (int seq = contacts; seq < c.contacts().size(); seq++) {
        jdbc.update("insert into case_contact (case_id, seq, contact_id) values (?, ?, ?)", c.id().value(), seq,
            c.contacts().get(seq).value());
      }
      int statuses = count("case_status", c.id());
      for (int seq = statuses; seq < c.history().size(); seq++) {
        CaseStatusChange s = c.history().get(seq);
        jdbc.update("insert into case_status (case_id, seq, status, at, author, note) values (?, ?, ?, ?, ?, ?)",
            c.id().value(), seq, s.status().name(), s.at(), s.author(), s.note());
      }
      return null;
    });
  }

  private int count(String table, CaseId id) {
    return jdbc.queryOne("select count(*) from " + table + " where case_id = ?", row -> row.getInt(1), id.value())
        .orElse(0);
  }

  @Override
  public Optional<Case> find(CaseId id) {
    return jdbc.queryOne("select * from case_file where id = ?", this::read, id.value());
  }

  @Override
  public List<Case> byDepartment(DepartmentId department, int limit) {
    return jdbc.query("select * from case_file where department_id = ? order by opened_at desc, id desc limit ?",
        this::read, department.value(), limit);
  }

  @Override
  public List<Case> byContact(ContactId contact) {
    return jdbc.query("select f.* from case_file f join case_contact cc on cc.case_id = f.id where cc.contact_id = ?"
        + " order by f.opened_at, f.id", this::read, contact.value());
  }

  @Override
  public long nextSequence() {
    return jdbc.queryOne("select nextval('case_number_seq')", row -> row.getLong(1)).orElseThrow();
  }

  private Case read(ResultSet row) throws SQLException {
    String id = row.getString("id");
    List<ContactId> contacts = jdbc.query("select contact_id from case_contact where case_id = ? order by seq",
        r -> new ContactId(r.getString(1)), id);
    List<CaseStatusChange> history = jdbc.query("select * from case_status where case_id = ? order by seq",
        r -> new CaseStatusChange(CaseStatus.valueOf(r.getString("status")), Jdbc.instant(r, "at"),
            r.getString("author"), r.getString("note")), id);
    return new Case(new CaseId(id), new DepartmentId(row.getString("department_id")), row.getString("category"),
        CasePriority.valueOf(row.getString("priority")), row.getString("summary"),
        new CitizenId(row.getString("citizen_id")), contacts, Jdbc.instant(row, "due_at"), history);
  }
}
