package org.onenumber.server.reform;

import jakarta.inject.Singleton;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onenumber.core.reform.Cause;
import org.onenumber.core.reform.ReformTask;
import org.onenumber.server.persistence.Jdbc;

/**
 * Reform tasks in {@code reform_task} and their history in {@code reform_step} (migration V281).
 * {@link #save} writes the task and the history entries not yet stored, in one transaction.
 * Thread-safe.
 */
@Singleton
final class JdbcReformTasks {

  private final Jdbc jdbc;

  JdbcReformTasks(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  void save(ReformTask t) {
    jdbc.inTransaction(() -> {
      if (jdbc.update("update reform_task set step = ?, fixed_at = ?, closed_at = ? where id = ?",
          t.step(), t.fixedAt(), t.closedAt(), t.id()) == 0) {
        jdbc.update("insert into reform_task (id, issue_key, type_code, cause, title, owner, due_on, step, fixed_at,"
            + " closed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", t.id(), t.issue(), t.type(), t.cause().name(),
            t.title(), t.owner(), Date.valueOf(t.due()), t.step(), t.fixedAt(), t.closedAt());
      }
      int stored = jdbc.queryOne("select count(*) as n from reform_step where task_id = ?", row -> row.getInt("n"),
          t.id()).orElse(0);
      for (int seq = stored; seq < t.history().size(); seq++) {
        ReformTask.Entry e = t.history().get(seq);
        jdbc.update("insert into reform_step (task_id, seq, step, what, author, at, note) values (?, ?, ?, ?, ?, ?, ?)",
            t.id(), seq, e.step(), e.what(), e.author(), e.at(), e.note());
      }
      return null;
    });
  }

  Optional<ReformTask> find(String id) {
    return all("where id = ?", id).stream().findFirst();
  }

  /** Every task, newest first. */
  List<ReformTask> all() {
    return all("");
  }

  private List<ReformTask> all(String where, Object... args) {
    Map<String, List<ReformTask.Entry>> history = new HashMap<>();
    jdbc.query("select * from reform_step " + where.replace("id", "task_id") + " order by task_id, seq", row ->
        history.computeIfAbsent(row.getString("task_id"), k -> new ArrayList<>()).add(new ReformTask.Entry(
            row.getInt("step"), row.getString("what"), row.getString("author"), Jdbc.instant(row, "at"),
            row.getString("note"))), args);
    return jdbc.query("select * from reform_task " + where + " order by fixed_at desc, id", row -> new ReformTask(
        row.getString("id"), row.getString("issue_key"), row.getString("type_code"),
        Cause.valueOf(row.getString("cause")), row.getString("title"), row.getString("owner"),
        row.getDate("due_on").toLocalDate(), row.getInt("step"), Jdbc.instant(row, "fixed_at"),
        Jdbc.instant(row, "closed_at"), history.getOrDefault(row.getString("id"), List.of())), args);
  }
}
