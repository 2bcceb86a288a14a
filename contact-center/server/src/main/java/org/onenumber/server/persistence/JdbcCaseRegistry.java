package org.onenumber.server.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseEntryKind;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.CaseInbox;
import org.onenumber.core.casework.CasePriority;
import org.onenumber.core.casework.CaseStatus;
import org.onenumber.core.casework.CaseStatusChange;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.error.VersionConflictException;
import org.onenumber.core.port.out.CaseRegistry;

/**
 * Cases on tables {@code case_file}, {@code case_contact} and {@code case_status} (one row per
 * history entry, only ever inserted). An update is a compare-and-set on {@code case_file.version}:
 * the row lock it takes serializes concurrent writers, and the loser finds a version it did not
 * expect. A case filed through Open311 also has its listed columns on its request row rewritten in
 * the same transaction ({@link Open311CaseColumns}). Thread-safe.
 */
@Singleton
public final class JdbcCaseRegistry implements CaseRegistry {

  /** The statuses a department is done with, for "not done" filters. */
  private static final String DONE = "('RESOLVED', 'REJECTED', 'MERGED', 'CLOSED')";

  /**
   * Low ratings ({@link org.onenumber.core.casework.CaseSatisfaction#needsFollowUp}) without a staff
   * note after them; {@code case_status_kind} (V305) finds the few rating rows among all rows.
   */
  private static final String FOLLOW_UP = "select * from case_file f where f.department_id = ? and f.id in"
      + " (select r.case_id from case_status r where r.kind = 'RATED' and r.detail in ('1', '2') and not exists"
      + " (select 1 from case_status n where n.case_id = r.case_id and n.seq > r.seq and n.kind = 'NOTE'))"
      + " order by f.opened_at, f.id limit ?";

  /** How many cases one contacts/history statement reads ({@link #cases}). */
  private static final int CHUNK = 500;

  private final Jdbc jdbc;

  public JdbcCaseRegistry(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void save(Case c) {
    jdbc.inTransaction(() -> {
      int updated = jdbc.update("update case_file set status = ?, department_id = ?, due_at = ?, assignee = ?,"
          + " version = ? where id = ?", c.status().name(), c.department().value(), c.dueAt(), c.assignee(),
          c.version(), c.id().value());
      if (updated == 0) {
        jdbc.update("insert into case_file (id, department_id, category, priority, summary, citizen_id, due_at,"
                + " status, opened_at, version, assignee) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", c.id().value(),
            c.department().value(), c.category(), c.priority().name(), c.summary(), c.citizen().value(), c.dueAt(),
            c.status().name(), c.openedAt(), c.version(), c.assignee());
      }
      appendRows(c, count("case_status", c.id()));
      Open311CaseColumns.write(jdbc, c);
      return null;
    });
  }

  /** Three inserts (the case, its contacts, its history), no update or count first; a stored id fails on the key. */
  @Override
  public void create(Case c) {
    jdbc.inTransaction(() -> {
      jdbc.update("insert into case_file (id, department_id, category, priority, summary, citizen_id, due_at,"
              + " status, opened_at, version, assignee) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", c.id().value(),
          c.department().value(), c.category(), c.priority().name(), c.summary(), c.citizen().value(), c.dueAt(),
          c.status().name(), c.openedAt(), c.version(), c.assignee());
      appendRows(c, 0, 0);
      return null;
    });
  }

  @Override
  public void update(Case c, int expectedVersion) {
    jdbc.inTransaction(() -> {
      int updated = jdbc.update("update case_file set status = ?, department_id = ?, due_at = ?, assignee = ?,"
          + " version = ? where id = ? and version = ?", c.status().name(), c.department().value(), c.dueAt(),
          c.assignee(), c.version(), c.id().value(), expectedVersion);
      if (updated == 0) {
        int current = jdbc.queryOne("select version from case_file where id = ?", row -> row.getInt(1),
            c.id().value()).orElse(0);
        throw new VersionConflictException("case " + c.id(), expectedVersion, current);
      }
      appendRows(c, expectedVersion);
      Open311CaseColumns.write(jdbc, c);
      return null;
    });
  }

  private void appendRows(Case c, int storedRows) {
    appendRows(c, count("case_contact", c.id()), storedRows);
  }

  /** Inserts the contacts from {@code storedContacts} and the history rows from {@code storedRows} on. */
  private void appendRows(Case c, int storedContacts, int storedRows) {
    for (int seq = storedContacts; seq < c.contacts().size(); seq++) {
      jdbc.update("insert into case_contact (case_id, seq, contact_id) values (?, ?, ?)", c.id().value(), seq,
          c.contacts().get(seq).value());
    }
    for (int seq = storedRows; seq < c.history().size(); seq++) {
      CaseStatusChange s = c.history().get(seq);
      jdbc.update("insert into case_status (case_id, seq, status, at, author, note, public_note, kind, detail)"
              + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", c.id().value(), seq, s.status().name(), s.at(), s.author(),
          s.note(), s.publicNote(), s.kind().name(), s.detail());
    }
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
    return cases("select * from case_file where department_id = ? order by opened_at desc, id desc limit ?",
        department.value(), limit);
  }

  /**
   * Every stored case, in id order, a page of {@code page} cases at a time (keyset on the primary
   * key): memory holds one page, so a million cases can be folded at start-up in a 512 MB heap.
   */
  public void forEachCase(int page, Consumer<Case> each) {
    String after = "";
    while (true) {
      List<Case> batch = cases("select * from case_file where id > ? order by id limit ?", after, page);
      batch.forEach(each);
      if (batch.size() < page) {
        return;
      }
      after = batch.get(batch.size() - 1).id().value();
    }
  }

  @Override
  public List<Case> byContact(ContactId contact) {
    return cases("select f.* from case_file f join case_contact cc on cc.case_id = f.id where cc.contact_id = ?"
        + " order by f.opened_at, f.id", contact.value());
  }

  @Override
  public List<Case> inbox(DepartmentId department, CaseInbox view, String staff, Instant now, Instant soonUntil,
      int limit) {
    String open = "select * from case_file where department_id = ? and status not in " + DONE;
    String d = department.value();
    return switch (view) {
      case NEW -> cases("select * from case_file where department_id = ? and status in ('OPEN', 'REOPENED')"
          + " order by opened_at, id limit ?", d, limit);
      case MINE -> cases(open + " and assignee = ? order by due_at, id limit ?", d, staff == null ? "" : staff, limit);
      case DUE_SOON -> cases(open + " and due_at >= ? and due_at < ? order by due_at, id limit ?", d, now, soonUntil,
          limit);
      case OVERDUE -> cases(open + " and due_at < ? order by due_at, id limit ?", d, now, limit);
      case ACTIVE -> cases(open + " order by due_at, id limit ?", d, limit);
      case FOLLOW_UP -> cases(FOLLOW_UP, d, limit);
    };
  }

  @Override
  public List<Case> dueBefore(Instant dueBefore, int limit) {
    return cases("select * from case_file where due_at < ? and status not in " + DONE
        + " order by due_at, id limit ?", dueBefore, limit);
  }

  @Override
  public List<Case> resolvedQuietSince(Instant since, int limit) {
    return cases("select * from case_file f where f.status = 'RESOLVED' and not exists"
        + " (select 1 from case_status s where s.case_id = f.id and s.at > ?) order by f.opened_at, f.id limit ?",
        since, limit);
  }

  @Override
  public List<Case> byCitizen(CitizenId citizen) {
    return cases("select * from case_file where citizen_id = ? order by opened_at, id", citizen.value());
  }

  @Override
  public long nextSequence() {
    return jdbc.queryOne("select nextval('case_number_seq')", row -> row.getLong(1)).orElseThrow();
  }

  /**
   * The cases {@code sql} selects from {@code case_file}, in its order, with their contacts and
   * histories read for all of them at once (two statements per {@value #CHUNK} cases, not two per
   * case): an inbox page is three statements.
   */
  private List<Case> cases(String sql, Object... args) {
    List<CaseRow> rows = jdbc.query(sql, CaseRow::of, args);
    Map<String, List<ContactId>> contacts = new HashMap<>();
    Map<String, List<CaseStatusChange>> histories = new HashMap<>();
    for (int from = 0; from < rows.size(); from += CHUNK) {
      Object[] ids = rows.subList(from, Math.min(rows.size(), from + CHUNK)).stream().map(CaseRow::id).toArray();
      String in = " where case_id in (" + String.join(", ", Collections.nCopies(ids.length, "?")) + ")"
          + " order by case_id, seq";
      jdbc.query("select case_id, contact_id from case_contact" + in, r -> contacts.computeIfAbsent(
          r.getString(1), k -> new ArrayList<>()).add(new ContactId(r.getString(2))), ids);
      jdbc.query("select * from case_status" + in, r -> histories.computeIfAbsent(r.getString("case_id"),
          k -> new ArrayList<>()).add(change(r)), ids);
    }
    return rows.stream().map(r -> r.toCase(contacts.getOrDefault(r.id(), List.of()),
        histories.getOrDefault(r.id(), List.of()))).toList();
  }

  /** One {@code case_file} row before its contacts and history are read. */
  private record CaseRow(String id, String department, String category, String priority, String summary,
      String citizen, Instant dueAt) {
    static CaseRow of(ResultSet row) throws SQLException {
      return new CaseRow(row.getString("id"), row.getString("department_id"), row.getString("category"),
          row.getString("priority"), row.getString("summary"), row.getString("citizen_id"),
          Jdbc.instant(row, "due_at"));
    }

    Case toCase(List<ContactId> contacts, List<CaseStatusChange> history) {
      return new Case(new CaseId(id), new DepartmentId(department), category, CasePriority.valueOf(priority), summary,
          new CitizenId(citizen), contacts, dueAt, history);
    }
  }

  private static CaseStatusChange change(ResultSet r) throws SQLException {
    return new CaseStatusChange(CaseStatus.valueOf(r.getString("status")), Jdbc.instant(r, "at"),
        r.getString("author"), r.getString("note"), r.getString("public_note"),
        CaseEntryKind.valueOf(r.getString("kind")), r.getString("detail"));
  }

  private Case read(ResultSet row) throws SQLException {
    String id = row.getString("id");
    List<ContactId> contacts = jdbc.query("select contact_id from case_contact where case_id = ? order by seq",
        r -> new ContactId(r.getString(1)), id);
    List<CaseStatusChange> history = jdbc.query("select * from case_status where case_id = ? order by seq",
        JdbcCaseRegistry::change, id);
    return new Case(new CaseId(id), new DepartmentId(row.getString("department_id")), row.getString("category"),
        CasePriority.valueOf(row.getString("priority")), row.getString("summary"),
        new CitizenId(row.getString("citizen_id")), contacts, Jdbc.instant(row, "due_at"), history);
  }
}
