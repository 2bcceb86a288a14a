package org.onenumber.server.persistence;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.onenumber.core.port.out.AnswerChangeLog;

/**
 * The change log on {@code answer_version.change_seq} (V370), each change joined with the answer's
 * current row. Thread-safe.
 */
@Singleton
public final class JdbcAnswerChangeLog implements AnswerChangeLog {

  private final Jdbc jdbc;

  public JdbcAnswerChangeLog(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long latestPosition() {
    return jdbc.queryOne("select coalesce(max(change_seq), 0) from answer_version", r -> r.getLong(1)).orElse(0L);
  }

  @Override
  public List<Change> changesAfter(long position, Collection<Long> alsoAt, int limit) {
    List<Object> args = new ArrayList<>();
    args.add(position);
    StringBuilder where = new StringBuilder("v.change_seq > ?");
    if (!alsoAt.isEmpty()) {
      where.append(" or v.change_seq in (").append("?, ".repeat(alsoAt.size() - 1)).append("?)");
      args.addAll(alsoAt);
    }
    args.add(limit);
    return jdbc.query("select v.change_seq, a.* from answer_version v join answer a on a.id = v.answer_id where "
        + where + " order by v.change_seq limit ?",
        r -> new Change(r.getLong("change_seq"), JdbcAnswerStore.read(r)), args.toArray());
  }
}
