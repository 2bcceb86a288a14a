package org.onenumber.server.reform;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.onenumber.server.persistence.Jdbc;

/**
 * The contacts and cases linked to reform tasks ({@code reform_task_link}, migration V320): ids
 * only. Linking an id twice keeps the first link. Thread-safe.
 */
@Singleton
final class JdbcReformLinks {

  /** What a link points at. */
  enum Kind { CONTACT, CASE }

  /** One link: a contact's or case's id. */
  record Link(Kind kind, String recordId) {}

  private final Jdbc jdbc;

  JdbcReformLinks(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Links {@code ids} of {@code kind} to the task (one transaction); returns how many were new. */
  int link(String task, Kind kind, Collection<String> ids, String by, Instant at) {
    return jdbc.inTransaction(() -> {
      int added = 0;
      for (String id : ids) {
        if (jdbc.queryOne("select 1 as x from reform_task_link where task_id = ? and kind = ? and record_id = ?",
            row -> 1, task, kind.name(), id).isEmpty()) {
          added += jdbc.update("insert into reform_task_link (task_id, kind, record_id, linked_by, linked_at)"
              + " values (?, ?, ?, ?, ?)", task, kind.name(), id, by, at);
        }
      }
      return added;
    });
  }

  /** The task's links, oldest first. */
  List<Link> of(String task) {
    return jdbc.query("select kind, record_id from reform_task_link where task_id = ? order by linked_at, kind, record_id",
        row -> new Link(Kind.valueOf(row.getString("kind")), row.getString("record_id")), task);
  }

  /** The ids of cases of {@code type} (their stored category), newest first, at most {@code limit}. */
  List<String> casesOfType(String type, int limit) {
    return jdbc.query("select case_id from case_category where type_code = ? order by chosen_at desc, case_id"
        + " fetch first " + limit + " rows only", row -> row.getString("case_id"), type);
  }
}
